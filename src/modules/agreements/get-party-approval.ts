import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan, can } from '#platform/policy.ts';
import type { Agreement, Bilingual, VersionInfo } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { decisionProposal } from './approval.ts';
import { lifecyclePolicy, partyApprovalPolicy, type PartyApprovalAbility } from './approval-policy.ts';
import { findVersionById, listApprovalRounds, type ApprovalRound } from './approval-queries.ts';
import { partyApprovals, withCurrentStatus, type PartyApproval } from './approval-state.ts';

export interface PartyApprovalView {
  agreement: Agreement;
  approval: PartyApproval;
  approvalVersion: VersionInfo | null;
  /** Versions ever sent to approval (a decision may concern any of them), newest first. */
  sentVersions: { number: number; label: string; current: boolean }[];
  rounds: ApprovalRound[];
  /** Decision proposal texts (päätösehdotus) for each step, for the approval version. */
  proposals: { position: number; text: Bilingual }[];
  actions: PartyApprovalAbility[];
}

/** One party's approval of one agreement: chain, decisions on every version, signatures, proposal texts. */
export async function getPartyApproval(ctx: Ctx, agreementId: string, partyId: string): Promise<PartyApprovalView> {
  const stored = await agreementOr404(ctx.db, agreementId);
  const subject = subjectOf(stored);
  assertCan(lifecyclePolicy, 'agreement.view_approval', ctx.actor, subject);
  const [[approval], rounds, approvalVersion] = await Promise.all([
    partyApprovals(ctx.db, stored, partyId),
    listApprovalRounds(ctx.db, agreementId),
    stored.approvalVersionId ? findVersionById(ctx.db, stored.approvalVersionId) : Promise.resolve(undefined),
  ]);
  if (!approval) throw notFound('agreements.party_not_found');
  const sent = new Map<number, { number: number; label: string; current: boolean }>();
  for (const r of [...rounds].reverse()) sent.set(r.versionNumber, { number: r.versionNumber, label: r.versionLabel, current: r.versionId === stored.approvalVersionId });
  const versionNumber = approvalVersion?.number ?? rounds.at(-1)?.versionNumber ?? 0;
  return {
    agreement: withCurrentStatus(stored, ctx.clock.now()),
    approval,
    approvalVersion: approvalVersion ?? null,
    sentVersions: [...sent.values()],
    rounds,
    proposals: versionNumber
      ? approval.chain.map((s) => ({
          position: s.position,
          text: decisionProposal({ chain: approval.chain, stepPosition: s.position, partyType: approval.party.type, bodies: approval.bodies, title: stored.title, versionNumber }),
        }))
      : [],
    actions: (['approval.edit_chain', 'approval.record_decision', 'approval.sign'] as const).filter((x) => can(partyApprovalPolicy, x, ctx.actor, { agreement: subject, partyId })),
  };
}
