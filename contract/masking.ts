/**
 * Masking of personal data for screens and logs. Pure functions, shared by every process so the
 * same rule applies everywhere.
 */

const MASK = '*';

/** "张三" → "张*", "欧阳小明" → "欧***", "ZHANG SAN" → "Z********". */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  const first = chars[0];
  if (first === undefined) return '';
  return first + MASK.repeat(chars.length - 1);
}

/** "11010519491231002X" → "1101**********002X"; short numbers keep only their last 2 characters. */
export function maskIdNumber(idNumber: string): string {
  const id = idNumber.trim();
  if (id.length >= 10) return id.slice(0, 4) + MASK.repeat(id.length - 8) + id.slice(-4);
  return MASK.repeat(Math.max(0, id.length - 2)) + id.slice(-2);
}

// 18-character citizen ID numbers (17 digits + digit or X) and 15-digit first-generation ones.
const ID_NUMBER_IN_TEXT = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

/** Masks every citizen ID number that appears in free text (for log lines and error messages). */
export function maskIdNumbersInText(text: string): string {
  return text.replace(ID_NUMBER_IN_TEXT, (id) => maskIdNumber(id));
}
