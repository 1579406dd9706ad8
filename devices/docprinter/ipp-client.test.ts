import { afterEach, describe, expect, it } from 'vitest';
import { FakeIppServer, jobGroup, printerGroup } from './fake-ipp-server.js';
import type { FakeAnswer } from './fake-ipp-server.js';
import { IppClient } from './ipp-client.js';
import { IPP_OPERATIONS } from './ipp-operations.js';
import { GROUP_TAGS } from './ipp-types.js';
import type { IppMessage } from './ipp-types.js';
import { readNumber, readString, readStrings, groupOf } from './ipp-values.js';

let server: FakeIppServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(answer: (request: IppMessage) => FakeAnswer): Promise<IppClient> {
  server = await FakeIppServer.start(answer);
  return new IppClient({ port: server.port, queue: 'A4 queue', defaultTimeoutMs: 2000 });
}

const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

describe('IppClient', () => {
  it('sends Print-Job with the journal id as job-name and returns the job id', async () => {
    const client = await clientFor(() => ({ groups: [jobGroup(42, 3)] }));
    const submitted = await client.printJob(pdf, {
      jobName: 'J-0001',
      documentName: 'Proof',
      copies: 2,
      format: 'application/pdf',
      media: 'iso_a4_210x297mm',
    });
    expect(submitted).toEqual({ ok: true, value: { jobId: 42, state: 3 } });
    const request = server?.requests[0];
    const operation = request && groupOf(request, GROUP_TAGS.operation);
    expect(request?.code).toBe(IPP_OPERATIONS.printJob);
    expect(readString(operation, 'printer-uri')).toBe(
      `ipp://127.0.0.1:${server?.port}/printers/A4%20queue`,
    );
    expect(readString(operation, 'requesting-user-name')).toBe('kiosk');
    expect(readString(operation, 'job-name')).toBe('J-0001');
    expect(readString(operation, 'document-name')).toBe('Proof');
    expect(readString(operation, 'document-format')).toBe('application/pdf');
    const job = request && groupOf(request, GROUP_TAGS.job);
    expect(readNumber(job, 'copies')).toBe(2);
    expect(readString(job, 'media')).toBe('iso_a4_210x297mm');
    expect(request?.data).toEqual(pdf);
  });

  it('asks Get-Jobs for job-id, job-name and job-state and lists newest first', async () => {
    const client = await clientFor(() => ({
      groups: [jobGroup(3, 9), jobGroup(5, 3), { tag: GROUP_TAGS.job, attributes: [] }],
    }));
    const jobs = await client.getJobs('all');
    expect(jobs).toEqual({
      ok: true,
      value: [
        { jobId: 5, state: 3, name: undefined },
        { jobId: 3, state: 9, name: undefined },
      ],
    });
    const operation = server?.requests[0] && groupOf(server.requests[0], GROUP_TAGS.operation);
    expect(readString(operation, 'which-jobs')).toBe('all');
    expect(readStrings(operation, 'requested-attributes')).toEqual([
      'job-id',
      'job-name',
      'job-state',
    ]);
  });

  it('addresses Get-Job-Attributes and Cancel-Job by printer-uri + job-id', async () => {
    const client = await clientFor((request) =>
      request.code === IPP_OPERATIONS.cancelJob
        ? { status: 0x0404 }
        : { groups: [jobGroup(7, 8, ['aborted-by-system'])] },
    );
    const job = await client.getJobAttributes(7);
    expect(job).toMatchObject({
      ok: true,
      value: { jobId: 7, state: 8, reasons: ['aborted-by-system'] },
    });
    expect(readNumber(server?.requests[0]?.groups[0], 'job-id')).toBe(7);
    expect(await client.cancelJob(7)).toMatchObject({
      ok: false,
      error: { code: 'notPossible', ippStatus: 0x0404 },
    });
  });

  it('reads printer state, reasons without "none", and supplies', async () => {
    const client = await clientFor(() => ({
      groups: [
        printerGroup(
          3,
          ['none'],
          [
            { name: 'marker-names', values: [{ type: 'name', value: 'Black' }] },
            { name: 'marker-levels', values: [{ type: 'integer', value: 12 }] },
          ],
        ),
      ],
    }));
    expect(await client.getPrinterAttributes()).toMatchObject({
      ok: true,
      value: { state: 3, reasons: [], accepting: true, markers: [{ name: 'Black', level: 12 }] },
    });
  });

  it.each<[string, FakeAnswer, string]>([
    ['an IPP error status', { status: 0x0506 }, 'notAcceptingJobs'],
    ['an unknown queue', { status: 0x0406 }, 'queueNotFound'],
    ['HTTP 401', { http: 401 }, 'notAuthorized'],
    ['HTTP 500', { http: 500 }, 'httpError'],
    [
      'an HTML page',
      { http: 200, contentType: 'text/html', body: new Uint8Array(3) },
      'badResponse',
    ],
    ['undecodable bytes', { http: 200, body: Uint8Array.of(2, 0, 0) }, 'badResponse'],
    ['another request id', { requestId: 999, groups: [printerGroup(3)] }, 'badResponse'],
    ['no printer-state', { groups: [] }, 'badResponse'],
  ])('turns %s into a typed failure', async (_what, answer, code) => {
    const client = await clientFor(() => answer);
    expect(await client.getPrinterAttributes()).toMatchObject({ ok: false, error: { code } });
  });

  it('times out, and stops when aborted', async () => {
    const client = await clientFor(() => 'hang');
    expect(await client.getPrinterAttributes({ timeoutMs: 100 })).toMatchObject({
      ok: false,
      error: { code: 'timeOut', action: 'reset' },
    });
    const abort = new AbortController();
    const pending = client.getPrinterAttributes({ signal: abort.signal });
    setTimeout(() => abort.abort(), 50);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await client.getPrinterAttributes({ signal: AbortSignal.abort() })).toMatchObject({
      error: { code: 'cancelled' },
    });
  });

  it('reports cupsd down as connectionRefused with an action', async () => {
    const probe = await FakeIppServer.start(() => ({}));
    const port = probe.port;
    await probe.close();
    const client = new IppClient({ port, queue: 'PDF' });
    expect(await client.getPrinterAttributes()).toMatchObject({
      ok: false,
      error: { code: 'connectionRefused', action: 'maintenance' },
    });
  });

  it('refuses a job it must not send: empty name, not a PDF, bad copies', async () => {
    const client = await clientFor(() => ({ groups: [jobGroup(1, 3)] }));
    const format = 'application/pdf' as const;
    for (const spec of [
      { jobName: '', format },
      { jobName: 'x'.repeat(256), format },
      { jobName: 'ok', format, copies: 1.5 },
      { jobName: 'ok', format, copies: 100 },
    ]) {
      expect(await client.printJob(pdf, spec)).toMatchObject({ error: { code: 'invalidJob' } });
    }
    const text = new TextEncoder().encode('hello');
    expect(await client.printJob(text, { jobName: 'ok', format })).toMatchObject({
      error: { code: 'invalidJob' },
    });
    expect(server?.requests).toHaveLength(0);
    const raw = await client.printJob(text, { jobName: 'ok', format: 'application/vnd.cups-raw' });
    expect(raw.ok).toBe(true);
  });
});
