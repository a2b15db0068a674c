import { getCooperationRegion } from '#modules/parties/index.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan, can, permittedActions } from '#platform/policy.ts';
import type { Agreement, VersionInfo } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { assertCanReturnToDraft } from './approval.ts';
import { lifecyclePolicy, partyApprovalPolicy, type LifecycleAbility, type PartyApprovalAbility } from './approval-policy.ts';
import { findVersionById, latestVersionNumber, listApprovalRounds, type ApprovalRound } from './approval-queries.ts';
import { partyApprovals, withCurrentStatus, type PartyApproval } from './approval-state.ts';

export interface ApprovalOverview {
  agreement: Agreement;
  region: { code: string; name: { fi: string; sv: string; en: string } };
  approvalVersion: VersionInfo | null;
  latestVersionNumber: number;
  rounds: ApprovalRound[];
  /** One row per party: chain, decisions (all versions), signatures, comments and statement. */
  parties: (PartyApproval & { actions: PartyApprovalAbility[] })[];
  /** Number of step columns: the longest chain. */
  stepColumns: number;
  counts: { parties: number; approved: number; signed: number; complete: number };
  /** Why returning to drafting is refused right now (null when allowed or not in approval). */
  returnBlocked: string | null;
  permittedActions: LifecycleAbility[];
}

/**
 * The coordinator's overview: every party × commented / statement / each approval step / signed, with dates.
 * Two statements whatever the number of parties (the agreement, then one row per party).
 */
export async function getApprovalOverview(ctx: Ctx, agreementId: string): Promise<ApprovalOverview> {
  const stored = await agreementOr404(ctx.db, agreementId);
  const subject = subjectOf(stored);
  assertCan(lifecyclePolicy, 'agreement.view_approval', ctx.actor, subject);
  const [parties, rounds, latest, approvalVersion, { region }] = await Promise.all([
    partyApprovals(ctx.db, stored),
    listApprovalRounds(ctx.db, stored.id),
    latestVersionNumber(ctx.db, stored.id),
    stored.approvalVersionId ? findVersionById(ctx.db, stored.approvalVersionId) : Promise.resolve(undefined),
    getCooperationRegion(ctx, stored.countyCode),
  ]);
  let returnBlocked: string | null = null;
  if (stored.status === 'in_approval') {
    try {
      assertCanReturnToDraft(parties.map((p) => p.progress));
    } catch (e) {
      returnBlocked = (e as { code: string }).code;
    }
  }
  return {
    agreement: withCurrentStatus(stored, ctx.clock.now()),
    region: { code: region.code, name: region.name },
    approvalVersion: approvalVersion ?? null,
    latestVersionNumber: latest,
    rounds,
    parties: parties.map((p) => ({
      ...p,
      actions: (['approval.edit_chain', 'approval.record_decision', 'approval.sign'] as const).filter((x) =>
        can(partyApprovalPolicy, x, ctx.actor, { agreement: subject, partyId: p.party.id }),
      ),
    })),
    stepColumns: Math.max(1, ...parties.map((p) => p.chain.length)),
    counts: {
      parties: parties.length,
      approved: parties.filter((p) => p.progress.finalApproval).length,
      signed: parties.filter((p) => p.progress.signaturesComplete).length,
      complete: parties.filter((p) => p.progress.complete).length,
    },
    returnBlocked,
    permittedActions: permittedActions(lifecyclePolicy, ctx.actor, subject),
  };
}
