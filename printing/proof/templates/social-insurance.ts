import type { ProofContent } from '../../../contract/index.js';
import type { ProofLabels } from '../labels/index.js';
import { mm } from '../page-geometry.js';
import { commonFields, type TemplateParts } from './proof-template.js';

/** 社会保险参保证明: one row per month with the base and the four insurances. */
export function socialInsuranceTemplate(
  content: Extract<ProofContent, { type: 'socialInsurance' }>,
  labels: ProofLabels,
): TemplateParts {
  const { facts, subject } = content;
  const first = facts.rows[0]?.month ?? facts.insuredSince;
  const last = facts.rows[facts.rows.length - 1]?.month ?? facts.insuredSince;
  const mark = (paid: boolean) => (paid ? labels.paid : labels.unpaid);
  const tick = { width: mm(26), align: 'center' } as const;
  return {
    fields: [
      ...commonFields(content, labels),
      { label: labels.info.insuredSince, value: facts.insuredSince },
      { label: labels.info.employer, value: facts.employer, wide: true },
    ],
    body: labels.body.socialInsurance(subject, facts.insuredSince, facts.employer, first, last),
    table: {
      columns: [
        { width: mm(28), align: 'center' },
        { width: mm(38), align: 'right' },
        tick,
        tick,
        tick,
        tick,
      ],
      header: labels.insuranceColumns,
      rows: facts.rows.map((row) => [
        row.month,
        row.baseYuan,
        mark(row.pension),
        mark(row.medical),
        mark(row.unemployment),
        mark(row.workInjury),
      ]),
    },
  };
}
