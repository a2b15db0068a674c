import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, conflict } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId, assertTransition } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { closeRoundRow, findOpenRound, findRound, lockAgreement, setAgreementStatus } from './agreement-queries.ts';
import { ZRowVersion } from './agreement-schemas.ts';

/**
 * Ends the comment round (at or before its deadline) and returns the agreement to drafting:
 * comment_round → draft. Comments and answers stay; answering may go on.
 */
export async function closeCommentRound(ctx: Ctx, agreementId: string, input: unknown): Promise<void> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(agreementPolicy, 'agreement.manage_comment_round', ctx.actor, subjectOf(agreement));
  const { rowVersion } = parseInput(ZRowVersion, input);
  await ctx.db.transaction(async (tx) => {
    const locked = (await lockAgreement(tx, agreementId))!;
    assertTransition(locked.status, 'draft');
    const round = await findOpenRound(tx, agreementId);
    if (!round) throw new AppError('agreements.no_open_comment_round', 'conflict');
    const now = ctx.clock.now();
    if (!(await closeRoundRow(tx, round.id, rowVersion, actorUserId(ctx.actor), now))) {
      throw conflict('agreements.edited_by_someone_else', { current: await findRound(tx, round.id) });
    }
    await setAgreementStatus(tx, agreementId, locked.status, 'draft', now);
    await recordAudit(tx, ctx, {
      partyId: locked.coordinatingPartyId,
      action: 'agreement.close_comment_round',
      targetType: 'agreement',
      targetId: agreementId,
      before: { status: locked.status },
      after: { status: 'draft', round_id: round.id },
    });
  });
}
