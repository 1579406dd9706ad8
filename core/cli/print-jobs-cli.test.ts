import { afterEach, expect, it, vi } from 'vitest';
import { printJobs } from './print-jobs-cli.js';

afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

const JOB = '01JD5Z8X7W6V5T4S3R2Q1P0N9M';

it('refuses a mistyped outcome instead of settling the job as failed (before asking the core)', async () => {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  await printJobs('resolve', [JOB, 'complete', '--tech', 'tech-07', '--reason', 'looked at it']);
  expect(process.exitCode).toBe(2);
  expect(errors.join('\n')).toContain('usage');
});

it('prints the usage for an unknown option instead of a stack trace', async () => {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  await printJobs('reprint', [JOB, '--operator', 'x']);
  expect(process.exitCode).toBe(2);
  expect(errors.join('\n')).toMatch(/Unknown option '--operator'/);
});
