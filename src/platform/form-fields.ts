import { z } from 'zod';

/**
 * zod field types shared by the modules' input schemas. They accept what HTML forms send (strings, empty
 * fields) as well as JSON, and use the stable issue codes translated in src/i18n/<lang>/validation.ts.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a real calendar date 'YYYY-MM-DD' (not 2026-02-30). */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A calendar date 'YYYY-MM-DD' (what <input type="date"> sends). */
export const ZDate = z.string().trim().min(1).refine(isRealDate, 'invalid_date');

/** An optional date: an empty field is null. */
export const ZOptionalDate = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || isRealDate(s), 'invalid_date');

/** A row id. */
export const ZId = z.string().trim().regex(UUID, 'invalid_uuid');

/** An optional row id: an empty field is null. */
export const ZOptionalId = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || UUID.test(s), 'invalid_uuid');

/** Free text, trimmed, '' when absent. */
export const text = (max: number) => z.string().trim().max(max).default('');

/** Text that must be given. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** The row_version the user saw (optimistic locking). */
export const ZRowVersionNumber = z.coerce.number().int().min(1);
