import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { forumPolicy } from './forum-policy.ts';
import { partiesOfGroup } from './forum-queries.ts';
import { ZRowVersion } from './forum-schemas.ts';
import { insertInvitee, listInvitees } from './invitation-queries.ts';
import { langsOf, sendInvitationMail } from './invitation-mail.ts';
import { isUpcomingState } from './meeting.ts';
import { meetingWithForum } from './meeting-access.ts';
import { findMeeting, setMeetingState } from './meeting-queries.ts';

/**
 * Invites the forum: every named member gets an e-mail with the iCalendar REQUEST; every member party (and each
 * party of a member group) is invited as such, so its administrators can nominate or forward to their own people.
 * Sending again invites members added since and mails only those who have not been sent the meeting.
 */
export async function sendInvitations(ctx: Ctx, meetingId: string, input: unknown): Promise<{ mailed: number; parties: number }> {
  const { meeting, forum, subject } = await meetingWithForum(ctx.db, meetingId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const f = parseInput(ZRowVersion, input);
  if (!isUpcomingState(meeting.state)) throw invalid([{ field: 'state', code: 'meeting_not_upcoming' }], 'forums.meeting_not_upcoming');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (!(await setMeetingState(tx, meetingId, f.rowVersion, 'invited', now))) {
      throw conflict('forums.meeting_edited_by_someone_else', { current: (await findMeeting(tx, meetingId)) ?? null });
    }
    const current = (await findMeeting(tx, meetingId))!;
    const existing = await listInvitees(tx, meetingId);
    const emails = new Set(existing.flatMap((i) => (i.email ? [i.email.toLowerCase()] : [])));
    const parties = new Set(existing.flatMap((i) => (i.email === null && i.partyId ? [i.partyId] : [])));
    let newParties = 0;
    const inviteParty = async (partyId: string) => {
      if (parties.has(partyId)) return;
      parties.add(partyId);
      newParties++;
      await insertInvitee(tx, meetingId, { partyId, forumMemberId: null, personName: null, email: null, userId: null, nominatedByPartyId: null, nominatedByUserId: null }, now);
    };
    for (const m of forum.members) {
      if (m.email && !emails.has(m.email.toLowerCase())) {
        emails.add(m.email.toLowerCase());
        await insertInvitee(
          tx,
          meetingId,
          { partyId: m.partyId, forumMemberId: m.id, personName: m.personName, email: m.email, userId: m.userId, nominatedByPartyId: null, nominatedByUserId: null },
          now,
        );
      }
      if (m.partyId) await inviteParty(m.partyId);
      if (m.group) for (const p of await partiesOfGroup(tx, forum.countyCode, m.group)) await inviteParty(p);
    }
    const toMail = (await listInvitees(tx, meetingId)).filter((i) => i.email && i.sentSequence === null);
    const lang = await langsOf(tx, toMail);
    for (const i of toMail) await sendInvitationMail(tx, ctx, forum, current, i, 'invite', lang(i));
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'meeting.send_invitations',
      targetType: 'meeting',
      targetId: meetingId,
      before: { state: meeting.state },
      after: { state: 'invited', mailed: toMail.length, parties_invited: newParties },
    });
    return { mailed: toMail.length, parties: parties.size };
  });
}
