import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log.js';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('info', sink), lines };
}

describe('core logs never hold personal data', () => {
  it('masks names and ID numbers in known fields, at any depth', () => {
    const { log, lines } = capture();
    log.info(
      { identity: { name: '张三', idNumber: '11010519491231002X', address: '北京市东城区' } },
      'session.start',
    );
    const text = lines.join('');
    expect(text).toContain('张*');
    expect(text).toContain('1101**********002X');
    expect(text).not.toContain('张三');
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('北京市东城区');
  });
  it('masks ID numbers in free text and in error messages', () => {
    const { log, lines } = capture();
    log.warn('lookup failed for 11010519491231002X');
    log.error({ err: new Error('no record for 440104198001011234') }, 'platform.error');
    const text = lines.join('');
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).toContain('4401**********1234');
  });
  it('never writes the token', () => {
    const { log, lines } = capture();
    log.info({ token: 'secret-token-value' }, 'x');
    expect(lines.join('')).not.toContain('secret-token-value');
  });
});
