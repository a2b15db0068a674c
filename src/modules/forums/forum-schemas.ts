import { z } from 'zod';
import { ZId, ZOptionalDate, ZRowVersionNumber, requiredText, text } from '#platform/form-fields.ts';
import { FORUM_FREQUENCIES, FORUM_LEVELS, MEMBER_GROUPS, MEMBER_ROLES } from './forum.ts';
import { MEETING_KINDS, MEETING_STATES } from './meeting.ts';

const rowVersion = ZRowVersionNumber;
export const ZRowVersion = z.object({ rowVersion });

/** A checkbox: 'on' / 'true' / true are true; absent, '' and 'false' are false. */
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

const forumFields = {
  nameFi: requiredText(300),
  nameSv: text(300),
  level: z.enum(FORUM_LEVELS, { message: 'invalid_choice' }),
  endsOn: ZOptionalDate,
  mandateFi: text(10_000),
  mandateSv: text(10_000),
  frequency: z.enum(FORUM_FREQUENCIES, { message: 'invalid_choice' }),
  frequencyNoteFi: text(300),
  frequencyNoteSv: text(300),
  isPublic: checkbox,
};

const workingGroupEnds = (v: { level: string; endsOn: string | null }, ctx: z.RefinementCtx) => {
  if (v.level === 'working_group' && !v.endsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'working_group_needs_end' });
};

export const ZCreateForum = z.object({ ...forumFields, ownerPartyId: ZId }).superRefine(workingGroupEnds);
export type TCreateForum = z.output<typeof ZCreateForum>;
export const ZUpdateForum = z.object({ ...forumFields, rowVersion }).superRefine(workingGroupEnds);
export type TUpdateForum = z.output<typeof ZUpdateForum>;

/** `party` is '' (a person only), 'group:municipalities' or 'party:<id>'. */
const ZPartyRef = z
  .string()
  .trim()
  .default('')
  .transform((s, ctx) => {
    if (s === '') return { partyId: null, group: null };
    const [kind, value = ''] = s.split(':', 2);
    if (kind === 'group' && (MEMBER_GROUPS as readonly string[]).includes(value)) return { partyId: null, group: value as (typeof MEMBER_GROUPS)[number] };
    if (kind === 'party' && ZId.safeParse(value).success) return { partyId: value, group: null };
    ctx.addIssue({ code: 'custom', message: 'invalid_choice' });
    return z.NEVER;
  });

export const ZAddMember = z
  .object({
    party: ZPartyRef,
    personName: text(200),
    email: z.union([z.literal(''), z.string().trim().toLowerCase().email('invalid_email').max(320)]).default(''),
    role: z.enum(MEMBER_ROLES, { message: 'invalid_choice' }),
    roleNoteFi: text(200),
    roleNoteSv: text(200),
    deputyOf: z.union([z.literal(''), ZId]).default(''),
  })
  .superRefine((v, ctx) => {
    if (!v.party.partyId && !v.party.group && !v.personName) ctx.addIssue({ code: 'custom', path: ['personName'], message: 'member_needs_party_or_person' });
    if (v.party.group && v.personName) ctx.addIssue({ code: 'custom', path: ['party'], message: 'person_needs_one_party' });
    if (v.email && !v.personName) ctx.addIssue({ code: 'custom', path: ['personName'], message: 'required' });
    if (v.role === 'deputy' && !v.deputyOf) ctx.addIssue({ code: 'custom', path: ['deputyOf'], message: 'required' });
    if (v.role !== 'deputy' && v.deputyOf) ctx.addIssue({ code: 'custom', path: ['deputyOf'], message: 'deputy_only' });
  });
export type TAddMember = z.output<typeof ZAddMember>;

const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
const offset = z.enum(['', '+02:00', '+03:00'], { message: 'invalid_choice' }).default('');

const meetingFields = {
  titleFi: requiredText(300),
  titleSv: text(300),
  startDate: z.string().trim().min(1),
  startTime: z.string().trim().min(1),
  endDate: text(10),
  endTime: z.string().trim().min(1),
  startOffset: offset,
  endOffset: offset,
  place: text(500),
  onlineUrl: z.union([z.literal(''), z.string().trim().url('invalid_url').max(2000).refine((u) => u.startsWith('https://'), 'invalid_url')]).default(''),
  kinds: list(z.enum(MEETING_KINDS, { message: 'invalid_choice' })).default([]),
};

const placeOrLink = (v: { place: string; onlineUrl: string }, ctx: z.RefinementCtx) => {
  if (!v.place && !v.onlineUrl) ctx.addIssue({ code: 'custom', path: ['place'], message: 'place_or_link_required' });
};

export const ZCreateMeeting = z.object(meetingFields).superRefine(placeOrLink);
export type TCreateMeeting = z.output<typeof ZCreateMeeting>;
/** `reason` is required when invitations have gone out (it is sent to the invitees). */
export const ZUpdateMeeting = z.object({ ...meetingFields, rowVersion, reason: text(1000) }).superRefine(placeOrLink);
export const ZCancelMeeting = z.object({ rowVersion, reason: requiredText(1000) });
export const ZChangeMeetingState = z.object({ rowVersion, state: z.enum(MEETING_STATES, { message: 'invalid_choice' }) });
/** The parties represented at a held meeting (none is a valid answer: nobody from the parties came). */
export const ZRecordAttendance = z.object({ rowVersion, partyIds: list(z.string().uuid('invalid_choice')) });
