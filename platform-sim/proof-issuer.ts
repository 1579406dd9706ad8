import { createHash } from 'node:crypto';
import type { ProofContent, ProofIssuer, ProofType } from '../contract/index.js';
import type { SeedCitizen } from './seed.js';

/** The authority that issues each proof type in Foshan. */
export const ISSUERS: Record<ProofType, ProofIssuer> = {
  noHousing: { id: 'fs-housing', name: '佛山市住房和城乡建设局' },
  taxPaid: { id: 'fs-tax', name: '国家税务总局佛山市税务局' },
  socialInsurance: { id: 'fs-social-insurance', name: '佛山市社会保险基金管理局' },
};

const PREFIX: Record<ProofType, string> = { noHousing: 'NH', taxPaid: 'TX', socialInsurance: 'SI' };
const VALID_DAYS: Record<ProofType, number> = { noHousing: 30, taxPaid: 90, socialInsurance: 90 };

/** Why no proof can be issued. */
export type NoProof = 'noRecord' | 'notEligible';

/**
 * Issues a proof from the register. The same person, type and day always give the same proof id:
 * asking twice on one day is the same proof, which is what lets the kiosk refuse to print it twice.
 */
export function issueProof(
  citizen: SeedCitizen,
  type: ProofType,
  today: Date,
): ProofContent | NoProof {
  const issuedOn = isoDay(today);
  const base = {
    version: 1 as const,
    proofId: proofId(type, citizen.idNumber, issuedOn),
    issuer: ISSUERS[type],
    subject: { name: citizen.name, idNumber: citizen.idNumber },
    issuedOn,
    validUntil: isoDay(new Date(today.getTime() + VALID_DAYS[type] * 86_400_000)),
  };
  if (type === 'noHousing') {
    if (citizen.homesInFoshan > 0) return 'notEligible';
    return {
      ...base,
      type,
      facts: { region: '佛山市', searchedOn: issuedOn, registeredHomes: citizen.homesInFoshan },
    };
  }
  if (type === 'taxPaid') {
    const rows = citizen.taxMonths.map((m) => ({
      ...m,
      item: '工资薪金所得',
      taxOffice: '国家税务总局佛山市禅城区税务局',
    }));
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) return 'noRecord';
    const cents = rows.reduce((sum, row) => sum + Math.round(Number(row.taxYuan) * 100), 0);
    return {
      ...base,
      type,
      facts: {
        periodFrom: first.month,
        periodTo: last.month,
        rows,
        totalTaxYuan: (cents / 100).toFixed(2),
      },
    };
  }
  const insurance = citizen.insurance;
  if (!insurance || insurance.months.length === 0) return 'noRecord';
  return {
    ...base,
    type,
    facts: {
      employer: insurance.employer,
      insuredSince: insurance.since,
      rows: insurance.months.map((m) => ({ month: m.month, baseYuan: m.baseYuan, ...m.paid })),
    },
  };
}

function proofId(type: ProofType, idNumber: string, day: string): string {
  const digest = createHash('sha256').update(`${type}|${idNumber}|${day}`).digest('hex');
  return `${PREFIX[type]}-${day.replaceAll('-', '')}-${digest.slice(0, 8).toUpperCase()}`;
}

function isoDay(date: Date): string {
  // Proofs are dated in China Standard Time, whatever the server's zone.
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
