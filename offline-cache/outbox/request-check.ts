import { maskIdNumbersInText } from '../../contract/masking.js';
import { SubmissionKind } from '../../contract/platform-api.js';
import { materialProblem } from '../materials/material-check.js';
import type { NewRequest } from './outbox-types.js';

/** The request kinds the platform knows (a Set: enqueue is on the citizen's critical path). */
const KINDS: ReadonlySet<string> = new Set(SubmissionKind.options);

/**
 * Why a new request cannot be stored, or undefined when it can: a known kind, a JSON object as
 * payload, materials where (and only where) the kind takes them, and an ordering key of 1 to 64
 * characters that is not an ID number (it is stored and sent in clear). The payload's size is
 * checked once it is serialised, by the outbox.
 */
export function requestProblem(request: NewRequest): string | undefined {
  if (!KINDS.has(request.kind)) return 'unknown request kind';
  const { payload, orderingKey } = request;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return 'payload must be a JSON object';
  }
  const materials = materialProblem(request.kind, request.materials);
  if (materials !== undefined) return materials;
  if (orderingKey !== undefined) {
    if (orderingKey.length < 1 || orderingKey.length > 64) {
      return 'ordering key must be 1 to 64 characters';
    }
    if (maskIdNumbersInText(orderingKey) !== orderingKey) {
      return 'ordering key holds an ID number: it is stored and sent in clear';
    }
  }
  return undefined;
}
