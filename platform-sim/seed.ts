/**
 * The reference platform's register: a few citizens and the records their proofs are made from.
 * 张三 is the ID-card simulator's demo card, so `npm start` can print every proof end to end.
 */

/** One month of social-insurance contributions in the register. */
export interface InsuranceMonth {
  /** YYYY-MM. */
  month: string;
  /** Contribution base in yuan, two decimals. */
  baseYuan: string;
  /** Which of the four insurances were paid. */
  paid: { pension: boolean; medical: boolean; unemployment: boolean; workInjury: boolean };
}

/** A citizen in the register. */
export interface SeedCitizen {
  /** Full ID number. */
  idNumber: string;
  /** Full name. */
  name: string;
  /** Homes registered in Foshan (a no-housing proof needs 0). */
  homesInFoshan: number;
  /** Monthly salaries taxed, newest last: YYYY-MM → [income, tax]. */
  taxMonths: { month: string; incomeYuan: string; taxYuan: string }[];
  /** Social-insurance employer and months. */
  insurance?: { employer: string; since: string; months: InsuranceMonth[] };
}

/** The months from `from` (YYYY-MM) on, `count` of them. */
export function monthsFrom(from: string, count: number): string[] {
  const [year, month] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const total = year * 12 + (month - 1) + i;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

function salaryMonths(from: string, count: number, income: number, tax: number) {
  return monthsFrom(from, count).map((month) => ({
    month,
    incomeYuan: income.toFixed(2),
    taxYuan: tax.toFixed(2),
  }));
}

function insuranceMonths(from: string, count: number, base: number): InsuranceMonth[] {
  return monthsFrom(from, count).map((month, i) => ({
    month,
    baseYuan: (base + Math.floor(i / 12) * 300).toFixed(2),
    // One month without unemployment insurance, as real records have.
    paid: { pension: true, medical: true, unemployment: i !== 7, workInjury: true },
  }));
}

/** Everyone the reference platform knows. */
export const SEED_CITIZENS: readonly SeedCitizen[] = [
  {
    idNumber: '11010519491231002X',
    name: '张三',
    homesInFoshan: 0,
    taxMonths: salaryMonths('2025-11', 12, 12_800, 354),
    insurance: {
      employer: '佛山市禅城区智慧政务服务中心',
      since: '2021-11',
      months: insuranceMonths('2021-11', 60, 5_200),
    },
  },
  {
    idNumber: '440604199203150027',
    name: '陈嘉欣',
    homesInFoshan: 0,
    taxMonths: salaryMonths('2026-01', 10, 9_600, 108),
    insurance: {
      employer: '广东顺德美的集团有限公司',
      since: '2024-03',
      months: insuranceMonths('2024-03', 32, 4_800),
    },
  },
  {
    // Owns a home: the platform refuses a no-housing proof for him.
    idNumber: '440605198507041235',
    name: '梁志豪',
    homesInFoshan: 1,
    taxMonths: salaryMonths('2026-01', 10, 21_000, 1_690),
  },
];
