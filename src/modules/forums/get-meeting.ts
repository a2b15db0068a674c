import type { Ctx } from '#platform/context.ts';
import { roleIn, type Actor } from '#platform/actor.ts';
import { sha256 } from '#platform/auth/secrets.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan, can, permittedActions } from '#platform/policy.ts';
import { getCooperationRegion, type Party } from '#modules/parties/index.ts';
import type { Forum } from './forum.ts';
import { forumPolicy, type ForumAbility } from './forum-policy.ts';
import { visibleForum } from './get-forum.ts';
import type { Invitee } from './invitation.ts';
import { findInviteeByTokenHash, listInvitees } from './invitation-queries.ts';
import type { Meeting } from './meeting.ts';
import { meetingWithForum } from './meeting-access.ts';
import { forumWithSubject } from './forum-access.ts';
import { listMeetingsOfForum } from './meeting-queries.ts';
import { meetingRecordView, type MeetingRecordView } from './get-meeting-record.ts';
import { meetingRecord } from './minutes-access.ts';

export interface MeetingDetails {
  meeting: Meeting;
  forum: Forum;
  permittedActions: ForumAbility[];
  /** Everyone invited and their answers: for the forum's managers; others see only their own rows. */
  invitees: Invitee[];
  /** Parties invited as such for which the actor is an administrator (they may nominate their own people). */
  nominateFor: string[];
  /** The actor's own invitation(s). */
  mine: Invitee[];
  parties: Party[];
  /** The agenda and minutes as the actor may see them. */
  record: MeetingRecordView;
}

const uid = (a: Actor) => (a.kind === 'user' ? a.userId : null);

/** One meeting. Meetings of public forums are public; the list of invitees and their answers is for the secretary. */
export async function getMeeting(ctx: Ctx, meetingId: string): Promise<MeetingDetails> {
  const loaded = await meetingRecord(ctx.db, meetingId);
  const { meeting, forum, subject } = loaded;
  assertCan(forumPolicy, 'forum.view', ctx.actor, subject);
  const all = await listInvitees(ctx.db, meetingId);
  const manages = can(forumPolicy, 'forum.manage', ctx.actor, subject);
  const mine = all.filter((i) => i.userId !== null && i.userId === uid(ctx.actor));
  const adminOf = (p: string | null) => p !== null && (ctx.actor.kind === 'system' || roleIn(ctx.actor, p) === 'admin');
  const nominateFor = meeting.state === 'invited' ? all.filter((i) => i.email === null && adminOf(i.partyId)).map((i) => i.partyId!) : [];
  const visible = manages ? all : all.filter((i) => mine.includes(i) || (i.partyId !== null && nominateFor.includes(i.partyId)));
  return { meeting, forum: visibleForum(ctx, forum, subject), permittedActions: permittedActions(forumPolicy, ctx.actor, subject), invitees: visible, nominateFor, mine, parties: (await getCooperationRegion(ctx, forum.countyCode)).parties, record: await meetingRecordView(ctx, loaded) };
}

/** The meetings of a forum the actor may see (all of them: a forum's meetings follow the forum's visibility). */
export async function listForumMeetings(ctx: Ctx, forumId: string): Promise<Meeting[]> {
  const { subject } = await forumWithSubject(ctx.db, forumId);
  assertCan(forumPolicy, 'forum.view', ctx.actor, subject);
  return listMeetingsOfForum(ctx.db, forumId);
}

/** The invitation behind an e-mail link: the invitee and the meeting, for answering without signing in. */
export async function getInvitationByToken(ctx: Ctx, token: string): Promise<{ invitee: Invitee; meeting: Meeting; forum: Forum }> {
  const invitee = token ? await findInviteeByTokenHash(ctx.db, sha256(token)) : undefined;
  if (!invitee) throw notFound('forums.invitation_not_found');
  const { meeting, forum } = await meetingWithForum(ctx.db, invitee.meetingId);
  return { invitee, meeting, forum: { ...forum, members: [] } };
}
