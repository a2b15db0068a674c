import { z } from 'zod';
import { FORUM_FREQUENCIES, FORUM_LEVELS, getForum, getMeeting, listRegionForums, MEETING_KINDS, MEETING_STATES, MEMBER_GROUPS, MEMBER_ROLES, type Forum, type Meeting } from '#modules/forums/index.ts';
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
});

const ZId = z.object({ id: z.string().uuid('invalid_uuid') });

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
];
