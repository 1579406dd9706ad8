/**
 * A4 proof rendering: pdfkit (printing/proof, in-process, fonts parsed and warm) against Chromium
 * `page.pdf()` of the equivalent HTML page (bench/proof-html.ts: same header, info grid, sentence,
 * QR as inline SVG, seal as SVG, watermark; system Noto Sans CJK), same run, same machine.
 *
 * Document: the one-page 无房证明 sample (SAMPLE_NO_HOUSING, zh-CN). Chromium gets a warm browser
 * and one reused page (setContent + pdf per document), so its number is its best case.
 *
 * Goals: pdfkit ≥ 10× faster than Chromium at p50, pdfkit p50 ≤ 25 ms, PDF ≤ 80 KB.
 * Also reported (details): pdfkit with different data every time (new proof id and name, so
 * those strings miss the layout cache), and the full ProofRenderer round trip through the worker.
 */
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import type { SignedProof } from '../contract/index.js';
import { loadProofFonts } from '../printing/fonts/index.js';
import { ProofRenderer } from '../printing/proof/proof-renderer.js';
import { renderProofPdf, type ProofRenderRequest } from '../printing/proof/render-proof-pdf.js';
import { SAMPLE_NO_HOUSING, sampleQr } from '../printing/proof/sample-proofs.js';
import { proofHtml } from './proof-html.js';
import { percentile, report } from './result.js';

const PDFKIT_RUNS = 200;
const CHROMIUM_RUNS = 40;
const WARMUP = 5;
const GOAL_RATIO = 10;
const GOAL_P50_MS = 25;
const GOAL_BYTES = 80 * 1024;

const request: ProofRenderRequest = {
  proof: SAMPLE_NO_HOUSING,
  locale: 'zh-CN',
  kioskId: 'FS-CHANCHENG-0042',
  printedAt: '2026-03-02T02:15:30Z',
};

interface Series {
  ms: number[];
  bytes: number;
}

async function measure(runs: number, once: (i: number) => Promise<number>): Promise<Series> {
  for (let i = 0; i < WARMUP; i++) await once(-1 - i);
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    bytes = await once(i);
    ms.push(performance.now() - started);
  }
  return { ms: ms.sort((a, b) => a - b), bytes };
}

/** The sample with a different proof id and name each time (realistic: every proof is new). */
function distinctProof(i: number): SignedProof {
  const names = ['陈嘉欣', '黎志强', '梁婉婷', '何俊熙', '区颖琳', '冼家豪'];
  const content = {
    ...SAMPLE_NO_HOUSING.content,
    proofId: `FS-ZJ-2026-0302-${String(100_000 + i).slice(-6)}`,
    subject: { ...SAMPLE_NO_HOUSING.content.subject, name: `${names[Math.abs(i) % names.length]}` },
  };
  return { content, qr: sampleQr(content) };
}

const fonts = await loadProofFonts();
if (!fonts.ok) throw new Error(fonts.error.message);

const pdfkit = await measure(
  PDFKIT_RUNS,
  async () => (await renderProofPdf(request, fonts.value)).pdf.length,
);
const pdfkitDistinct = await measure(
  PDFKIT_RUNS,
  async (i) =>
    (await renderProofPdf({ ...request, proof: distinctProof(i) }, fonts.value)).pdf.length,
);

const renderer = new ProofRenderer();
const viaWorker = await measure(PDFKIT_RUNS, async () => {
  const result = await renderer.render(request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.pdf.length;
});
await renderer.close();

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
let chrome: Series;
try {
  const page = await browser.newPage();
  const html = proofHtml(request);
  chrome = await measure(CHROMIUM_RUNS, async () => {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return pdf.length;
  });
} finally {
  await browser.close();
}

const p = (s: Series, q: number) => percentile(s.ms, q);
const ratio = p(chrome, 50) / p(pdfkit, 50);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (name: string, s: Series, runs: number) =>
  `${name.padEnd(34)} ${String(runs).padStart(5)} ${p(s, 50).toFixed(2).padStart(9)} ${p(s, 95).toFixed(2).padStart(9)} ${kb(s.bytes).padStart(10)}`;
console.log('A4 proof: 无房证明 (SAMPLE_NO_HOUSING, zh-CN, 1 page)');
console.log(
  `${'renderer'.padEnd(34)} ${'runs'.padStart(5)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'size'.padStart(10)}`,
);
console.log(row('pdfkit (in-process, warm fonts)', pdfkit, PDFKIT_RUNS));
console.log(row('pdfkit, new id/name every time', pdfkitDistinct, PDFKIT_RUNS));
console.log(row('pdfkit via ProofRenderer (worker)', viaWorker, PDFKIT_RUNS));
console.log(row('Chromium page.pdf() (warm page)', chrome, CHROMIUM_RUNS));
console.log(
  `Chromium / pdfkit p50: ${ratio.toFixed(1)}× (goal ≥ ${GOAL_RATIO}×); pdfkit p50 ${p(pdfkit, 50).toFixed(2)} ms ` +
    `(goal ≤ ${GOAL_P50_MS} ms); pdfkit ${kb(pdfkit.bytes)} (goal ≤ ${kb(GOAL_BYTES)})`,
);

const ms = (n: number) => Number(n.toFixed(2));
report({
  bench: 'proof-pdf',
  metric: 'chromium_to_pdfkit_p50_ratio',
  value: Number(ratio.toFixed(2)),
  goal: `>= ${GOAL_RATIO} (and pdfkit p50 <= ${GOAL_P50_MS} ms, pdf <= ${GOAL_BYTES} B)`,
  met: ratio >= GOAL_RATIO && p(pdfkit, 50) <= GOAL_P50_MS && pdfkit.bytes <= GOAL_BYTES,
  details: {
    document: 'SAMPLE_NO_HOUSING zh-CN, 1 page',
    pdfkitRuns: PDFKIT_RUNS,
    chromiumRuns: CHROMIUM_RUNS,
    pdfkitP50Ms: ms(p(pdfkit, 50)),
    pdfkitP95Ms: ms(p(pdfkit, 95)),
    pdfkitBytes: pdfkit.bytes,
    pdfkitDistinctDataP50Ms: ms(p(pdfkitDistinct, 50)),
    pdfkitDistinctDataP95Ms: ms(p(pdfkitDistinct, 95)),
    workerRoundTripP50Ms: ms(p(viaWorker, 50)),
    workerRoundTripP95Ms: ms(p(viaWorker, 95)),
    chromiumP50Ms: ms(p(chrome, 50)),
    chromiumP95Ms: ms(p(chrome, 95)),
    chromiumBytes: chrome.bytes,
  },
});
