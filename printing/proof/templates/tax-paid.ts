import type { ProofContent } from '../../../contract/index.js';
import type { ProofLabels } from '../labels/index.js';
import { mm } from '../page-geometry.js';
import { commonFields, type TemplateParts } from './proof-template.js';

/** 个人所得税完税证明: one row per month and income item, and the total. */
export function taxPaidTemplate(
  content: Extract<ProofContent, { type: 'taxPaid' }>,
  labels: ProofLabels,
): TemplateParts {
  const { facts, subject } = content;
  const [month, item, office, income, tax] = labels.taxColumns;
  return {
    fields: [
      ...commonFields(content, labels),
      { label: labels.info.period, value: labels.periodRange(facts.periodFrom, facts.periodTo) },
      { label: labels.info.totalTax, value: labels.yuan(facts.totalTaxYuan) },
    ],
    body: labels.body.taxPaid(subject, facts.periodFrom, facts.periodTo),
    table: {
      columns: [
        { width: mm(22), align: 'center' },
        { width: mm(30), align: 'left' },
        { width: mm(62), align: 'left' },
        { width: mm(28), align: 'right' },
        { width: mm(28), align: 'right' },
      ],
      header: [month, item, office, income, tax],
      rows: facts.rows.map((row) => [
        row.month,
        row.item,
        row.taxOffice,
        row.incomeYuan,
        row.taxYuan,
      ]),
      totals: [[labels.total, '', '', '', facts.totalTaxYuan]],
    },
  };
}
