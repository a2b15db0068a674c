import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId, assertCommentWindowOpen, type AgreementComment } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { commentPolicy } from './agreement-policy.ts';
import { findComment, findRound, insertComment, withdrawCommentRow } from './agreement-queries.ts';
import { ZReplaceStatement } from './agreement-schemas.ts';

/**
 * Replaces a party's official statement before the deadline: the old one is withdrawn and the new one
 * points back to it, in one transaction. (Filing a second statement without replacing is refused.)
 */
export async function replaceStatement(ctx: Ctx, statementId: string, input: unknown): Promise<AgreementComment> {
  const old = await findComment(ctx.db, statementId);
  if (!old || old.kind !== 'statement') throw notFound('agreements.comment_not_found');
  const round = (await findRound(ctx.db, old.roundId))!;
  const agreement = await agreementOr404(ctx.db, round.agreementId);
  assertCan(commentPolicy, 'agreement.file_statement', ctx.actor, { agreement: subjectOf(agreement), partyId: old.partyId });
  const f = parseInput(ZReplaceStatement, input);
  if (old.withdrawnAt) throw new AppError('agreements.comment_withdrawn', 'conflict');
  if (old.answer) throw new AppError('agreements.comment_already_answered', 'conflict');
  assertCommentWindowOpen(round, ctx.clock.now());
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (!(await withdrawCommentRow(tx, statementId, f.rowVersion, actorUserId(ctx.actor), now))) {
      throw conflict('agreements.edited_by_someone_else', { current: await findComment(tx, statementId) });
    }
    const id = await insertComment(
      tx,
      { roundId: round.id, partyId: old.partyId, kind: 'statement', sectionId: null, lang: f.lang, body: f.body, authorUserId: actorUserId(ctx.actor), replacesId: old.id },
      now,
    );
    await recordAudit(tx, ctx, {
      partyId: old.partyId,
      action: 'agreement_comment.replace_statement',
      targetType: 'agreement_comment',
      targetId: id,
      before: { id: old.id, body: old.body },
      after: { id, body: f.body, lang: f.lang },
    });
    return (await findComment(tx, id))!;
  });
}
