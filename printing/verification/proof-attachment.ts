import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PROOF_ATTACHMENT_NAME } from '../../contract/index.js';
import { runPoppler } from './poppler.js';
import type { PdfToolFailure, PopplerPaths } from './poppler.js';

/*
 * Extracts the SignedProof a proof PDF carries as its `proof.json` attachment. The attachment is
 * saved by index under a name of our choosing: a hostile PDF's file names never reach the disk.
 */

export { PROOF_ATTACHMENT_NAME };
const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

/** The attachment's parsed JSON, or why there is none. */
export type ProofAttachment =
  | { ok: true; json: unknown }
  | PdfToolFailure
  | { ok: false; code: 'noAttachment' | 'badAttachment'; message: string; action: 'clear' };

/** The index (1-based, as pdfdetach counts) of the attachment named `name` in a `-list` output. */
export function findAttachmentIndex(listing: string, name: string): number | undefined {
  for (const line of listing.split('\n')) {
    const match = /^(\d+): (.*)$/.exec(line.trimEnd());
    if (match?.[2] === name) return Number(match[1]);
  }
  return undefined;
}

/** Reads and parses `proof.json` from `pdf`, using `workDir` for the extracted file. */
export async function readProofAttachment(
  pdf: string,
  workDir: string,
  paths: PopplerPaths = {},
): Promise<ProofAttachment> {
  const listed = await runPoppler('pdfdetach', ['-list', '-enc', 'UTF-8', pdf], paths);
  if (!listed.ok) return listed;
  const index = findAttachmentIndex(listed.stdout.toString('utf8'), PROOF_ATTACHMENT_NAME);
  if (index === undefined)
    return {
      ok: false,
      code: 'noAttachment',
      message: `the PDF has no ${PROOF_ATTACHMENT_NAME} attachment (is it a kiosk proof?)`,
      action: 'clear',
    };
  const target = join(workDir, 'attachment.json');
  const saved = await runPoppler('pdfdetach', ['-save', String(index), '-o', target, pdf], paths);
  if (!saved.ok) return saved;
  const bad = (message: string): ProofAttachment => ({
    ok: false,
    code: 'badAttachment',
    message,
    action: 'clear',
  });
  if ((await stat(target)).size > MAX_ATTACHMENT_BYTES)
    return bad(`${PROOF_ATTACHMENT_NAME} is larger than ${MAX_ATTACHMENT_BYTES} bytes`);
  try {
    return { ok: true, json: JSON.parse(await readFile(target, 'utf8')) as unknown };
  } catch {
    return bad(`${PROOF_ATTACHMENT_NAME} is not valid JSON`);
  }
}
