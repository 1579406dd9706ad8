import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand, parseServerMessage, unsolicited } from './validate.js';

describe('parseCommand', () => {
  it('accepts a valid command', () => {
    const parsed = parseCommand(
      JSON.stringify({
        header: { type: 'command', name: 'Session.End', requestId: 4, version: 1 },
        payload: { reason: 'idleTimeout' },
      }),
    );
    expect(parsed).toMatchObject({
      ok: true,
      command: { name: 'Session.End', requestId: 4, payload: { reason: 'idleTimeout' } },
    });
  });
  it('echoes what it can of a broken header', () => {
    const parsed = parseCommand(
      JSON.stringify({
        header: { type: 'command', name: 'Session.End', requestId: 4, version: 2 },
        payload: {},
      }),
    );
    expect(parsed).toMatchObject({
      ok: false,
      status: 'invalidMessage',
      name: 'Session.End',
      requestId: 4,
    });
  });
  it('rejects extra header fields (strict envelope)', () => {
    const parsed = parseCommand(
      JSON.stringify({
        header: { type: 'command', name: 'Kiosk.GetState', requestId: 1, version: 1, admin: true },
        payload: {},
      }),
    );
    expect(parsed.ok).toBe(false);
  });
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ header: v, payload: v })),
        ),
        (text) => {
          const parsed = parseCommand(text);
          expect(typeof parsed.ok).toBe('boolean');
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('server messages', () => {
  it('refuses to build an unsolicited event that breaks the contract', () => {
    expect(() =>
      unsolicited('IdCard.CardInserted', { identity: { cardType: 'passport' } } as never),
    ).toThrow();
  });
  it('drops an unsolicited event whose payload breaks the contract', () => {
    const bad = {
      header: { type: 'unsolicited', name: 'Session.Ended', version: 1 },
      payload: { reason: 'whatever' },
    };
    expect(parseServerMessage(JSON.stringify(bad)).ok).toBe(false);
  });
});
