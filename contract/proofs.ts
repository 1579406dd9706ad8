import { z } from 'zod';

/**
 * Official proofs as the central platform issues them. The platform owns the content and signs it
 * (see proof-signature.ts); the kiosk only lays it out and prints it, so a compromised kiosk
 * cannot forge a proof.
 */

/** The locales a proof, a receipt or a screen can be rendered in. */
export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** The proofs a kiosk prints. */
export const PROOF_TYPES = [
  // 无房证明: no home registered to the person in the region.
  'noHousing',
  // 个人所得税完税证明: individual income tax paid over a period.
  'taxPaid',
  // 社会保险参保证明: social-insurance contributions over a period.
  'socialInsurance',
] as const;
export const ProofType = z.enum(PROOF_TYPES);
export type ProofType = z.infer<typeof ProofType>;

/** An amount in yuan with exactly two decimals, as a string so it never rounds. */
export const Yuan = z.string().regex(/^\d{1,12}\.\d{2}$/, 'amount must look like 1234.50');
/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
/** A calendar month, YYYY-MM. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** A proof id as printed and encoded in the QR: letters, digits and dashes. */
export const ProofId = z.string().regex(/^[A-Z0-9][A-Z0-9-]{5,39}$/);

/** The authority that issues a proof. */
export const ProofIssuer = z.strictObject({
  /** Stable id of the authority; selects its seal and its signing key's issuer. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
  /** Official name in Chinese, printed in the header and around the seal. */
  name: z.string().min(2).max(64),
});
export type ProofIssuer = z.infer<typeof ProofIssuer>;

/** The person a proof is about (full, as printed on the proof). */
export const ProofSubject = z.strictObject({
  /** Full name. */
  name: z.string().min(1).max(64),
  /** Full ID number. */
  idNumber: z.string().min(8).max(40),
});
export type ProofSubject = z.infer<typeof ProofSubject>;

const ProofBase = {
  /** Version of this content format. */
  version: z.literal(1),
  /** Unique proof id. */
  proofId: ProofId,
  /** Who issues it. */
  issuer: ProofIssuer,
  /** Who it is about. */
  subject: ProofSubject,
  /** Day of issue. */
  issuedOn: IsoDate,
  /** Last day a recipient should accept it. */
  validUntil: IsoDate,
};

/** 无房证明: the facts of a no-housing proof. */
export const NoHousingFacts = z.strictObject({
  /** The region searched, e.g. "佛山市". */
  region: z.string().min(2).max(64),
  /** When the property register was searched. */
  searchedOn: IsoDate,
  /** Homes registered to the person in the region (0 for a no-housing proof). */
  registeredHomes: z.number().int().min(0).max(99),
});

/** One month of income tax paid. */
export const TaxPaidRow = z.strictObject({
  /** Month the tax is for. */
  month: YearMonth,
  /** Income item, e.g. "工资薪金所得". */
  item: z.string().min(1).max(32),
  /** Tax office that collected it. */
  taxOffice: z.string().min(1).max(64),
  /** Taxable income. */
  incomeYuan: Yuan,
  /** Tax paid. */
  taxYuan: Yuan,
});

/** 个人所得税完税证明: the facts of a tax-paid proof. */
export const TaxPaidFacts = z.strictObject({
  /** First month covered. */
  periodFrom: YearMonth,
  /** Last month covered. */
  periodTo: YearMonth,
  /** One row per month and item. */
  rows: z.array(TaxPaidRow).min(1).max(240),
  /** Sum of taxYuan. */
  totalTaxYuan: Yuan,
});

/** One month of social-insurance contributions. */
export const SocialInsuranceRow = z.strictObject({
  /** Month contributed for. */
  month: YearMonth,
  /** Contribution base. */
  baseYuan: Yuan,
  /** 养老保险 paid. */
  pension: z.boolean(),
  /** 医疗保险 paid. */
  medical: z.boolean(),
  /** 失业保险 paid. */
  unemployment: z.boolean(),
  /** 工伤保险 paid. */
  workInjury: z.boolean(),
});

/** 社会保险参保证明: the facts of a social-insurance proof. */
export const SocialInsuranceFacts = z.strictObject({
  /** Employer paying the contributions. */
  employer: z.string().min(1).max(64),
  /** First month ever insured. */
  insuredSince: YearMonth,
  /** One row per month, oldest first. */
  rows: z.array(SocialInsuranceRow).min(1).max(360),
});

/** A proof's whole content: what is signed, printed and verified. */
export const ProofContent = z.discriminatedUnion('type', [
  z.strictObject({
    ...ProofBase,
    /** Which proof. */
    type: z.literal('noHousing'),
    /** Its facts. */
    facts: NoHousingFacts,
  }),
  z.strictObject({
    ...ProofBase,
    /** Which proof. */
    type: z.literal('taxPaid'),
    /** Its facts. */
    facts: TaxPaidFacts,
  }),
  z.strictObject({
    ...ProofBase,
    /** Which proof. */
    type: z.literal('socialInsurance'),
    /** Its facts. */
    facts: SocialInsuranceFacts,
  }),
]);
export type ProofContent = z.infer<typeof ProofContent>;

/** A proof as the platform hands it out: content plus the signed QR text to print with it. */
export const SignedProof = z.strictObject({
  /** The content, exactly as signed. */
  content: ProofContent,
  /** The verification QR text (see proof-signature.ts), printed on every page. */
  qr: z.string().min(16).max(1200),
});
export type SignedProof = z.infer<typeof SignedProof>;

/** A public key recipients use to check proofs offline. */
export const ProofPublicKey = z.strictObject({
  /** Key id, as carried in the QR. */
  kid: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  /** Always Ed25519. */
  alg: z.literal('Ed25519'),
  /** The raw 32-byte public key, base64url. */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** Authorities whose proofs this key may sign. */
  issuers: z.array(ProofIssuer.shape.id).min(1).max(64),
});
export type ProofPublicKey = z.infer<typeof ProofPublicKey>;

/** Kiosk → platform: the proof of one type for the person whose card was read. */
export const ProofLookupRequest = z.strictObject({
  /** Which proof. */
  type: ProofType,
  /** Full ID number from the card (sent over the authenticated channel, never logged). */
  idNumber: ProofSubject.shape.idNumber,
  /** Full name from the card; the platform answers only when it matches its register. */
  name: ProofSubject.shape.name,
});
export type ProofLookupRequest = z.infer<typeof ProofLookupRequest>;

/** Platform → kiosk: the public keys proofs are signed with. */
export const ProofKeysResponse = z.strictObject({
  /** Every key currently valid for some issuer. */
  keys: z.array(ProofPublicKey).min(1).max(32),
});
export type ProofKeysResponse = z.infer<typeof ProofKeysResponse>;

/** Name of the PDF attachment that holds a printed proof's SignedProof JSON (written and verified). */
export const PROOF_ATTACHMENT_NAME = 'proof.json';
