import { z } from 'zod';
import {
  ACTION_STATUSES,
  CONCLUSIONS,
  createMeeting,
  FORUM_FREQUENCIES,
  FORUM_LEVELS,
  getForum,
  getMeeting,
  getMeetingRecord,
  ITEM_LINKS,
  listRegionActions,
  listRegionForums,
  MEETING_KINDS,
  MEETING_STATES,
  MEMBER_GROUPS,
  MEMBER_ROLES,
  PRESENCES,
  recordAttendance,
  recordPersonAttendance,
  updateMeeting,
  ZAttendanceLine,
  ZCreateMeeting,
  ZUpdateMeeting,
  type ActionItem,
  type AgendaItem,
  type Forum,
  type Meeting,
} from '#modules/forums/index.ts';
import { ZRowVersionNumber } from '#platform/form-fields.ts';
import { op } from './define.ts';

const ZText = z.object({ fi: z.string(), sv: z.string() }).meta({ id: 'ForumText' });

const ZForumOut = z
  .object({
    id: z.string().uuid(),
    countyCode: z.string().describe('County code of the cooperation region'),
    ownerPartyId: z.string().uuid().describe('The coordinating party'),
    name: ZText,
    level: z.enum(FORUM_LEVELS),
    endsOn: z.string().nullable().describe('End date of a temporary working group'),
    mandate: ZText,
    frequency: z.enum(FORUM_FREQUENCIES),
    frequencyNote: ZText,
    isPublic: z.boolean(),
    members: z.array(
      z.object({
        id: z.string().uuid(),
        partyId: z.string().uuid().nullable(),
        group: z.enum(MEMBER_GROUPS).nullable(),
        personName: z.string().nullable(),
        email: z.string().nullable().describe('Only for callers who see the forum’s internal material'),
        role: z.enum(MEMBER_ROLES),
        roleNote: ZText,
        deputyOf: z.string().uuid().nullable().describe('The member this deputy stands in for'),
      }),
    ),
  })
  .meta({ id: 'Forum' });

const forumOut = (f: Forum): z.infer<typeof ZForumOut> => ({
  id: f.id,
  countyCode: f.countyCode,
  ownerPartyId: f.ownerPartyId,
  name: f.name,
  level: f.level,
  endsOn: f.endsOn,
  mandate: f.mandate,
  frequency: f.frequency,
  frequencyNote: f.frequencyNote,
  isPublic: f.isPublic,
  members: f.members.map((m) => ({ id: m.id, partyId: m.partyId, group: m.group, personName: m.personName, email: m.email, role: m.role, roleNote: m.roleNote, deputyOf: m.deputyOf })),
});

const ZMeetingOut = z
  .object({
    id: z.string().uuid(),
    forumId: z.string().uuid(),
    title: ZText,
    startsAt: z.string().describe('ISO 8601 instant (shown in Europe/Helsinki)'),
    endsAt: z.string(),
    place: z.string(),
    onlineUrl: z.string(),
    kinds: z.array(z.enum(MEETING_KINDS)),
    state: z.enum(MEETING_STATES),
    icalUid: z.string().describe('iCalendar UID, stable for the meeting’s life'),
    icalSequence: z.number().int().describe('iCalendar SEQUENCE, raised on every change sent to invitees'),
    changeReason: z.string(),
    agendaPublishedAt: z.string().nullable().describe('When the agenda went to the invitees; null: not published'),
    attendedPartyIds: z.array(z.string().uuid()).nullable().describe('Parties represented at the held meeting; null: not recorded'),
    rowVersion: z.number().int().describe('Send back with a change (optimistic locking: a stale one gives 409)'),
  })
  .meta({ id: 'Meeting' });

const meetingOut = (m: Meeting): z.infer<typeof ZMeetingOut> => ({
  id: m.id,
  forumId: m.forumId,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  place: m.place,
  onlineUrl: m.onlineUrl,
  kinds: m.kinds,
  state: m.state,
  icalUid: m.icalUid,
  icalSequence: m.icalSequence,
  changeReason: m.changeReason,
  agendaPublishedAt: m.agendaPublishedAt?.toISOString() ?? null,
  attendedPartyIds: m.attendedPartyIds,
  rowVersion: m.rowVersion,
});

const ZItemOut = z
  .object({
    id: z.string().uuid(),
    position: z.number().int().describe('The item’s number on the agenda'),
    section: z.number().int().nullable().describe('Section number (§) when the forum numbers items over the year'),
    title: ZText,
    presenter: z.string(),
    body: ZText,
    handles: z.object({ link: z.enum(ITEM_LINKS), id: z.string().uuid().nullable().describe('The agreement version, goal, measure or (for the report) agreement'), year: z.number().int().nullable() }),
    summary: ZText,
    conclusion: z.enum(CONCLUSIONS).nullable(),
    conclusionText: ZText,
    internalNote: z.string().describe('Only for the region’s parties and the forum’s members; empty otherwise'),
    attachments: z.array(z.object({ id: z.string().uuid(), title: z.string(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), sha256: z.string() })),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'AgendaItem' });

const itemOut = (i: AgendaItem): z.infer<typeof ZItemOut> => {
  const t = i.target;
  const handles =
    t.link === 'agreement_version'
      ? { link: t.link, id: t.versionId, year: null }
      : t.link === 'goal'
        ? { link: t.link, id: t.goalId, year: null }
        : t.link === 'measure'
          ? { link: t.link, id: t.measureId, year: null }
          : t.link === 'annual_report'
            ? { link: t.link, id: t.agreementId, year: t.year }
            : { link: t.link, id: null, year: null };
  return {
    id: i.id,
    position: i.position,
    section: i.section,
    title: i.title,
    presenter: i.presenter,
    body: i.body,
    handles,
    summary: i.summary,
    conclusion: i.conclusion,
    conclusionText: i.conclusionText,
    internalNote: i.internalNote,
    attachments: i.attachments.map((a) => ({ id: a.id, title: a.title, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
    rowVersion: i.rowVersion,
  };
};

const ZActionOut = z
  .object({
    id: z.string().uuid(),
    meetingId: z.string().uuid(),
    itemId: z.string().uuid().nullable(),
    title: z.string(),
    ownerPartyId: z.string().uuid(),
    ownerPerson: z.string(),
    dueOn: z.string().describe('YYYY-MM-DD'),
    status: z.enum(ACTION_STATUSES),
    overdue: z.boolean().describe('Open and past its due date (Helsinki)'),
    closedNote: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'ActionItem' });

const actionOut = (a: ActionItem, today: string): z.infer<typeof ZActionOut> => ({
  id: a.id,
  meetingId: a.meetingId,
  itemId: a.itemId,
  title: a.title,
  ownerPartyId: a.ownerPartyId,
  ownerPerson: a.ownerPerson,
  dueOn: a.dueOn,
  status: a.status,
  overdue: a.status === 'open' && a.dueOn < today,
  closedNote: a.closedNote,
  closedAt: a.closedAt?.toISOString() ?? null,
});

const ZMeetingWrite = ZCreateMeeting;
/** Lines are checked by the use case, so that an error names its line from 1 (`lines.3.presence`). */
const ZAttendanceLineIn = z
  .object({
    person: z.string().optional().describe('member:<forum member id> or invitee:<invitee id>; empty for someone else'),
    personName: z.string().optional().describe('For someone else: the name'),
    partyId: z.string().optional().describe('For someone else: the party (of the region)'),
    presence: z.string().optional().describe(`One of ${ZAttendanceLine.shape.presence.unwrap().options.filter(Boolean).join(', ')}; empty: not recorded`),
    deputyFor: z.string().optional().describe('For a deputy: whom they stood in for'),
    leftAtItem: z.union([z.string(), z.number()]).optional().describe('The item number during which the person left'),
  })
  .meta({ id: 'AttendanceLine' });
const ZPersonAttendanceBody = z.object({ rowVersion: ZRowVersionNumber, lines: z.array(ZAttendanceLineIn).max(500) }).meta({ id: 'PersonAttendanceInput' });

const ZId = z.object({ id: z.string().uuid('invalid_uuid') });
const ZCounty = z.object({ code: z.string().regex(/^HVA[0-9]{2}$/i, 'invalid_county_code') });
const ZMeetingTimes = 'Times are Helsinki wall-clock times: startDate, startTime (HH:MM), endDate (empty: the start date), endTime; a time repeated at the autumn DST change needs startOffset/endOffset (+03:00 or +02:00); a time that does not exist is refused.';

export const forumOperations = [
  op({
    operationId: 'listRegionForums',
    method: 'get',
    path: '/regions/:code/forums',
    tag: 'forums',
    summary: 'The forums of a cooperation region that the caller may see',
    security: 'public',
    params: z.object({ code: z.string().regex(/^HVA[0-9]{2}$/i, 'invalid_county_code') }),
    response: z.object({ items: z.array(ZForumOut) }).meta({ id: 'ForumList' }),
    errors: [404],
    handler: async (ctx, { params }) => ({ items: (await listRegionForums(ctx, params.code)).forums.map(forumOut) }),
  }),
  op({
    operationId: 'getForum',
    method: 'get',
    path: '/forums/:id',
    tag: 'forums',
    summary: 'One forum with its members and meetings',
    security: 'public',
    params: ZId,
    response: ZForumOut.extend({ meetings: z.array(ZMeetingOut) }).meta({ id: 'ForumDetails' }),
    errors: [404],
    handler: async (ctx, { params }) => {
      const d = await getForum(ctx, params.id);
      return { ...forumOut(d.forum), meetings: d.meetings.map(meetingOut) };
    },
  }),
  op({
    operationId: 'getMeeting',
    method: 'get',
    path: '/meetings/:id',
    tag: 'forums',
    summary: 'One meeting; its invitees and answers for the forum’s secretary, chair and coordinating editors',
    security: 'public',
    params: ZId,
    response: ZMeetingOut.extend({
      invitees: z.array(
        z.object({
          id: z.string().uuid(),
          partyId: z.string().uuid().nullable(),
          personName: z.string().nullable().describe('null: the party invited as such'),
          answer: z.enum(['pending', 'yes', 'no', 'deputy']),
          deputyName: z.string(),
          nominatedByPartyId: z.string().uuid().nullable(),
        }),
      ),
    }).meta({ id: 'MeetingDetails' }),
    errors: [404],
    handler: async (ctx, { params }) => {
      const d = await getMeeting(ctx, params.id);
      return {
        ...meetingOut(d.meeting),
        invitees: d.invitees.map((i) => ({ id: i.id, partyId: i.partyId, personName: i.personName, answer: i.answer, deputyName: i.deputyName, nominatedByPartyId: i.nominatedByPartyId })),
      };
    },
  }),
  op({
    operationId: 'getMeetingRecord',
    method: 'get',
    path: '/meetings/:id/record',
    tag: 'forums',
    summary: 'A meeting’s agenda and minutes as the caller may see them',
    description: 'The agenda once published (to the region’s parties and the forum’s members; to everyone for a public forum); the minutes (attendance per person, checkers, action items) once approved, and for a public forum once published. `agenda` or `minutes` is null when the caller may not see it.',
    security: 'public',
    params: ZId,
    response: z
      .object({
        agenda: z.array(ZItemOut).nullable(),
        minutes: z
          .object({
            attendance: z.array(z.object({ personName: z.string(), partyId: z.string().uuid().nullable(), presence: z.enum(PRESENCES), deputyFor: z.string(), leftAtItem: z.number().int().nullable() })),
            checkers: z.array(z.object({ personName: z.string(), checkedAt: z.string().nullable() })),
            actions: z.array(ZActionOut),
          })
          .nullable(),
      })
      .meta({ id: 'MeetingRecord' }),
    errors: [404],
    handler: async (ctx, { params }) => {
      const r = await getMeetingRecord(ctx, params.id);
      return {
        agenda: r.items?.map(itemOut) ?? null,
        minutes: r.minutes && {
          attendance: r.minutes.attendance.map((a) => ({ personName: a.personName, partyId: a.partyId, presence: a.presence, deputyFor: a.deputyFor, leftAtItem: a.leftAtItem })),
          checkers: r.minutes.checkers.map((c) => ({ personName: c.personName, checkedAt: c.checkedAt?.toISOString() ?? null })),
          actions: r.minutes.actions.map((a) => actionOut(a, r.today)),
        },
      };
    },
  }),
  op({
    operationId: 'listRegionActions',
    method: 'get',
    path: '/regions/:code/actions',
    tag: 'forums',
    summary: 'Action items of the region’s forums that the caller may see, overdue first',
    security: 'public',
    params: ZCounty,
    query: z.object({ all: z.enum(['0', '1']).default('0').describe('1: closed ones too') }),
    response: z.object({ items: z.array(ZActionOut) }).meta({ id: 'ActionList' }),
    errors: [404],
    handler: async (ctx, { params, query }) => {
      const r = await listRegionActions(ctx, params.code, { includeClosed: query.all === '1' });
      return { items: r.actions.map((a) => actionOut(a, r.today)) };
    },
  }),
  op({
    operationId: 'createMeeting',
    method: 'post',
    path: '/forums/:id/meetings',
    tag: 'forums',
    summary: 'Plan a meeting of a forum (the forum’s secretary or chair, or a coordinating party’s editor token)',
    description: ZMeetingTimes,
    security: 'authenticated',
    params: ZId,
    body: ZMeetingWrite,
    status: 201,
    errors: [404],
    response: ZMeetingOut,
    handler: async (ctx, { params, body }) => meetingOut(await createMeeting(ctx, params.id, body)),
  }),
  op({
    operationId: 'updateMeeting',
    method: 'put',
    path: '/meetings/:id',
    tag: 'forums',
    summary: 'Change or reschedule a planned meeting; invitees get the change (iCalendar SEQUENCE raised)',
    description: `${ZMeetingTimes} A \`reason\` is required once invitations have gone out.`,
    security: 'authenticated',
    params: ZId,
    body: ZUpdateMeeting,
    errors: [404, 409],
    response: ZMeetingOut,
    handler: async (ctx, { params, body }) => meetingOut(await updateMeeting(ctx, params.id, body)),
  }),
  op({
    operationId: 'recordMeetingAttendance',
    method: 'put',
    path: '/meetings/:id/attendance',
    tag: 'forums',
    summary: 'Record which of the region’s parties were represented at a held meeting (evidence for the obligations monitor)',
    security: 'authenticated',
    params: ZId,
    body: z.object({ rowVersion: ZRowVersionNumber, partyIds: z.array(z.string().uuid('invalid_choice')).describe('Every party represented; [] when none was') }).meta({ id: 'AttendanceInput' }),
    errors: [404, 409],
    response: ZMeetingOut,
    handler: async (ctx, { params, body }) => meetingOut(await recordAttendance(ctx, params.id, body)),
  }),
  op({
    operationId: 'recordPersonAttendance',
    method: 'put',
    path: '/meetings/:id/attendance/people',
    tag: 'forums',
    summary: 'Record the attendance per person from the minutes (replaces the list); errors name the line as lines.N.field',
    security: 'authenticated',
    params: ZId,
    body: ZPersonAttendanceBody,
    errors: [404, 409],
    response: z.object({ items: z.array(z.object({ personName: z.string(), partyId: z.string().uuid().nullable(), presence: z.enum(PRESENCES), deputyFor: z.string(), leftAtItem: z.number().int().nullable() })) }),
    handler: async (ctx, { params, body }) => ({
      items: (await recordPersonAttendance(ctx, params.id, body)).map((a) => ({ personName: a.personName, partyId: a.partyId, presence: a.presence, deputyFor: a.deputyFor, leftAtItem: a.leftAtItem })),
    }),
  }),
];
