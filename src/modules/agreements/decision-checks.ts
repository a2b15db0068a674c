import type { Ctx } from '#platform/context.ts';
import type { Tx } from '#platform/db/db.ts';
import { invalid, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import type { Agreement, VersionInfo } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { findVersionByNumber } from './agreement-queries.ts';
import type { ApprovalStep } from './approval.ts';
import { partyApprovalPolicy } from './approval-policy.ts';
import { findDecisionRef, findStep, listApprovalRounds, type DecisionRef } from './approval-queries.ts';

/**
 * The first step of correcting or annulling a decision record: the agreement and the record (404 unless the
 * record belongs to the agreement), and the actor must record decisions for the record's party.
 */
export async function decisionToAmend(ctx: Ctx, agreementId: string, decisionId: string): Promise<{ agreement: Agreement; ref: DecisionRef }> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const ref = await findDecisionRef(ctx.db, decisionId);
  if (!ref || ref.agreementId !== agreementId) throw notFound('agreements.decision_not_found');
  assertCan(partyApprovalPolicy, 'approval.record_decision', ctx.actor, { agreement: subjectOf(agreement), partyId: ref.partyId });
  return { agreement, ref };
}

/**
 * Shared step of recording and correcting a decision (not exported from the module): the version must have
 * been sent to approval, the step must be a current step of the party's own chain, and a re-examination
 * must name an earlier, not annulled decision of the same body (and not the record itself).
 */
export async function checkDecisionTarget(
  tx: Tx,
  agreementId: string,
  f: { partyId: string; stepId: string; versionNumber: number; meetingDate: string; reExaminesId: string | null },
  selfId?: string,
): Promise<{ version: VersionInfo; step: ApprovalStep & { id: string } }> {
  const version = await findVersionByNumber(tx, agreementId, f.versionNumber);
  const sent = (await listApprovalRounds(tx, agreementId)).map((r) => r.versionId);
  if (!version || !sent.includes(version.id)) throw invalid([{ field: 'versionNumber', code: 'version_not_sent_to_approval' }]);
  const step = await findStep(tx, f.stepId);
  if (!step || step.removed || step.agreementId !== agreementId || step.partyId !== f.partyId) throw invalid([{ field: 'stepId', code: 'invalid_choice' }]);
  if (f.reExaminesId) {
    const earlier = await findDecisionRef(tx, f.reExaminesId);
    if (
      !earlier ||
      earlier.id === selfId ||
      earlier.annulled ||
      earlier.agreementId !== agreementId ||
      earlier.partyId !== f.partyId ||
      earlier.stepId !== f.stepId ||
      earlier.meetingDate > f.meetingDate
    ) {
      throw invalid([{ field: 'reExaminesId', code: 'invalid_re_examination' }]);
    }
  }
  return { version, step: { ...step, id: step.id! } };
}
