import type { Ctx } from '#platform/context.ts';
import { assertCan, can, permittedActions } from '#platform/policy.ts';
import { helsinkiDate } from '#platform/clock.ts';
import { forumPolicy } from './forum-policy.ts';
import { meetingRecord, type MeetingRecord } from './minutes-access.ts';
import { agendaOpen, byUrgency, minutesOpen, type ActionItem, type AgendaItem, type MinutesChecker, type PersonAttendance } from './minutes.ts';
import { meetingRecordPolicy, type MeetingRecordAbility } from './minutes-policy.ts';
import { listActionsOfMeeting, listCheckers, listItems, listLinkOptions, listPersonAttendance, type LinkOptions } from './minutes-queries.ts';
import { checkerCandidates } from './set-minutes-checkers.ts';

export interface MeetingRecordView {
  abilities: MeetingRecordAbility[];
  /** Null when the actor may not see the agenda (not yet published, or an internal forum). */
  items: AgendaItem[] | null;
  /** The minutes (attendance, checkers, actions): null when the actor may not see them yet. */
  minutes: { attendance: PersonAttendance[]; checkers: MinutesChecker[]; actions: ActionItem[] } | null;
  /** For the forum's managers while they can be used: what items may handle, who may check the minutes. */
  linkOptions: LinkOptions | null;
  checkerCandidates: { userId: string; personName: string }[];
  today: string;
}

/** A meeting's agenda and minutes as the actor may see them; internal notes only for the region's parties and members. */
export async function getMeetingRecord(ctx: Ctx, meetingId: string): Promise<MeetingRecordView> {
  const loaded = await meetingRecord(ctx.db, meetingId);
  assertCan(forumPolicy, 'forum.view', ctx.actor, loaded.subject);
  return meetingRecordView(ctx, loaded);
}

/** The view of a meeting already loaded and its visibility checked (getMeeting's page reads the meeting once). */
export async function meetingRecordView(ctx: Ctx, { meeting, forum, subject, record }: MeetingRecord): Promise<MeetingRecordView> {
  const meetingId = meeting.id;
  const abilities = permittedActions(meetingRecordPolicy, ctx.actor, record);
  const manages = can(forumPolicy, 'forum.manage', ctx.actor, subject);
  const internal = abilities.includes('record.view_internal');
  const hide = (i: AgendaItem): AgendaItem => (internal ? i : { ...i, internalNote: '' });
  const seesMinutes = abilities.includes('minutes.view');
  const items = abilities.includes('agenda.view') || seesMinutes ? (await listItems(ctx.db, meetingId)).map(hide) : null;
  const today = helsinkiDate(ctx.clock.now());
  const minutes = seesMinutes
    ? {
        attendance: await listPersonAttendance(ctx.db, meetingId),
        checkers: await listCheckers(ctx.db, meetingId),
        actions: (await listActionsOfMeeting(ctx.db, meetingId)).sort(byUrgency(today)),
      }
    : null;
  // Before the minutes are written, items show only their agenda part to those who do not write them.
  const visibleItems = items && !seesMinutes ? items.map((i) => ({ ...i, summary: { fi: '', sv: '' }, conclusion: null, conclusionText: { fi: '', sv: '' } })) : items;
  return {
    abilities,
    items: visibleItems,
    minutes,
    linkOptions: manages && agendaOpen(meeting.state) ? await listLinkOptions(ctx.db, forum.countyCode) : null,
    checkerCandidates: manages && minutesOpen(meeting.state) ? await checkerCandidates(ctx, meetingId, forum.members) : [],
    today,
  };
}
