import type { CoreEndpoint } from '../core-output.js';
import type { KeyInput } from '../electron-facade.js';

/** The endpoint of a core on 127.0.0.1:`port`, as the supervisor derives it from core.ready. */
export function endpointOn(port: number): CoreEndpoint {
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    origin: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
  };
}

/** A keyDown with no modifiers unless given. */
export function keyInput(input: Partial<KeyInput> & { key: string }): KeyInput {
  return {
    type: 'keyDown',
    code: '',
    shift: false,
    control: false,
    alt: false,
    meta: false,
    ...input,
  };
}
