import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegisterResponse } from '../contract/platform-api.js';
import { enrol, signedInject, testPlatform, type TestPlatform } from './testing.js';

let platform: TestPlatform;
beforeEach(() => {
  platform = testPlatform({ enrolmentCodes: ['ONE-TIME-CODE-1'] });
});
afterEach(() => platform.close());

function register(body: object) {
  return platform.app.inject({ method: 'POST', url: '/v1/kiosks/register', payload: body });
}

describe('kiosk enrolment', () => {
  it('registers a kiosk with the dev code and gives it a 32-byte secret', async () => {
    const response = await register({ kioskId: 'FS-CC-0042', enrolmentCode: 'DEV-ENROL-000000' });
    expect(response.statusCode).toBe(200);
    const credentials = RegisterResponse.parse(response.json());
    expect(credentials.kioskId).toBe('FS-CC-0042');
    expect(Buffer.from(credentials.secret, 'base64url')).toHaveLength(32);
  });

  it('accepts a one-time code once, then refuses it', async () => {
    expect((await register({ kioskId: 'K-1', enrolmentCode: 'ONE-TIME-CODE-1' })).statusCode).toBe(
      200,
    );
    const again = await register({ kioskId: 'K-2', enrolmentCode: 'ONE-TIME-CODE-1' });
    expect(again.statusCode).toBe(403);
    expect(again.json()).toMatchObject({ error: 'enrolmentCodeUsed' });
  });

  it('refuses unknown codes and malformed requests', async () => {
    const unknown = await register({ kioskId: 'K-1', enrolmentCode: 'NOT-A-CODE' });
    expect(unknown.statusCode).toBe(403);
    expect(unknown.json()).toEqual({
      error: 'unknownEnrolmentCode',
      message: 'unknown enrolment code',
    });
    expect(
      (await register({ kioskId: 'bad id!', enrolmentCode: 'DEV-ENROL-000000' })).statusCode,
    ).toBe(400);
    expect((await register({ kioskId: 'K-1' })).statusCode).toBe(400);
  });

  it('rotates the secret when a registered kiosk enrols again; the old secret stops working', async () => {
    const first = await enrol(platform.app, 'K-ROTATE');
    const second = await enrol(platform.app, 'K-ROTATE');
    expect(second.secret).not.toBe(first.secret);
    const call = { method: 'GET', url: '/v1/catalogue' } as const;
    const withOld = await signedInject(platform.app, first, call);
    expect(withOld.statusCode).toBe(401);
    expect(withOld.json()).toMatchObject({ error: 'badSignature' });
    expect((await signedInject(platform.app, second, call)).statusCode).toBe(200);
  });

  it('takes codes added by the operator, and refuses the dev code when dev enrolment is off', async () => {
    const strict = testPlatform({ allowDevEnrolment: false, enrolmentCodes: [] });
    try {
      const dev = await strict.app.inject({
        method: 'POST',
        url: '/v1/kiosks/register',
        payload: { kioskId: 'K-1', enrolmentCode: 'DEV-ENROL-000000' },
      });
      expect(dev.statusCode).toBe(403);
      await strict.app.inject({
        method: 'POST',
        url: '/_control/enrolment-codes',
        payload: { codes: ['OPERATOR-7'] },
      });
      expect((await enrol(strict.app, 'K-1', 'OPERATOR-7')).kioskId).toBe('K-1');
    } finally {
      await strict.close();
    }
  });
});
