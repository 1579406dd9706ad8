import type { KioskClient } from '../../contract/index.js';

/** What the renderer uses of a KioskClient; tests pass a fake. */
export type KioskClientLike = Pick<KioskClient, 'connection' | 'onConnection' | 'on' | 'execute'>;
