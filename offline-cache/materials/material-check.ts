import { ApplicationDocument, MAX_UPLOAD_BYTES } from '../../contract/platform-api.js';
import type { SubmissionKind } from '../../contract/platform-api.js';

/** Documents an application carries at most (the contract's `documents` limit). */
export const MAX_MATERIALS = 20;
/** Pages one document holds at most (the contract's `pages` limit). */
export const MAX_MATERIAL_PAGES = 200;

const CONTENT_TYPES: ReadonlySet<string> = new Set(ApplicationDocument.shape.contentType.options);

/**
 * Why a request's materials are not acceptable, or undefined when they are: a document
 * application needs 1 to 20, other kinds take none; each is a known media type, 1 to 200 pages,
 * 1 byte to MAX_UPLOAD_BYTES (the platform's upload limit: a larger one could never be sent).
 */
export function materialProblem(kind: SubmissionKind, materials: unknown): string | undefined {
  if (kind !== 'documentApplication') {
    return materials === undefined ? undefined : `a ${kind} request carries no materials`;
  }
  if (!Array.isArray(materials) || materials.length < 1 || materials.length > MAX_MATERIALS) {
    return `a document application needs 1 to ${MAX_MATERIALS} scanned documents`;
  }
  for (const [index, material] of (materials as unknown[]).entries()) {
    const problem = oneMaterialProblem(material);
    if (problem) return `document ${index + 1}: ${problem}`;
  }
  return undefined;
}

function oneMaterialProblem(material: unknown): string | undefined {
  if (typeof material !== 'object' || material === null) return 'not a document';
  const { contentType, pages, data } = material as Record<string, unknown>;
  if (typeof contentType !== 'string' || !CONTENT_TYPES.has(contentType)) {
    return 'media type must be application/pdf, image/jpeg or image/png';
  }
  if (!Number.isInteger(pages) || (pages as number) < 1 || (pages as number) > MAX_MATERIAL_PAGES) {
    return `pages must be 1 to ${MAX_MATERIAL_PAGES}`;
  }
  if (!(data instanceof Uint8Array)) return 'data must be bytes';
  if (data.length === 0) return 'data is empty';
  if (data.length > MAX_UPLOAD_BYTES) {
    return `${data.length} bytes is more than the platform takes (${MAX_UPLOAD_BYTES})`;
  }
  return undefined;
}
