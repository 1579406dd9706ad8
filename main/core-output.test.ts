import { describe, expect, it } from 'vitest';
import { classifyCoreLine, LineSplitter } from './core-output.js';
import { endpointOn } from './testing/fixtures.js';

const ready = (fields: Record<string, unknown>) =>
  classifyCoreLine(JSON.stringify({ level: 30, msg: 'core.ready', ...fields }));

describe('classifyCoreLine', () => {
  it('reads the endpoint from the core.ready line', () => {
    expect(ready({ port: 8787, url: 'http://127.0.0.1:8787/' })).toEqual({
      kind: 'ready',
      endpoint: endpointOn(8787),
    });
  });

  it.each([
    ['localhost', 'http://localhost:8787/', 'ws://localhost:8787/ws'],
    ['IPv6 loopback', 'http://[::1]:8787/', 'ws://[::1]:8787/ws'],
  ])('accepts the other loopback hosts the core allows (%s)', (_name, url, wsUrl) => {
    expect(ready({ port: 8787, url })).toMatchObject({ kind: 'ready', endpoint: { url, wsUrl } });
  });

  it.each([
    [{ port: '8787', url: 'http://127.0.0.1:8787/' }, 'port'],
    [{ port: 8787 }, 'url is missing'],
    [{ port: 8787, url: 'not a url' }, 'not a URL'],
    [{ port: 8787, url: 'http://evil.example:8787/' }, 'loopback'],
    [{ port: 8787, url: 'http://127.0.0.1.evil.example:8787/' }, 'loopback'],
    [{ port: 8787, url: 'http://127.0.0.1@evil.example:8787/' }, 'loopback'],
    [{ port: 8787, url: 'http://10.0.0.5:8787/' }, 'loopback'],
    [{ port: 8787, url: 'https://127.0.0.1:8787/' }, 'loopback'],
    [{ port: 8787, url: 'http://127.0.0.1:9999/' }, 'disagree'],
  ])('refuses a ready line that would point the window elsewhere: %j', (fields, reason) => {
    const line = ready(fields);
    expect(line.kind).toBe('badReady');
    expect(line.kind === 'badReady' && line.reason).toContain(reason);
  });

  it('tells log lines from plain text', () => {
    expect(classifyCoreLine('{"level":30,"msg":"ws.connection.open"}')).toEqual({ kind: 'log' });
    expect(classifyCoreLine('Error: boom')).toEqual({ kind: 'text' });
    expect(classifyCoreLine('[1,2]')).toEqual({ kind: 'text' });
    expect(classifyCoreLine('null')).toEqual({ kind: 'text' });
  });
});

describe('LineSplitter', () => {
  it('joins lines split across chunks and strips CR', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('{"a":')).toEqual([]);
    expect(splitter.push('1}\r\n{"b":2}\n{"c"')).toEqual(['{"a":1}', '{"b":2}']);
    expect(splitter.flush()).toBe('{"c"');
    expect(splitter.flush()).toBeUndefined();
  });

  it('cuts a runaway line instead of growing without bound', () => {
    const splitter = new LineSplitter(10);
    expect(splitter.push('x'.repeat(25))).toEqual(['x'.repeat(10)]);
    expect(splitter.flush()).toBeUndefined();
  });
});
