import { describe, expect, it } from 'vitest';
import { failed } from '../test/fake-client.js';
import { classifyApplicationFailure } from './application-failure.js';

describe('classifyApplicationFailure', () => {
  it('takes the core errorCode, with the retry and the way back that fit it', () => {
    expect(classifyApplicationFailure(failed('commandErrorCode', 'noDocument'), 'scan')).toEqual({
      errorCode: 'noDocument',
      kind: 'noDocument',
      retryable: true,
      exit: 'scan',
    });
    expect(
      classifyApplicationFailure(
        failed('commandErrorCode', 'storageFull', 'maintenance'),
        'submit',
      ),
    ).toEqual({
      errorCode: 'storageFull',
      kind: 'storageFull',
      retryable: false,
      exit: 'greeting',
    });
    expect(
      classifyApplicationFailure(failed('userError', 'unknownMatter'), 'submit'),
    ).toMatchObject({ kind: 'unknownMatter', exit: 'choose' });
  });

  it('a submission whose answer was lost has an unknown outcome: no "try again"', () => {
    for (const result of [
      { kind: 'lost', reason: 'disconnected' } as const,
      { kind: 'lost', reason: 'timeOut' } as const,
      failed('timeOut'),
    ]) {
      expect(classifyApplicationFailure(result, 'submit')).toMatchObject({
        kind: 'submitUnknown',
        retryable: false,
        exit: 'finish',
      });
    }
  });

  it('a lost connection while scanning or removing can be tried again from the scan screen', () => {
    const lost = { kind: 'lost', reason: 'disconnected' } as const;
    for (const phase of ['scan', 'remove'] as const) {
      expect(classifyApplicationFailure(lost, phase)).toEqual({
        errorCode: 'connectionLost',
        kind: 'connection',
        retryable: true,
        exit: 'scan',
      });
    }
  });

  it('reads other scanner failures while scanning as a failed scan, not elsewhere', () => {
    const jam = failed('hardwareError', 'paperJam', 'maintenance');
    expect(classifyApplicationFailure(jam, 'scan').kind).toBe('scanFailed');
    expect(classifyApplicationFailure(failed('timeOut'), 'scan').kind).toBe('scanFailed');
    expect(classifyApplicationFailure(failed('deviceNotReady'), 'scan').kind).toBe(
      'scannerNotReady',
    );
    expect(classifyApplicationFailure(jam, 'submit')).toMatchObject({
      kind: 'generic',
      retryable: true,
      exit: 'review',
    });
  });

  it('a core that does not offer the commands says the service is unavailable', () => {
    expect(classifyApplicationFailure(failed('unsupportedCommand'), 'scan')).toMatchObject({
      kind: 'unavailable',
      retryable: false,
      exit: 'greeting',
    });
    const rejected = { kind: 'rejected', status: 'unsupportedCommand' } as const;
    expect(classifyApplicationFailure(rejected, 'submit').kind).toBe('unavailable');
  });
});
