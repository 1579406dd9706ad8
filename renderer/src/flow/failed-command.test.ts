import { describe, expect, it } from 'vitest';
import { failed } from '../test/fake-client.js';
import { failureCode } from './failed-command.js';

describe('failureCode', () => {
  it("names a failure by the core's errorCode, else by how the command ended", () => {
    expect(failureCode(failed('commandErrorCode', 'noRecord'))).toBe('noRecord');
    expect(failureCode(failed('commandErrorCode', ''))).toBe('commandErrorCode');
    expect(failureCode(failed('timeOut'))).toBe('timeOut');
    expect(failureCode({ kind: 'lost', reason: 'timeOut' })).toBe('connectionLost');
    expect(failureCode({ kind: 'rejected', status: 'tooManyRequests' })).toBe('tooManyRequests');
  });
});
