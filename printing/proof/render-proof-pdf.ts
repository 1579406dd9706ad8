import PDFDocument from 'pdfkit';
import { Locale, PROOF_ATTACHMENT_NAME, SignedProof } from '../../contract/index.js';
import { familyFor, formatCodePoint, type ProofFonts } from '../fonts/index.js';
import { closingItem } from './closing-block.js';
import { paginate, type FlowItem } from './flow.js';
import { infoGridItems } from './info-grid.js';
import { PROOF_LABELS } from './labels/index.js';
import { drawPageChrome, type PageChrome } from './page-chrome.js';
import { CONTENT, CONTENT_WIDTH, INK, MARGIN_X, mm } from './page-geometry.js';
import { paragraphItems } from './paragraph.js';
import { formatPrintedAt } from './printed-at.js';
import { ProofRenderError } from './proof-render-error.js';
import { resolveSealStyle, type SealStyle } from './seal.js';
import { tableItems } from './table.js';
import { templateParts } from './templates/index.js';
import { TextPainter } from './text-painter.js';
import { createWatermark } from './watermark.js';

/** What to render. */
export interface ProofRenderRequest {
  /** The proof as the platform signed it. */
  proof: SignedProof;
  /** Language of the labels (data values are printed as given). */
  locale: Locale;
  /** The kiosk printing it (footer and watermark). */
  kioskId: string;
  /** ISO time of printing; injected so the same request gives the same bytes. */
  printedAt: string;
  /** The authority's seal; defaults to the issuer's name in #d40000, 42 mm. */
  seal?: SealStyle;
}

/** A rendered proof. */
export interface RenderedProof {
  /** The PDF file. */
  pdf: Uint8Array;
  /** A4 pages. */
  pageCount: number;
  /** Characters drawn from the fallback face because the locale's face lacks them. */
  glyphFallbacks: number;
}

const KIOSK_ID = /^[\x21-\x7e][\x20-\x7e]{0,63}$/;
const BODY_SIZE = 11;

function validate(req: ProofRenderRequest): { printedAt: string } {
  const proof = SignedProof.safeParse(req.proof);
  if (!proof.success) {
    const paths = proof.error.issues.map((issue) => issue.path.join('.') || '(root)');
    throw new ProofRenderError(
      'invalidRequest',
      'softwareError',
      `not a valid signed proof (fields: ${[...new Set(paths)].slice(0, 8).join(', ')})`,
    );
  }
  if (!Locale.safeParse(req.locale).success) {
    throw new ProofRenderError('invalidRequest', 'softwareError', 'unknown locale');
  }
  if (typeof req.kioskId !== 'string' || !KIOSK_ID.test(req.kioskId)) {
    throw new ProofRenderError(
      'invalidRequest',
      'softwareError',
      'kiosk id must be 1–64 printable ASCII characters',
    );
  }
  const printedAt = formatPrintedAt(req.printedAt);
  if (!printedAt)
    throw new ProofRenderError('invalidRequest', 'softwareError', 'printedAt is not an ISO time');
  return { printedAt };
}

/**
 * Renders a proof to an A4 PDF in this thread (the kiosk core calls it through ProofRenderer, in
 * a worker). Rejects with a ProofRenderError: invalidRequest, or missingGlyphs when a character is
 * in no installed face (the message lists code points only, never the text).
 */
export async function renderProofPdf(
  req: ProofRenderRequest,
  fonts: ProofFonts,
): Promise<RenderedProof> {
  const { printedAt } = validate(req);
  const { content, qr } = req.proof;
  const labels = PROOF_LABELS[req.locale];
  const title = labels.titles[content.type];
  const printedDate = new Date(req.printedAt);

  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    compress: true,
    lang: req.locale,
    displayTitle: true,
    info: {
      Title: `${title} ${content.proofId}`,
      Author: content.issuer.name,
      Subject: content.proofId,
      Creator: 'kiosk-terminal proof renderer',
      Producer: 'PDFKit',
      CreationDate: printedDate,
      ModDate: printedDate,
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const family = familyFor(fonts, req.locale);
  const painter = new TextPainter(doc, family, fonts.fallback);
  const parts = templateParts(content, labels);
  const indent = req.locale === 'en' ? 0 : BODY_SIZE * 2;

  const items: FlowItem[] = [
    ...infoGridItems(doc, painter, parts.fields, 0),
    ...paragraphItems(painter, parts.body, {
      size: BODY_SIZE,
      leading: BODY_SIZE * 1.8,
      x: MARGIN_X,
      width: CONTENT_WIDTH,
      indent,
      color: INK.text,
      spaceBefore: mm(5),
    }),
    ...(parts.table
      ? tableItems(doc, painter, {
          x: MARGIN_X,
          ...parts.table,
          rowHeight: mm(6),
          headerHeight: mm(7),
          size: 9.5,
          spaceBefore: mm(2),
        })
      : []),
    closingItem(
      doc,
      painter,
      labels,
      {
        issuerName: content.issuer.name,
        issuedOn: content.issuedOn,
        validUntil: content.validUntil,
        seal: resolveSealStyle(content.issuer.name, req.seal),
        sealFont: fonts.sc.bold,
        sealFallback: fonts.fallback,
      },
      indent,
    ),
  ];
  const pages = paginate(items, CONTENT.top, CONTENT.bottom);

  const chrome: PageChrome = {
    issuerName: content.issuer.name,
    title,
    proofId: content.proofId,
    qr,
    kioskId: req.kioskId,
    printedAt,
  };
  const watermark = createWatermark(doc, family.regular, `${req.kioskId}  ${printedAt}`);
  pages.forEach((placed, i) => {
    if (i > 0) doc.addPage({ size: 'A4', margin: 0 });
    watermark.draw();
    drawPageChrome(doc, painter, labels, chrome, i + 1, pages.length);
    for (const { item, y } of placed) item.draw(y);
  });

  if (painter.missing.size > 0) {
    const codePoints = [...painter.missing].map(formatCodePoint);
    throw new ProofRenderError(
      'missingGlyphs',
      'maintenance',
      `${codePoints.length} character(s) of the proof are in no installed font ` +
        `(${codePoints.slice(0, 10).join(' ')}); install a font that has them`,
    );
  }

  doc.file(Buffer.from(JSON.stringify(req.proof), 'utf8'), {
    name: PROOF_ATTACHMENT_NAME,
    type: 'application/json',
    description: 'Signed proof content',
    creationDate: printedDate,
    modifiedDate: printedDate,
  });
  doc.end();
  await ended;

  return { pdf: concat(chunks), pageCount: pages.length, glyphFallbacks: painter.fallbackChars };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let pos = 0;
  for (const chunk of chunks) {
    out.set(chunk, pos);
    pos += chunk.length;
  }
  return out;
}
