/**
 * Stand-in for the core bundle in proof-renderer.bundle.test.ts: bundled as core/kiosk-core.js
 * next to core/proof-worker.js, it renders one proof through ProofRenderer and prints the outcome.
 */
import { ProofRenderer } from '../proof-renderer.js';
import { SAMPLE_NO_HOUSING } from '../sample-proofs.js';

const renderer = new ProofRenderer();
const result = await renderer.render({
  proof: SAMPLE_NO_HOUSING,
  locale: 'en',
  kioskId: 'FS-CHANCHENG-0042',
  printedAt: '2026-03-02T02:15:30Z',
});
await renderer.close();
process.stdout.write(
  JSON.stringify(
    result.ok
      ? {
          ok: true,
          pageCount: result.value.pageCount,
          header: Buffer.from(result.value.pdf.subarray(0, 5)).toString('latin1'),
        }
      : result,
  ),
);
