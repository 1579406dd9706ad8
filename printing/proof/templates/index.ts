import type { ProofContent } from '../../../contract/index.js';
import type { ProofLabels } from '../labels/index.js';
import { noHousingTemplate } from './no-housing.js';
import type { TemplateParts } from './proof-template.js';
import { socialInsuranceTemplate } from './social-insurance.js';
import { taxPaidTemplate } from './tax-paid.js';

export type { TemplateParts, TemplateTable } from './proof-template.js';

/** The template parts of a proof in a locale. */
export function templateParts(content: ProofContent, labels: ProofLabels): TemplateParts {
  switch (content.type) {
    case 'noHousing':
      return noHousingTemplate(content, labels);
    case 'taxPaid':
      return taxPaidTemplate(content, labels);
    case 'socialInsurance':
      return socialInsuranceTemplate(content, labels);
  }
}
