import { describe, expect, it } from 'vitest';
import { failed } from '../test/fake-client.js';
import { classifyFailure } from './proof-failure.js';

describe('classifyFailure', () => {
  it('takes the errorCode from the payload, else the completion code', () => {
    expect(classifyFailure(failed('commandErrorCode', 'noRecord'), 'prepare')).toEqual({
      errorCode: 'noRecord',
      kind: 'noRecord',
      retryable: false,
    });
    expect(classifyFailure(failed('sequenceError'), 'print')).toMatchObject({
      errorCode: 'sequenceError',
      kind: 'startAgain',
    });
  });

  it('reads an unknown typed failure while printing as a printer problem, not while preparing', () => {
    const unknown = failed('hardwareError', 'duplexUnitMissing', 'maintenance');
    expect(classifyFailure(unknown, 'print').kind).toBe('printer');
    expect(classifyFailure(unknown, 'prepare').kind).toBe('generic');
  });

  it('a command timing out while preparing is the platform being slow; while printing it is not', () => {
    expect(classifyFailure(failed('timeOut'), 'prepare')).toMatchObject({
      kind: 'network',
      retryable: true,
    });
    expect(classifyFailure(failed('timeOut'), 'print').kind).toBe('generic');
  });

  it('a lost connection or a rejected command gets the generic message and "try again"', () => {
    expect(classifyFailure({ kind: 'lost', reason: 'disconnected' }, 'print')).toEqual({
      errorCode: 'connectionLost',
      kind: 'generic',
      retryable: true,
    });
    expect(classifyFailure({ kind: 'rejected', status: 'tooManyRequests' }, 'prepare')).toEqual({
      errorCode: 'tooManyRequests',
      kind: 'generic',
      retryable: true,
    });
  });

  it('ignores an empty or non-string errorCode', () => {
    const odd = { kind: 'completed', completionCode: 'internalError', payload: { errorCode: 7 } };
    expect(classifyFailure(odd as never, 'prepare').errorCode).toBe('internalError');
    expect(classifyFailure(failed('internalError', ''), 'prepare').errorCode).toBe('internalError');
  });
});
