/**
 * The benchmark's Chromium side: the same proof as printing/proof renders with pdfkit, as one
 * HTML page for `page.pdf()` — same A4 geometry, red letterhead and title, info grid, sentence,
 * table (when the proof has one), QR as inline SVG rectangles, the seal as SVG (ring, star, name
 * on the arc with textPath), the diagonal repeated watermark (SVG pattern) and the footer with
 * page numbers. Fonts are the system Noto Sans CJK faces through fontconfig.
 */
import type { ProofContent } from '../contract/index.js';
import { PROOF_LABELS } from '../printing/proof/labels/index.js';
import { formatPrintedAt } from '../printing/proof/printed-at.js';
import { qrPath, QUIET_ZONE_MODULES } from '../printing/proof/qr-vector.js';
import type { ProofRenderRequest } from '../printing/proof/render-proof-pdf.js';
import { resolveSealStyle } from '../printing/proof/seal.js';
import { templateParts } from '../printing/proof/templates/index.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function qrSvg(text: string): string {
  const { size, ops } = qrPath(text);
  const box = size + 2 * QUIET_ZONE_MODULES;
  const d = ops
    .split('\n')
    .map((op) => {
      const [x, y, w] = op.split(' ');
      return `M${Number(x) + QUIET_ZONE_MODULES} ${Number(y) + QUIET_ZONE_MODULES}h${w}v1h-${w}z`;
    })
    .join('');
  return `<svg class="qr" viewBox="0 0 ${box} ${box}" shape-rendering="crispEdges"><rect width="${box}" height="${box}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}

function sealSvg(content: ProofContent, req: ProofRenderRequest): string {
  const style = resolveSealStyle(content.issuer.name, req.seal);
  const star = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? 27 : 27 * 0.382;
    const a = (i * Math.PI) / 5;
    return `${(radius * Math.sin(a)).toFixed(2)},${(-radius * Math.cos(a) - 2).toFixed(2)}`;
  }).join(' ');
  return `<svg class="seal" viewBox="-100 -100 200 200" style="opacity:.88">
    <defs><path id="arc" d="M -68 40 A 72 72 0 1 1 68 40"/></defs>
    <circle r="95" fill="none" stroke="${style.color}" stroke-width="10"/>
    <polygon points="${star}" fill="${style.color}"/>
    <text fill="${style.color}" font-size="23" font-weight="700"><textPath href="#arc" startOffset="50%" text-anchor="middle">${escape(style.text)}</textPath></text>
    <text y="58" fill="${style.color}" font-size="16" font-weight="700" text-anchor="middle">${escape(style.label)}</text>
  </svg>`;
}

function watermarkSvg(text: string): string {
  return `<svg class="watermark" width="210mm" height="297mm"><defs><pattern id="wm" width="300" height="170" patternUnits="userSpaceOnUse" patternTransform="rotate(-30)">
    <text x="0" y="42" font-size="11pt" fill="#e9e9e9">${escape(text)}</text>
    <text x="150" y="127" font-size="11pt" fill="#e9e9e9">${escape(text)}</text>
    <text x="-150" y="127" font-size="11pt" fill="#e9e9e9">${escape(text)}</text>
  </pattern></defs><rect width="100%" height="100%" fill="url(#wm)"/></svg>`;
}

/** The proof as a one-document HTML page (one A4 page: the benchmark uses the no-housing proof). */
export function proofHtml(req: ProofRenderRequest): string {
  const { content, qr } = req.proof;
  const labels = PROOF_LABELS[req.locale];
  const parts = templateParts(content, labels);
  const printedAt = formatPrintedAt(req.printedAt) ?? req.printedAt;
  const font = req.locale === 'zh-TW' ? 'Noto Sans CJK TC' : 'Noto Sans CJK SC';

  const rows: string[] = [];
  for (let i = 0; i < parts.fields.length; i += 2) {
    const a = parts.fields[i];
    const b = parts.fields[i + 1];
    if (!a) continue;
    rows.push(
      `<tr><th>${escape(a.label)}</th><td${b ? '' : ' colspan="3"'}>${escape(a.value)}</td>` +
        (b ? `<th>${escape(b.label)}</th><td>${escape(b.value)}</td>` : '') +
        '</tr>',
    );
  }
  const body = parts.body.map((p) => escape(typeof p === 'string' ? p : p.text)).join('');
  const table = parts.table
    ? `<table class="data"><thead><tr>${parts.table.header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${[
        ...parts.table.rows,
        ...(parts.table.totals ?? []),
      ]
        .map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : '';
  const notes = labels
    .notes(content.validUntil)
    .map((n, i) => `<li>${i + 1}. ${escape(n)}</li>`)
    .join('');

  return `<!doctype html><html lang="${req.locale}"><head><meta charset="utf-8"><style>
  @page { size: A4; margin: 0 }
  * { box-sizing: border-box }
  body { margin: 0; font-family: '${font}', sans-serif; color: #1a1a1a }
  .page { position: relative; width: 210mm; height: 297mm; overflow: hidden }
  .watermark { position: absolute; left: 0; top: 0 }
  .letterhead { position: absolute; top: 17mm; width: 100%; text-align: center; color: #c00000; font-weight: 700; font-size: 17pt }
  .title { position: absolute; top: 28mm; width: 100%; text-align: center; font-weight: 700; font-size: 22pt }
  .pid { position: absolute; top: 42mm; width: 100%; text-align: center; color: #555; font-size: 9.5pt }
  .qr { position: absolute; right: 20mm; top: 12mm; width: 34mm; height: 34mm }
  .qrcap { position: absolute; right: 20mm; top: 46.5mm; width: 34mm; text-align: center; font-size: 7.5pt; color: #555 }
  .rule { position: absolute; left: 20mm; right: 20mm; top: 54mm; border-top: 1.6pt solid #c00000; border-bottom: .6pt solid #c00000; height: 3pt }
  .content { position: absolute; left: 20mm; right: 20mm; top: 58mm }
  table { width: 100%; border-collapse: collapse; font-size: 10pt }
  th, td { border: .6pt solid #333; height: 7.5mm; padding: 0 5pt }
  th { background: #eee; font-weight: 700; width: 29mm }
  .data { margin-top: 2mm; font-size: 9.5pt } .data td { height: 6mm; text-align: center }
  p { font-size: 11pt; line-height: 1.8; text-indent: 2em; margin: 5mm 0 0 }
  .closing { position: relative; height: 42mm; margin-top: 3mm; font-size: 11pt }
  .sign { position: absolute; right: 8mm; top: 14mm; text-align: center; font-size: 12pt; line-height: 2 }
  .seal { position: absolute; right: 12mm; top: 1mm; width: 40mm; height: 40mm }
  .notes { list-style: none; padding: 0; margin: 4mm 0 0; font-size: 8.5pt; color: #555; line-height: 1.45 }
  .footer { position: absolute; left: 20mm; right: 20mm; top: 274mm; border-top: .5pt solid #999; text-align: center; font-size: 9pt; padding-top: 3mm }
  .footer small { display: block; font-size: 7.5pt; color: #555; margin-top: 1mm }
</style></head><body><div class="page">
  ${watermarkSvg(`${req.kioskId}  ${printedAt}`)}
  <div class="letterhead">${escape(content.issuer.name)}</div>
  <div class="title">${escape(labels.titles[content.type])}</div>
  <div class="pid">${escape(labels.proofIdLine(content.proofId))}</div>
  ${qrSvg(qr)}<div class="qrcap">${escape(labels.qrCaption)}</div>
  <div class="rule"></div>
  <div class="content">
    <table>${rows.join('')}</table>
    <p>${body}</p>
    ${table}
    <div class="closing">${escape(labels.closing)}
      <div class="sign">${escape(content.issuer.name)}<br>${escape(content.issuedOn)}</div>
      ${sealSvg(content, req)}
    </div>
    <div style="font-size:8.5pt;color:#555;font-weight:700;margin-top:2mm">${escape(labels.notesTitle)}</div>
    <ul class="notes">${notes}</ul>
  </div>
  <div class="footer">${escape(labels.page(1, 1))}<small>${escape(labels.footer(req.kioskId, printedAt))}</small></div>
</div></body></html>`;
}
