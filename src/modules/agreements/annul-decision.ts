import { recordAudit } from '#platform/audit.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, conflict } from '#platform/errors.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId } from './agreement.ts';
import { lockAgreement } from './agreement-queries.ts';
import { assertRecordsOpen, currentStatus, type DecisionRecord } from './approval.ts';
import { annulDecisionRow, countReExaminationsOf } from './approval-queries.ts';
import { ZAnnulDecision } from './approval-schemas.ts';
import { partyApprovals, recomputeApproval } from './approval-state.ts';
import { decisionToAmend } from './decision-checks.ts';
import { finalApprovalOf, notifyIfPartyApproved } from './approval-notifications.ts';

/**
 * Annuls a decision record entered by mistake (a handling that never happened, a duplicate, the wrong
 * party's record), with a reason, while the agreement is not yet in force. The record stays visible,
 * struck through, and no longer counts. A record that a later re-examination names is annulled only after
 * that one. The approval is then re-evaluated (annulling a mistaken rejection may complete it).
 */
export async function annulDecision(ctx: Ctx, agreementId: string, decisionId: string, input: Record<string, unknown>): Promise<DecisionRecord> {
  const { ref } = await decisionToAmend(ctx, agreementId, decisionId);
  const f = parseInput(ZAnnulDecision, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const locked = (await lockAgreement(tx, agreementId))!;
    assertRecordsOpen(currentStatus(locked, helsinkiDate(now)));
    const [before] = await partyApprovals(tx, locked, ref.partyId);
    const old = before!.decisions.find((d) => d.id === decisionId)!;
    if (old.annulled) throw new AppError('agreements.decision_annulled', 'conflict', [], { current: old });
    if (old.rowVersion !== f.rowVersion) throw conflict('agreements.decision_edited_by_someone_else', { current: old });
    if ((await countReExaminationsOf(tx, decisionId)) > 0) throw new AppError('agreements.decision_re_examined', 'conflict', [], { current: old });
    const finalBefore = await finalApprovalOf(tx, locked, ref.partyId);
    if (!(await annulDecisionRow(tx, decisionId, f.rowVersion, f.reason, actorUserId(ctx.actor), now))) throw conflict('agreements.decision_edited_by_someone_else', { current: old });
    await recordAudit(tx, ctx, {
      partyId: ref.partyId,
      action: 'agreement_decision.annul',
      targetType: 'agreement_decision',
      targetId: decisionId,
      before: { agreement_id: agreementId, version: old.versionNumber, body: old.body.fi, meeting_date: old.meetingDate, section: old.section, outcome: old.outcome },
      after: { annulled: true, reason: f.reason },
    });
    await recomputeApproval(tx, ctx, locked, { decision_annulled: decisionId });
    await notifyIfPartyApproved(tx, locked, ref.partyId, finalBefore); // [agreement mail] party approved → parties' editors
    const [after] = await partyApprovals(tx, locked, ref.partyId);
    return after!.decisions.find((d) => d.id === decisionId)!;
  });
}
