/** GB/T 3304 ethnicity names by two-digit code (§1.8), plus 97 other and 98 foreign origin. */
const NAMES = [
  '汉',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
] as const;

/** Code ("01".."56", "97", "98") → name (汉, 蒙古 …). */
export const ETHNICITIES: ReadonlyMap<string, string> = new Map([
  ...NAMES.map((name, i): [string, string] => [String(i + 1).padStart(2, '0'), name]),
  ['97', '其他'],
  ['98', '外国血统中国籍人士'],
]);

/** The name for a GB/T 3304 code; undefined for an unknown code. */
export function ethnicityName(code: string): string | undefined {
  return ETHNICITIES.get(code);
}

/** The code for a name or code ("汉", "汉族" or "01" → "01"); undefined when unknown. */
export function ethnicityCode(nameOrCode: string): string | undefined {
  const text = nameOrCode.trim();
  if (ETHNICITIES.has(text)) return text;
  const name = text.endsWith('族') && text !== '族' ? text.slice(0, -1) : text;
  for (const [code, known] of ETHNICITIES) if (known === name || known === text) return code;
  return undefined;
}
