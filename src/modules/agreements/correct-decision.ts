import { changedFields, recordAudit } from '#platform/audit.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, conflict, invalid } from '#platform/errors.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId } from './agreement.ts';
import { lockAgreement } from './agreement-queries.ts';
import { assertRecordsOpen, currentStatus, type DecisionRecord } from './approval.ts';
import { updateDecision } from './approval-queries.ts';
import { ZCorrectDecision } from './approval-schemas.ts';
import { partyApprovals, recomputeApproval } from './approval-state.ts';
import { finalApprovalOf, notifyIfPartyApproved } from './approval-notifications.ts';
import { checkDecisionTarget, decisionToAmend } from './decision-checks.ts';

/** The fields of a decision record the audit trail shows before and after a correction. */
const audited = (d: DecisionRecord) => ({
  step_id: d.stepId,
  version: d.versionNumber,
  body: d.body.fi,
  meeting_date: d.meetingDate,
  section: d.section,
  diary_number: d.diaryNumber,
  preparer: d.preparer,
  presenter: d.presenter,
  proposal: d.proposal,
  decision: d.decision,
  outcome: d.outcome,
  minutes_url: d.minutesUrl,
  re_examines_id: d.reExaminesId,
});

/**
 * Corrects a decision record entered wrongly (wrong date, §, outcome, body, version…) by the party's own
 * decision recorders, while the agreement is not yet in force. A stale form is refused as a conflict with
 * the record as it is now. The audit trail keeps the record before and after. The approval is then
 * re-evaluated: the correction may complete it (mail to all) or, signed by all, undo it (back to approval).
 */
export async function correctDecision(ctx: Ctx, agreementId: string, decisionId: string, input: Record<string, unknown>): Promise<DecisionRecord> {
  const { ref } = await decisionToAmend(ctx, agreementId, decisionId);
  const f = parseInput(ZCorrectDecision, input);
  const now = ctx.clock.now();
  if (f.meetingDate > helsinkiDate(now)) throw invalid([{ field: 'meetingDate', code: 'date_in_future' }]);
  return ctx.db.transaction(async (tx) => {
    const locked = (await lockAgreement(tx, agreementId))!;
    assertRecordsOpen(currentStatus(locked, helsinkiDate(now)));
    const [before] = await partyApprovals(tx, locked, ref.partyId);
    const old = before!.decisions.find((d) => d.id === decisionId)!;
    if (old.annulled) throw new AppError('agreements.decision_annulled', 'conflict', [], { current: old });
    if (old.rowVersion !== f.rowVersion) throw conflict('agreements.decision_edited_by_someone_else', { current: old });
    const { version, step } = await checkDecisionTarget(tx, agreementId, { ...f, partyId: ref.partyId }, decisionId);
    const finalBefore = await finalApprovalOf(tx, locked, ref.partyId);
    const ok = await updateDecision(
      tx,
      decisionId,
      f.rowVersion,
      {
        stepId: step.id,
        versionId: version.id,
        // A record corrected onto another step takes that step's body; otherwise the body as recorded stays.
        bodyFi: step.id === old.stepId ? old.body.fi : step.body.fi,
        bodySv: step.id === old.stepId ? old.body.sv : step.body.sv,
        meetingDate: f.meetingDate,
        section: f.section,
        diaryNumber: f.diaryNumber,
        preparer: f.preparer,
        presenter: f.presenter,
        proposal: f.proposal,
        decision: f.decision,
        outcome: f.outcome,
        minutesUrl: f.minutesUrl,
        reExaminesId: f.reExaminesId,
      },
      actorUserId(ctx.actor),
      now,
    );
    if (!ok) throw conflict('agreements.decision_edited_by_someone_else', { current: old });
    const [after] = await partyApprovals(tx, locked, ref.partyId);
    const corrected = after!.decisions.find((d) => d.id === decisionId)!;
    await recordAudit(tx, ctx, {
      partyId: ref.partyId,
      action: 'agreement_decision.correct',
      targetType: 'agreement_decision',
      targetId: decisionId,
      // Only what changed, before and after.
      ...changedFields(audited(old), audited(corrected)),
    });
    await recomputeApproval(tx, ctx, locked, { decision_corrected: decisionId });
    await notifyIfPartyApproved(tx, locked, ref.partyId, finalBefore); // [agreement mail] party approved → parties' editors
    return corrected;
  });
}
