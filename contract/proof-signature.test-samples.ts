import type { ProofContent } from './proofs.js';

/*
 * Sample proof contents for the signature tests (and the PDF verification tests in printing/).
 * Invented people and numbers.
 */

/** 无房证明 of 张三. */
export const noHousingSample: ProofContent = {
  version: 1,
  type: 'noHousing',
  proofId: 'FS-NH-2025-000123',
  issuer: { id: 'foshan-housing', name: '佛山市住房和城乡建设局' },
  subject: { name: '张三', idNumber: '440602199001011234' },
  issuedOn: '2025-05-01',
  validUntil: '2025-09-30',
  facts: { region: '佛山市', searchedOn: '2025-05-01', registeredHomes: 0 },
};

/** 个人所得税完税证明 of 王五, three months. */
export const taxPaidSample: ProofContent = {
  version: 1,
  type: 'taxPaid',
  proofId: 'FS-TX-2025-004567',
  issuer: { id: 'foshan-tax', name: '国家税务总局佛山市税务局' },
  subject: { name: '王五', idNumber: '440602198502021234' },
  issuedOn: '2025-05-02',
  validUntil: '2025-08-01',
  facts: {
    periodFrom: '2025-01',
    periodTo: '2025-03',
    rows: [
      {
        month: '2025-01',
        item: '工资薪金所得',
        taxOffice: '禅城区税务局',
        incomeYuan: '12000.00',
        taxYuan: '345.00',
      },
      {
        month: '2025-02',
        item: '工资薪金所得',
        taxOffice: '禅城区税务局',
        incomeYuan: '12000.00',
        taxYuan: '345.00',
      },
      {
        month: '2025-03',
        item: '工资薪金所得',
        taxOffice: '禅城区税务局',
        incomeYuan: '12500.50',
        taxYuan: '360.05',
      },
    ],
    totalTaxYuan: '1050.05',
  },
};

/** 社会保险参保证明 of Chloé Martin (a Latin name, to cover non-CJK printing). */
export const socialInsuranceSample: ProofContent = {
  version: 1,
  type: 'socialInsurance',
  proofId: 'FS-SI-2025-007890',
  issuer: { id: 'foshan-hrss', name: '佛山市人力资源和社会保障局' },
  subject: { name: 'Chloé Martin', idNumber: '440602197703031234' },
  issuedOn: '2025-05-03',
  validUntil: '2025-11-03',
  facts: {
    employer: '佛山市某某科技有限公司',
    insuredSince: '2019-07',
    rows: [
      {
        month: '2025-02',
        baseYuan: '6000.00',
        pension: true,
        medical: true,
        unemployment: true,
        workInjury: true,
      },
      {
        month: '2025-03',
        baseYuan: '6000.00',
        pension: true,
        medical: true,
        unemployment: false,
        workInjury: true,
      },
    ],
  },
};

/** One sample of each proof type. */
export const SAMPLE_CONTENTS: readonly ProofContent[] = [
  noHousingSample,
  taxPaidSample,
  socialInsuranceSample,
];

/** The issuers of the samples. */
export const SAMPLE_ISSUERS: string[] = SAMPLE_CONTENTS.map((c) => c.issuer.id);
