import { z } from 'zod';
import { ZDate, ZId, ZRowVersionNumber, requiredText, text } from '#platform/form-fields.ts';
import { CONCLUSIONS, PRESENCES, type ItemLink } from './minutes.ts';

const rowVersion = ZRowVersionNumber;

/**
 * What an item handles, as one choice: '' (nothing in particular), 'version:<id>', 'goal:<id>', 'measure:<id>'
 * or 'report:<agreement id>' with `reportYear`.
 */
const HANDLES: Record<string, Exclude<ItemLink, 'none'> | undefined> = { version: 'agreement_version', goal: 'goal', measure: 'measure', report: 'annual_report' };
const ZHandles = z
  .string()
  .trim()
  .default('')
  .transform((s, ctx) => {
    if (s === '') return { kind: 'none' as ItemLink, id: null as string | null };
    const [kind = '', id = ''] = s.split(':', 2);
    const k: Exclude<ItemLink, 'none'> | undefined = HANDLES[kind];
    if (k && ZId.safeParse(id).success) return { kind: k, id };
    ctx.addIssue({ code: 'custom', message: 'invalid_choice' });
    return z.NEVER;
  });

const ZYear = z.union([z.literal(''), z.coerce.number({ message: 'invalid_year' }).int('invalid_year').min(2000, 'invalid_year').max(2100, 'invalid_year')]).default('');

export const ZAgendaItem = z
  .object({
    section: z.union([z.literal(''), z.coerce.number({ message: 'invalid_number' }).int('invalid_number').min(1, 'invalid_number').max(100_000, 'invalid_number')]).default(''),
    titleFi: requiredText(500),
    titleSv: text(500),
    presenter: text(200),
    bodyFi: text(20_000),
    bodySv: text(20_000),
    handles: ZHandles,
    reportYear: ZYear,
  })
  .superRefine((v, ctx) => {
    if (v.handles.kind === 'annual_report' && v.reportYear === '') ctx.addIssue({ code: 'custom', path: ['reportYear'], message: 'required' });
  });
export type TAgendaItem = z.output<typeof ZAgendaItem>;
export const ZUpdateAgendaItem = ZAgendaItem.and(z.object({ rowVersion }));

export const ZItemMinutes = z.object({
  rowVersion,
  summaryFi: text(20_000),
  summarySv: text(20_000),
  conclusion: z.enum(['', ...CONCLUSIONS], { message: 'invalid_choice' }).default(''),
  conclusionTextFi: text(10_000),
  conclusionTextSv: text(10_000),
  internalNote: text(10_000),
});

export const ZMoveItem = z.object({ rowVersion, direction: z.enum(['up', 'down'], { message: 'invalid_choice' }) });
export const ZItemAttachment = z.object({ title: requiredText(300) });

/**
 * One line of the attendance: a known person ('member:<id>' or 'invitee:<id>') or someone else by name with a party;
 * a line without a presence is not recorded.
 */
export const ZAttendanceLine = z.object({
  person: z.string().trim().default(''),
  personName: text(200),
  partyId: z.union([z.literal(''), ZId]).default(''),
  presence: z.enum(['', ...PRESENCES], { message: 'invalid_choice' }).default(''),
  deputyFor: text(200),
  leftAtItem: z.union([z.literal(''), z.coerce.number({ message: 'invalid_number' }).int('invalid_number').min(1, 'invalid_number')]).default(''),
});
export const ZPersonAttendance = z.object({ rowVersion, lines: z.array(z.unknown()).max(500) });

export const ZMinutesCheckers = z.object({ rowVersion, checker1: ZId, checker2: ZId }).superRefine((v, ctx) => {
  if (v.checker1 === v.checker2) ctx.addIssue({ code: 'custom', path: ['checker2'], message: 'checkers_must_differ' });
});

export const ZAddAction = z.object({
  title: requiredText(1000),
  itemId: z.union([z.literal(''), ZId]).default(''),
  ownerPartyId: ZId,
  ownerPerson: text(200),
  dueOn: ZDate,
});
export const ZCloseAction = z.object({ rowVersion, status: z.enum(['done', 'cancelled'], { message: 'invalid_choice' }), note: requiredText(2000) });
