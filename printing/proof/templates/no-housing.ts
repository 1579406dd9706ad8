import type { ProofContent } from '../../../contract/index.js';
import type { ProofLabels } from '../labels/index.js';
import { commonFields, type TemplateParts } from './proof-template.js';

/** 无房证明: the register searched, the region, the number of homes found. */
export function noHousingTemplate(
  content: Extract<ProofContent, { type: 'noHousing' }>,
  labels: ProofLabels,
): TemplateParts {
  const { facts, subject } = content;
  return {
    fields: [
      ...commonFields(content, labels),
      { label: labels.info.region, value: facts.region },
      { label: labels.info.searchedOn, value: facts.searchedOn },
      { label: labels.info.registeredHomes, value: labels.homes(facts.registeredHomes) },
    ],
    body: labels.body.noHousing(subject, facts.region, facts.searchedOn, facts.registeredHomes),
  };
}
