import { recordAudit } from '#platform/audit.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { findVersionByNumber, lockAgreement } from './agreement-queries.ts';
import type { DecisionRecord } from './approval.ts';
import { partyApprovalPolicy } from './approval-policy.ts';
import { findDecisionRef, findStep, insertDecision, listApprovalRounds } from './approval-queries.ts';
import { ZRecordDecision } from './approval-schemas.ts';
import { partyApprovals, settleApproval } from './approval-state.ts';
import { notifyIfPartyApproved } from './approval-notifications.ts';

const OPEN_STATUSES = ['draft', 'comment_round', 'in_approval'];

/**
 * Records one handling of the agreement by one body of the party (a pykälä): body, meeting date, §, diary
 * number, preparer and presenter, proposal and decision texts, outcome, link to the published minutes,
 * and the version it concerns (any version sent to approval; a late record of an older handling is
 * fine). A re-examination names the decision it replaces. Only the party's own recorders.
 */
export async function recordDecision(ctx: Ctx, agreementId: string, input: Record<string, unknown>): Promise<DecisionRecord> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const partyId = typeof input.partyId === 'string' ? input.partyId : '';
  assertCan(partyApprovalPolicy, 'approval.record_decision', ctx.actor, { agreement: subjectOf(agreement), partyId });
  const f = parseInput(ZRecordDecision, input);
  const now = ctx.clock.now();
  if (f.meetingDate > helsinkiDate(now)) throw invalid([{ field: 'meetingDate', code: 'date_in_future' }]);
  return ctx.db.transaction(async (tx) => {
    const locked = (await lockAgreement(tx, agreementId))!;
    if (!OPEN_STATUSES.includes(locked.status)) throw new AppError('agreements.approval_closed', 'conflict', [], { status: locked.status });
    const version = await findVersionByNumber(tx, agreementId, f.versionNumber);
    const sent = (await listApprovalRounds(tx, agreementId)).map((r) => r.versionId);
    if (!version || !sent.includes(version.id)) throw invalid([{ field: 'versionNumber', code: 'version_not_sent_to_approval' }]);
    const step = await findStep(tx, f.stepId);
    if (!step || step.removed || step.agreementId !== agreementId || step.partyId !== f.partyId) throw invalid([{ field: 'stepId', code: 'invalid_choice' }]);
    if (f.reExaminesId) {
      const earlier = await findDecisionRef(tx, f.reExaminesId);
      if (!earlier || earlier.agreementId !== agreementId || earlier.partyId !== f.partyId || earlier.stepId !== f.stepId || earlier.meetingDate > f.meetingDate) {
        throw invalid([{ field: 'reExaminesId', code: 'invalid_re_examination' }]);
      }
    }
    const id = await insertDecision(
      tx,
      {
        agreementId,
        partyId: f.partyId,
        stepId: step.id!,
        versionId: version.id,
        bodyFi: step.body.fi,
        bodySv: step.body.sv,
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
        recordedBy: actorUserId(ctx.actor),
      },
      now,
    );
    await recordAudit(tx, ctx, {
      partyId: f.partyId,
      action: 'agreement_decision.record',
      targetType: 'agreement_decision',
      targetId: id,
      after: {
        agreement_id: agreementId,
        version: f.versionNumber,
        body: step.body.fi,
        role: step.role,
        meeting_date: f.meetingDate,
        section: f.section,
        diary_number: f.diaryNumber,
        outcome: f.outcome,
        re_examines_id: f.reExaminesId,
      },
    });
    // A re-examination may complete (or undo) the last missing approval.
    await settleApproval(tx, ctx, locked, f.partyId);
    await notifyIfPartyApproved(tx, locked, f.partyId, id); // [agreement mail] party approved → parties' editors (approval-notifications.ts)
    const [mine] = await partyApprovals(tx, locked, f.partyId);
    return mine!.decisions.find((d) => d.id === id)!;
  });
}
