/**
 * A one-page A4 test PDF, written by hand (no fonts to embed: Helvetica is one of the PDF base
 * fonts every reader and CUPS filter has). Pure and deterministic for given lines.
 */

/** A4 in PDF points (1/72 inch). */
const A4 = { width: 595, height: 842 } as const;

/** Escapes text for a PDF literal string; non-ASCII becomes '?' (Helvetica is Latin only). */
function pdfString(text: string): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, '?');
  return `(${ascii.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** The page's content stream: a frame and the lines, top down. */
function pageContent(lines: readonly string[]): string {
  const frame = `0.5 w 36 36 ${A4.width - 72} ${A4.height - 72} re S`;
  const text = lines
    .map(
      (line, i) => `BT /F1 ${i === 0 ? 20 : 12} Tf 72 ${760 - i * 24} Td ${pdfString(line)} Tj ET`,
    )
    .join('\n');
  return `${frame}\n${text}\n`;
}

/** Builds a one-page A4 PDF showing `lines` (the first one larger, as a heading). */
export function testPagePdf(lines: readonly string[]): Uint8Array {
  const content = pageContent(lines);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] ` +
      '/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
