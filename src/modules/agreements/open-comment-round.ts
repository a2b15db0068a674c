import { recordAudit } from '#platform/audit.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId, assertTransition, type CommentRound } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { findOpenRound, findRound, findVersionByNumber, insertRound, lockAgreement, setAgreementStatus } from './agreement-queries.ts';
import { ZOpenCommentRound } from './agreement-schemas.ts';
import { notifyCommentRoundOpened } from './agreement-notifications.ts';

/**
 * Sends a published version to the parties for comments until a deadline (a Helsinki date, inclusive):
 * draft → comment_round. From then on the version is public. The parties' editors are notified by e-mail.
 */
export async function openCommentRound(ctx: Ctx, agreementId: string, input: unknown): Promise<CommentRound> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(agreementPolicy, 'agreement.manage_comment_round', ctx.actor, subjectOf(agreement));
  const f = parseInput(ZOpenCommentRound, input);
  const now = ctx.clock.now();
  if (f.deadline < helsinkiDate(now)) throw invalid([{ field: 'deadline', code: 'date_in_past' }]);
  const version = await findVersionByNumber(ctx.db, agreementId, f.versionNumber);
  if (!version) throw invalid([{ field: 'versionNumber', code: 'no_such_version' }]);
  return ctx.db.transaction(async (tx) => {
    const locked = (await lockAgreement(tx, agreementId))!;
    assertTransition(locked.status, 'comment_round');
    if (await findOpenRound(tx, agreementId)) throw new AppError('agreements.comment_round_already_open', 'conflict');
    const id = await insertRound(tx, { agreementId, versionId: version.id, deadline: f.deadline, openedBy: actorUserId(ctx.actor) }, now);
    await setAgreementStatus(tx, agreementId, locked.status, 'comment_round', now);
    await recordAudit(tx, ctx, {
      partyId: locked.coordinatingPartyId,
      action: 'agreement.open_comment_round',
      targetType: 'agreement',
      targetId: agreementId,
      before: { status: locked.status },
      after: { status: 'comment_round', round_id: id, version: f.versionNumber, deadline: f.deadline },
    });
    // Every party's editors hear of it (outbox, same transaction), each in their own language.
    await notifyCommentRoundOpened(tx, locked, { versionNumber: f.versionNumber, deadline: f.deadline });
    return (await findRound(tx, id))!;
  });
}
