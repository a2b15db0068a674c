import { z } from 'zod';
import { hasPartyRole } from '#platform/actor.ts';
import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid } from '#platform/errors.ts';
import { ZId, requiredText } from '#platform/form-fields.ts';
import { assertCan, type Policy } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import type { Invitee } from './invitation.ts';
import { findUserIdByEmail, insertInvitee, listInvitees } from './invitation-queries.ts';
import { langsOf, sendInvitationMail } from './invitation-mail.ts';
import { isUpcomingState } from './meeting.ts';
import { meetingWithForum } from './meeting-access.ts';

export const ZNominate = z.object({
  partyId: ZId,
  personName: requiredText(200),
  email: z.string().trim().toLowerCase().email('invalid_email').max(320),
});

/** A party invited as such: its administrators (only theirs) nominate or forward the invitation to their own people. */
export const nominatePolicy: Policy<'meeting.nominate', { partyId: string; partyInvited: boolean }> = {
  'meeting.nominate': (a, s) => s.partyInvited && (a.kind === 'system' || hasPartyRole(a, s.partyId, 'admin')),
};

/** Forwards the invitation to a person of the party (e.g. its management team); they get it at once with the iCalendar. */
export async function nominateInvitee(ctx: Ctx, meetingId: string, input: unknown): Promise<Invitee> {
  const { meeting, forum } = await meetingWithForum(ctx.db, meetingId);
  const raw = ZId.safeParse((input as { partyId?: unknown } | null)?.partyId);
  const partyId = raw.success ? raw.data : '';
  const invitees = await listInvitees(ctx.db, meetingId);
  const partyInvited = invitees.some((i) => i.email === null && i.partyId === partyId);
  assertCan(nominatePolicy, 'meeting.nominate', ctx.actor, { partyId, partyInvited });
  const f = parseInput(ZNominate, input);
  if (meeting.state !== 'invited' || !isUpcomingState(meeting.state)) throw invalid([{ field: 'state', code: 'meeting_not_upcoming' }], 'forums.meeting_not_upcoming');
  if (invitees.some((i) => i.email?.toLowerCase() === f.email)) throw invalid([{ field: 'email', code: 'already_invited' }]);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const invitee = await insertInvitee(
      tx,
      meetingId,
      {
        partyId,
        forumMemberId: null,
        personName: f.personName,
        email: f.email,
        userId: await findUserIdByEmail(tx, f.email),
        nominatedByPartyId: partyId,
        nominatedByUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      },
      now,
    );
    const lang = await langsOf(tx, [invitee]);
    await sendInvitationMail(tx, ctx, forum, meeting, invitee, 'invite', lang(invitee));
    await recordAudit(tx, ctx, {
      partyId,
      action: 'meeting.nominate',
      targetType: 'meeting',
      targetId: meetingId,
      after: { invitee_id: invitee.id, person_name: f.personName },
    });
    return invitee;
  });
}
