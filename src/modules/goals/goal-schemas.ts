import { z } from 'zod';
import { ZDate, ZId, ZOptionalDate, ZOptionalId, ZRowVersionNumber, requiredText, text } from '#platform/form-fields.ts';
import { parseDecimal } from '#modules/indicators/index.ts';
import { INDICATOR_SCOPES, MEASURE_STATUSES } from './goal.ts';

export { ZDate, ZId };
/** Named so that `{ rowVersion }` reads as the field it is. */
const rowVersion = ZRowVersionNumber;

const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));
/** A number from a form ('12,5') or JSON (12.5). */
export const ZNumber = z.union([z.number().finite(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : parseDecimal(v);
  if (n === undefined) {
    ctx.addIssue({ code: 'custom', message: 'invalid_number' });
    return z.NEVER;
  }
  return n;
});
const optionalNumber = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
    const n = typeof v === 'number' ? v : parseDecimal(v);
    if (n === undefined || !Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'invalid_number' });
      return z.NEVER;
    }
    return n;
  });
const year = z.coerce.number({ message: 'invalid_number' }).int('invalid_number').min(1990).max(2200);

export const ZGoalInput = z.object({
  titleFi: requiredText(300),
  titleSv: text(300),
  descriptionFi: text(10_000),
  descriptionSv: text(10_000),
  sectionId: ZOptionalId,
});
export type TGoalInput = z.output<typeof ZGoalInput>;
export const ZGoalUpdate = ZGoalInput.extend({ rowVersion });

const measureFields = {
  titleFi: requiredText(300),
  titleSv: text(300),
  responsible: text(300),
  ownerPartyIds: list(ZId).refine((l) => l.length > 0, 'owner_required'),
  startsOn: ZOptionalDate,
  dueOn: ZOptionalDate,
  internalNotes: text(10_000),
};
const dueAfterStart = (v: { startsOn: string | null; dueOn: string | null }, ctx: z.RefinementCtx) => {
  if (v.startsOn && v.dueOn && v.dueOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'date_range_reversed' });
};
export const ZMeasureInput = z.object(measureFields).superRefine(dueAfterStart);
export type TMeasureInput = z.output<typeof ZMeasureInput>;
export const ZMeasureUpdate = z
  .object({ ...measureFields, rowVersion, status: z.enum(MEASURE_STATUSES, { message: 'invalid_choice' }) })
  .superRefine(dueAfterStart);

const linkFields = {
  scope: z.enum(INDICATOR_SCOPES, { message: 'invalid_choice' }),
  baselineYear: year,
  baselineValue: ZNumber,
  targetYear: year,
  targetValue: ZNumber,
};
const targetAfterBaseline = (v: { baselineYear: number; targetYear: number }, ctx: z.RefinementCtx) => {
  if (v.targetYear < v.baselineYear) ctx.addIssue({ code: 'custom', path: ['targetYear'], message: 'target_before_baseline' });
};
export const ZIndicatorLinkInput = z
  .object({ indicatorId: z.string().trim().min(1).max(200), ...linkFields })
  .superRefine(targetAfterBaseline);
export type TIndicatorLinkInput = z.output<typeof ZIndicatorLinkInput>;
export const ZIndicatorLinkUpdate = z.object({ ...linkFields, rowVersion }).superRefine(targetAfterBaseline);

/** A value for one area and date, pushed by an owner of the measure (form or API). */
export const ZIndicatorValueInput = z.object({
  areaCode: z.string().trim().regex(/^(\d{3}|HVA\d{2}|\d{2})$/, 'invalid_area_code'),
  date: ZDate,
  value: ZNumber,
});
export type TIndicatorValueInput = z.output<typeof ZIndicatorValueInput>;

/** An owner's periodic update: status and text, optionally a value of one of the measure's indicators. */
export const ZMeasureUpdateInput = z
  .object({
    partyId: ZId,
    status: z.enum(MEASURE_STATUSES, { message: 'invalid_choice' }),
    body: text(10_000),
    linkId: ZOptionalId,
    areaCode: z
      .string()
      .trim()
      .optional()
      .nullable()
      .transform((s) => (s ? s : null)),
    date: ZOptionalDate,
    value: optionalNumber,
  })
  .superRefine((v, ctx) => {
    if (v.value === null) return;
    if (!v.linkId) ctx.addIssue({ code: 'custom', path: ['linkId'], message: 'required' });
    if (!v.areaCode) ctx.addIssue({ code: 'custom', path: ['areaCode'], message: 'required' });
    if (!v.date) ctx.addIssue({ code: 'custom', path: ['date'], message: 'required' });
  });
export type TMeasureUpdateInput = z.output<typeof ZMeasureUpdateInput>;

/** The year of an annual follow-up report: empty (the default year) or a whole year; the range is checked by the use case. */
export const ZReportYear = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
    const n = typeof v === 'number' ? v : /^\d{1,4}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN;
    if (!Number.isInteger(n)) {
      ctx.addIssue({ code: 'custom', message: 'invalid_year' });
      return z.NEVER;
    }
    return n;
  });
export const ZReportQuery = z.object({ year: ZReportYear });
