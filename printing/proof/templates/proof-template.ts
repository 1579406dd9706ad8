import type { ProofContent } from '../../../contract/index.js';
import type { InfoField } from '../info-grid.js';
import type { ProofLabels, SentencePart } from '../labels/index.js';
import type { TableColumn } from '../table.js';

/** A table of a proof, before it is placed. */
export interface TemplateTable {
  /** Columns, widths in points summing to the content width. */
  readonly columns: readonly TableColumn[];
  /** Header cells. */
  readonly header: readonly string[];
  /** Body rows. */
  readonly rows: readonly (readonly string[])[];
  /** Bold rows after the body. */
  readonly totals?: readonly (readonly string[])[];
}

/** The parts a proof template supplies; the renderer lays them out the same way for all. */
export interface TemplateParts {
  /** Key facts for the info grid. */
  readonly fields: readonly InfoField[];
  /** The certifying sentence. */
  readonly body: readonly SentencePart[];
  /** The table of monthly rows, if the proof has one. */
  readonly table?: TemplateTable;
}

/** The fields every proof starts with. */
export function commonFields(content: ProofContent, labels: ProofLabels): InfoField[] {
  return [
    { label: labels.info.name, value: content.subject.name },
    { label: labels.info.idNumber, value: content.subject.idNumber },
    { label: labels.info.proofId, value: content.proofId },
    { label: labels.info.issuedOn, value: content.issuedOn },
    { label: labels.info.validUntil, value: content.validUntil },
  ];
}
