import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId, assertTransition, type Agreement } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { closeRoundRow, findAgreement, findOpenRound, findVersionByNumber, lockAgreement, setAgreementStatus } from './agreement-queries.ts';
import { lifecyclePolicy } from './approval-policy.ts';
import { insertApprovalRound, insertSteps, latestVersionNumber, setApprovalFacts, type StepInsert } from './approval-queries.ts';
import { ZSendToApproval } from './approval-schemas.ts';
import { partyApprovals } from './approval-state.ts';

/**
 * Sends the newest published version to the parties' decision-makers: draft | comment_round → in_approval.
 * Closes an open comment round, makes the version the approval version (public from now on; signatures
 * bind to its hash) and saves the default approval chain of every party that has not set its own.
 */
export async function sendToApproval(ctx: Ctx, agreementId: string, input: unknown): Promise<Agreement> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(lifecyclePolicy, 'agreement.send_to_approval', ctx.actor, subjectOf(agreement));
  const { versionNumber } = parseInput(ZSendToApproval, input);
  return ctx.db.transaction(async (tx) => {
    const locked = (await lockAgreement(tx, agreementId))!;
    assertTransition(locked.status, 'in_approval');
    const version = await findVersionByNumber(tx, agreementId, versionNumber);
    if (!version) throw invalid([{ field: 'versionNumber', code: 'no_such_version' }]);
    // The draft is frozen from now on: what goes to the decision-makers is the newest text.
    if (versionNumber !== (await latestVersionNumber(tx, agreementId))) throw invalid([{ field: 'versionNumber', code: 'not_latest_version' }]);
    const now = ctx.clock.now();
    const userId = actorUserId(ctx.actor);
    const round = locked.status === 'comment_round' ? await findOpenRound(tx, agreementId) : undefined;
    if (round) await closeRoundRow(tx, round.id, round.rowVersion, userId, now);
    const defaults: StepInsert[] = (await partyApprovals(tx, locked))
      .filter((p) => p.chainIsDefault)
      .flatMap((p) => p.chain.map((s) => ({ partyId: p.party.id, position: s.position, bodyId: s.bodyId, bodyKind: s.bodyKind, bodyFi: s.body.fi, bodySv: s.body.sv, role: s.role })));
    await insertSteps(tx, agreementId, defaults, now);
    const roundId = await insertApprovalRound(tx, { agreementId, versionId: version.id, sentBy: userId }, now);
    await setApprovalFacts(tx, agreementId, { approvalVersionId: version.id, entersIntoForceOn: null }, now);
    await setAgreementStatus(tx, agreementId, locked.status, 'in_approval', now);
    await recordAudit(tx, ctx, {
      partyId: locked.coordinatingPartyId,
      action: 'agreement.send_to_approval',
      targetType: 'agreement',
      targetId: agreementId,
      before: { status: locked.status, comment_round_closed: round?.id ?? null },
      after: { status: 'in_approval', approval_round_id: roundId, version: versionNumber, sha256: version.sha256, default_chains_saved: new Set(defaults.map((d) => d.partyId)).size },
    });
    return (await findAgreement(tx, agreementId))!;
  });
}
