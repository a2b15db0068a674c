import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId, assertCommentWindowOpen } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { commentPolicy } from './agreement-policy.ts';
import { findComment, findRound, withdrawCommentRow } from './agreement-queries.ts';
import { ZRowVersion } from './agreement-schemas.ts';

/** The commenting party withdraws its comment or statement before the deadline (unless already answered). */
export async function withdrawComment(ctx: Ctx, commentId: string, input: unknown): Promise<void> {
  const comment = await findComment(ctx.db, commentId);
  if (!comment) throw notFound('agreements.comment_not_found');
  const round = (await findRound(ctx.db, comment.roundId))!;
  const agreement = await agreementOr404(ctx.db, round.agreementId);
  assertCan(commentPolicy, comment.kind === 'statement' ? 'agreement.file_statement' : 'agreement.comment', ctx.actor, {
    agreement: subjectOf(agreement),
    partyId: comment.partyId,
  });
  const { rowVersion } = parseInput(ZRowVersion, input);
  if (comment.withdrawnAt) throw new AppError('agreements.comment_withdrawn', 'conflict');
  if (comment.answer) throw new AppError('agreements.comment_already_answered', 'conflict');
  assertCommentWindowOpen(round, ctx.clock.now());
  await ctx.db.transaction(async (tx) => {
    if (!(await withdrawCommentRow(tx, commentId, rowVersion, actorUserId(ctx.actor), ctx.clock.now()))) {
      throw conflict('agreements.edited_by_someone_else', { current: await findComment(tx, commentId) });
    }
    await recordAudit(tx, ctx, {
      partyId: comment.partyId,
      action: 'agreement_comment.withdraw',
      targetType: 'agreement_comment',
      targetId: commentId,
      before: { kind: comment.kind, body: comment.body },
    });
  });
}
