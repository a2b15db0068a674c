import { recordAudit } from '#platform/audit.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { lockAgreement } from './agreement-queries.ts';
import type { DecisionRecord } from './approval.ts';
import { partyApprovalPolicy } from './approval-policy.ts';
import { insertDecision } from './approval-queries.ts';
import { ZRecordDecision } from './approval-schemas.ts';
import { partyApprovals, settleApproval } from './approval-state.ts';
import { finalApprovalOf, notifyIfPartyApproved } from './approval-notifications.ts';
import { checkDecisionTarget } from './decision-checks.ts';

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
    const { version, step } = await checkDecisionTarget(tx, agreementId, { ...f, partyId: f.partyId });
    const finalBefore = await finalApprovalOf(tx, locked, f.partyId);
    const id = await insertDecision(
      tx,
      {
        agreementId,
        partyId: f.partyId,
        stepId: step.id,
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
    // A re-examination may complete the last missing approval (settleApproval then queues the "all signed" mail).
    await settleApproval(tx, ctx, locked, f.partyId);
    await notifyIfPartyApproved(tx, locked, f.partyId, finalBefore); // [agreement mail] party approved → parties' editors (approval-notifications.ts)
    const [mine] = await partyApprovals(tx, locked, f.partyId);
    return mine!.decisions.find((d) => d.id === id)!;
  });
}
