import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId, assertTransition, type Agreement } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { findAgreement, lockAgreement, setAgreementStatus } from './agreement-queries.ts';
import { assertCanReturnToDraft } from './approval.ts';
import { lifecyclePolicy } from './approval-policy.ts';
import { returnOpenApprovalRound, setApprovalFacts } from './approval-queries.ts';
import { ZReturnToDraft } from './approval-schemas.ts';
import { partyApprovals } from './approval-state.ts';

/**
 * Takes the agreement back from approval to drafting (in_approval → draft), with a reason. Allowed while no
 * party has its final approval on the approval version, or when a body has asked for changes (see
 * assertCanReturnToDraft). Decisions and signatures stay on record, pinned to the version they concern.
 */
export async function returnToDraft(ctx: Ctx, agreementId: string, input: unknown): Promise<Agreement> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(lifecyclePolicy, 'agreement.return_to_draft', ctx.actor, subjectOf(agreement));
  const { reason } = parseInput(ZReturnToDraft, input);
  return ctx.db.transaction(async (tx) => {
    const locked = (await lockAgreement(tx, agreementId))!;
    // From a comment round the way back is closing the round (closeCommentRound).
    if (locked.status !== 'in_approval') throw new AppError('agreements.illegal_transition', 'conflict', [], { from: locked.status, to: 'draft' });
    assertTransition(locked.status, 'draft');
    assertCanReturnToDraft((await partyApprovals(tx, locked)).map((p) => p.progress));
    const now = ctx.clock.now();
    const roundId = await returnOpenApprovalRound(tx, agreementId, actorUserId(ctx.actor), reason, now);
    await setApprovalFacts(tx, agreementId, { approvalVersionId: null, entersIntoForceOn: null }, now);
    await setAgreementStatus(tx, agreementId, locked.status, 'draft', now);
    await recordAudit(tx, ctx, {
      partyId: locked.coordinatingPartyId,
      action: 'agreement.return_to_draft',
      targetType: 'agreement',
      targetId: agreementId,
      before: { status: locked.status, approval_version_id: locked.approvalVersionId },
      after: { status: 'draft', approval_round_id: roundId ?? null, reason },
    });
    return (await findAgreement(tx, agreementId))!;
  });
}
