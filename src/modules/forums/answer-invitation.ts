import { z } from 'zod';
import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, invalid, notFound } from '#platform/errors.ts';
import { ZRowVersionNumber, text } from '#platform/form-fields.ts';
import { safeEqual, sha256 } from '#platform/auth/secrets.ts';
import { assertCan, type Policy } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { ANSWERS, type Invitee } from './invitation.ts';
import { findInvitee, inviteeTokenHash, saveAnswer } from './invitation-queries.ts';
import { isUpcomingState } from './meeting.ts';
import { meetingWithForum } from './meeting-access.ts';
import { forumPolicy } from './forum-policy.ts';

export const ZAnswer = z
  .object({
    rowVersion: ZRowVersionNumber,
    answer: z.enum(ANSWERS, { message: 'invalid_choice' }),
    deputyName: text(200),
    token: text(200),
  })
  .superRefine((v, ctx) => {
    if (v.answer === 'deputy' && !v.deputyName) ctx.addIssue({ code: 'custom', path: ['deputyName'], message: 'required' });
  });

interface AnswerSubject {
  inviteeUserId: string | null;
  /** The secret of the link in the invitee's e-mail matched. */
  tokenMatches: boolean;
  /** The forum's secretary may record an answer given by phone or e-mail. */
  managesForum: boolean;
}

/** The invitee answers for themselves (signed in, or through their e-mail link); the forum's secretary for them. */
export const answerPolicy: Policy<'invitation.answer', AnswerSubject> = {
  'invitation.answer': (a, s) => s.tokenMatches || s.managesForum || (a.kind === 'user' && a.userId === s.inviteeUserId),
};

export async function answerInvitation(ctx: Ctx, inviteeId: string, input: unknown): Promise<Invitee> {
  const invitee = await findInvitee(ctx.db, inviteeId);
  if (!invitee) throw notFound('forums.invitation_not_found');
  const { meeting, forum, subject } = await meetingWithForum(ctx.db, invitee.meetingId);
  const token = String((input as { token?: unknown } | null)?.token ?? '');
  const storedHash = await inviteeTokenHash(ctx.db, invitee.id);
  const tokenMatches = token !== '' && storedHash !== null && safeEqual(sha256(token), storedHash);
  assertCan(answerPolicy, 'invitation.answer', ctx.actor, {
    inviteeUserId: invitee.userId,
    tokenMatches,
    managesForum: forumPolicy['forum.manage'](ctx.actor, subject),
  });
  const f = parseInput(ZAnswer, input);
  if (invitee.email === null) throw invalid([{ field: 'answer', code: 'party_invite_not_answerable' }]);
  if (!isUpcomingState(meeting.state)) throw invalid([{ field: 'answer', code: 'meeting_not_upcoming' }], 'forums.meeting_not_upcoming');
  return ctx.db.transaction(async (tx) => {
    const deputy = f.answer === 'deputy' ? f.deputyName : '';
    if (!(await saveAnswer(tx, invitee.id, f.rowVersion, f.answer, deputy, ctx.clock.now()))) {
      throw conflict('forums.invitation_answered_meanwhile', { current: (await findInvitee(tx, invitee.id)) ?? null });
    }
    await recordAudit(tx, ctx, {
      partyId: invitee.partyId ?? forum.ownerPartyId,
      action: 'meeting.answer',
      targetType: 'meeting_invitee',
      targetId: invitee.id,
      before: { answer: invitee.answer, deputy_name: invitee.deputyName },
      after: { answer: f.answer, deputy_name: deputy },
    });
    return (await findInvitee(tx, invitee.id))!;
  });
}
