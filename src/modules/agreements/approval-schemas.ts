import { z } from 'zod';
import { ZOptionalDate, ZOptionalId, requiredText, text } from '#platform/form-fields.ts';
import { DECISION_OUTCOMES, SIGNATURE_METHODS, STEP_ROLES } from './approval.ts';
import { ZDate, ZId } from './agreement-schemas.ts';


export const ZSendToApproval = z.object({ versionNumber: z.coerce.number().int().min(1) });
export const ZReturnToDraft = z.object({ reason: requiredText(2_000) });

/** One row of the chain editor: body '' (row unused), 'other' (free text) or the id of one of the party's bodies. */
const ZStepRow = z.object({
  body: z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || s === 'other' || ZId.safeParse(s).success, 'invalid_choice'),
  nameFi: text(200),
  nameSv: text(200),
  role: z.enum(['', ...STEP_ROLES], { message: 'invalid_choice' }).default(''),
});

/** Form fields 'steps.0.body', 'steps.0.role', … become `steps: [{ body, role }, …]`; a JSON array passes as is. */
const stepsFromForm = (input: unknown) => {
  if (typeof input !== 'object' || input === null || Array.isArray((input as { steps?: unknown }).steps)) return input;
  const out: Record<string, unknown> = {};
  const rows: Record<string, Record<string, unknown>>[] = [];
  for (const [k, v] of Object.entries(input)) {
    const m = /^steps\.(\d{1,2})\.(\w+)$/.exec(k);
    if (m) ((rows[Number(m[1])] ??= {}) as Record<string, unknown>)[m[2]!] = v;
    else out[k] = v;
  }
  if (rows.length) out.steps = Array.from(rows, (r) => r ?? {});
  return out;
};

export const ZSaveApprovalChain = z.preprocess(
  stepsFromForm,
  z.object({
    /** row_version of the party's approval settings as the editor saw it (0 = never saved). */
    rowVersion: z.coerce.number().int().min(0),
    requiredSignatures: z.coerce.number().int().min(1).max(5),
    steps: z.array(ZStepRow).max(8),
  }),
);

export const ZRecordDecision = z.object({
  partyId: ZId,
  stepId: ZId,
  versionNumber: z.coerce.number().int().min(1),
  meetingDate: ZDate,
  /** § number: digits only ('§ 89' and '89 §' are accepted and stored as '89'). */
  section: z
    .string()
    .trim()
    .default('')
    .transform((s) => s.replace(/§/g, '').trim())
    .refine((s) => s === '' || /^\d{1,4}$/.test(s), 'invalid_section_number'),
  diaryNumber: text(100),
  preparer: text(200),
  presenter: text(200),
  proposal: text(10_000),
  decision: text(10_000),
  outcome: z.enum(DECISION_OUTCOMES, { message: 'invalid_choice' }),
  minutesUrl: z
    .string()
    .trim()
    .max(1_000)
    .optional()
    .nullable()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || (/^https:\/\/[^\s]+$/.test(s) && URL.canParse(s)), 'https_url_required'),
  reExaminesId: ZOptionalId,
});

export const ZSignAgreement = z.object({
  partyId: ZId,
  /** The SHA-256 of the version the signer saw: refused if the approval version has changed since. */
  sha256: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{64}$/, 'invalid_hash'),
  method: z.enum(SIGNATURE_METHODS, { message: 'invalid_choice' }),
  signerName: text(200),
  signerTitle: text(200),
  signedOn: ZOptionalDate,
  place: requiredText(100),
  reference: text(200),
});

/** A correction carries the whole record as it should read, and the row_version the form was made from. */
export const ZCorrectDecision = ZRecordDecision.omit({ partyId: true }).extend({ rowVersion: z.coerce.number().int().min(1) });
export const ZAnnulDecision = z.object({ rowVersion: z.coerce.number().int().min(1), reason: requiredText(2_000) });
export const ZRevokeSignature = z.object({ reason: requiredText(2_000) });
