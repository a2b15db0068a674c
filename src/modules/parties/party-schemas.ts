import { z } from 'zod';
import { BODY_KINDS, PARTY_LANGUAGES, PARTY_TYPES, businessIdProblem, normaliseBusinessId } from './party.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((s) => s ?? null);

export const ZBusinessId = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === '') return null;
    const problem = businessIdProblem(s);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return normaliseBusinessId(s);
  });

export const ZPartyUpdate = z.object({
  rowVersion: z.coerce.number().int().min(1),
  businessId: ZBusinessId.nullable().optional().transform((s) => s ?? null),
  businessIdSource: optionalText(300),
  nameFi: z.string().trim().min(1).max(200),
  nameSv: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  language: z.enum(PARTY_LANGUAGES, { message: 'invalid_choice' }),
  email: optionalText(200).refine((v) => v === null || z.string().email().safeParse(v).success, 'invalid_email'),
  phone: optionalText(50).refine((v) => v === null || /^[+0-9 ()-]{5,}$/.test(v), 'invalid_phone'),
  streetAddress: optionalText(200),
  postalCode: optionalText(10).refine((v) => v === null || /^\d{5}$/.test(v), 'invalid_postal_code'),
  postOffice: optionalText(100),
  website: optionalText(300).refine((v) => v === null || /^https?:\/\/\S+$/.test(v), 'invalid_url'),
});
export type TPartyUpdate = z.output<typeof ZPartyUpdate>;

export const ZPartyBodyInput = z.object({
  kind: z.enum(BODY_KINDS, { message: 'invalid_choice' }),
  nameFi: z.string().trim().min(1).max(200),
  nameSv: z.string().trim().max(200).default(''),
  nameEn: z.string().trim().max(200).default(''),
  position: z.coerce.number().int().min(0).max(999).default(0),
});
export type TPartyBodyInput = z.output<typeof ZPartyBodyInput>;

export const ZPartyBodyUpdate = ZPartyBodyInput.extend({ rowVersion: z.coerce.number().int().min(1) });

export const ZPartyListQuery = z.object({
  type: z.enum(PARTY_TYPES, { message: 'invalid_choice' }).optional(),
  region: z.string().regex(/^\d{2}$/, 'invalid_region_code').optional(),
  county: z.string().regex(/^HVA\d{2}$/, 'invalid_county_code').optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  includeEnded: z.coerce.boolean().default(false),
});
export type TPartyListQuery = z.output<typeof ZPartyListQuery>;
