import { z } from 'zod';

/** Empty form fields (GET filter forms send `party=`) count as not given. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A calendar date 'YYYY-MM-DD' that exists (2026-02-30 does not). */
export const ZDate = z.string().trim().refine((s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}, 'invalid_date');

const opt = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());

export const ZAuditQuery = z
  .object({
    /** One party; without it, every party the caller may see. */
    party: opt(z.string().uuid('invalid_uuid')),
    /** Action code or its beginning: 'party' matches party.update and party_body.create; 'party.' only party.*. */
    action: opt(z.string().trim().max(100).regex(/^[a-z_.]+$/, 'invalid_action')),
    /** Text in the actor's name as recorded. */
    actor: opt(z.string().trim().max(100)),
    targetType: opt(z.string().trim().max(50).regex(/^[a-z_]+$/, 'invalid_action')),
    /** Helsinki calendar dates, both inclusive. */
    from: opt(ZDate),
    to: opt(ZDate),
    limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
    offset: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(1_000_000).default(0)),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'date_range_reversed' });
export type TAuditQuery = z.output<typeof ZAuditQuery>;
