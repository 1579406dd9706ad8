/**
 * Citizen ID number check (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit
 * sequence (odd = male), and an ISO 7064 MOD 11-2 check character. Residence permits for Hong
 * Kong, Macao and Taiwan residents use 81/82/83; 2023-design foreign permanent resident cards
 * put a 9 in front of a province code. Results never repeat the number (it is personal data).
 */

/** Why a number is not a valid citizen ID number. */
export type CitizenIdProblem = 'badFormat' | 'badRegion' | 'badBirthDate' | 'badCheckChar';

/** The outcome of `validateCitizenId`. */
export type CitizenIdCheck =
  | {
      /** The number passed every check. */
      valid: true;
      /** The number, trimmed, with a lowercase check `x` upper-cased. */
      idNumber: string;
      /** The 6-digit region (administrative division) code. */
      regionCode: string;
      /** Birth date as YYYY-MM-DD. */
      birthDate: string;
      /** From the sequence digit: odd = male. */
      gender: 'male' | 'female';
    }
  | {
      /** The number failed a check. */
      valid: false;
      /** The first check that failed. */
      reason: CitizenIdProblem;
      /** Technician-facing explanation, free of the number itself. */
      detail: string;
    };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** GB/T 2260 province-level codes (first two digits), plus 81/82/83 of the residence permits. */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** The check character for the first 17 digits. Throws on anything but 17 digits. */
export function citizenIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('want exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Validates an 18-character citizen ID number; `today` bounds the birth date (default now). */
export function validateCitizenId(input: string, today: Date = new Date()): CitizenIdCheck {
  const idNumber = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    return invalid('badFormat', 'want 17 digits and a digit or X');
  }
  const province = idNumber.startsWith('9') ? idNumber.slice(1, 3) : idNumber.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) {
    return invalid('badRegion', 'the region code names no province');
  }
  const birthDate = calendarDate(idNumber.slice(6, 14));
  if (birthDate === undefined || birthDate > isoDate(today) || birthDate < '1850-01-01') {
    return invalid('badBirthDate', 'the birth date is not a real past date');
  }
  if (citizenIdCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) {
    return invalid('badCheckChar', 'the check character does not match (ISO 7064 MOD 11-2)');
  }
  const gender = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
  return { valid: true, idNumber, regionCode: idNumber.slice(0, 6), birthDate, gender };
}

function invalid(reason: CitizenIdProblem, detail: string): CitizenIdCheck {
  return { valid: false, reason, detail };
}

/** "19491231" → "1949-12-31" when it is a real calendar date, else undefined. */
export function calendarDate(yyyymmdd: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (match === null) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const real =
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

function isoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
