import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId, type AgreementComment } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { answerCommentRow, findComment, findRound } from './agreement-queries.ts';
import { ZAnswerComment } from './agreement-schemas.ts';

/** The drafting team answers a comment: accepted, partly accepted or not accepted, with its reasoning. */
export async function answerComment(ctx: Ctx, commentId: string, input: unknown): Promise<AgreementComment> {
  const comment = await findComment(ctx.db, commentId);
  if (!comment) throw notFound('agreements.comment_not_found');
  const round = (await findRound(ctx.db, comment.roundId))!;
  const agreement = await agreementOr404(ctx.db, round.agreementId);
  assertCan(agreementPolicy, 'agreement.answer_comment', ctx.actor, subjectOf(agreement));
  const f = parseInput(ZAnswerComment, input);
  if (comment.withdrawnAt) throw new AppError('agreements.comment_withdrawn', 'conflict');
  return ctx.db.transaction(async (tx) => {
    if (!(await answerCommentRow(tx, commentId, f.rowVersion, { answer: f.answer, reasoning: f.reasoning }, actorUserId(ctx.actor), ctx.clock.now()))) {
      throw conflict('agreements.edited_by_someone_else', { current: await findComment(tx, commentId) });
    }
    const updated = (await findComment(tx, commentId))!;
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'agreement_comment.answer',
      targetType: 'agreement_comment',
      targetId: commentId,
      ...changedFields({ answer: comment.answer, reasoning: comment.answerReasoning }, { answer: updated.answer, reasoning: updated.answerReasoning }),
    });
    return updated;
  });
}
