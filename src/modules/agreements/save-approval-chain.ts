import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, conflict, invalid, notFound, type FieldIssue } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { lockAgreement } from './agreement-queries.ts';
import type { ApprovalStep } from './approval.ts';
import { partyApprovalPolicy } from './approval-policy.ts';
import { insertSteps, removeSteps, saveApprovalSettings, type StepInsert } from './approval-queries.ts';
import { ZSaveApprovalChain } from './approval-schemas.ts';
import { partyApprovals, type PartyApproval } from './approval-state.ts';

const OPEN_STATUSES = ['draft', 'comment_round', 'in_approval'];
const summary = (chain: readonly Pick<ApprovalStep, 'body' | 'role'>[]) => chain.map((s) => `${s.body.fi} (${s.role})`);

/**
 * A party's administrators set how their party approves this agreement: the steps (a body of the party or
 * free text; propose, approve or take note) and how many signatures the party gives. The last 'approve'
 * step is the final approval. Not once the party has decisions on the approval version, nor after signing.
 */
export async function saveApprovalChain(ctx: Ctx, agreementId: string, partyId: string, input: unknown): Promise<PartyApproval> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(partyApprovalPolicy, 'approval.edit_chain', ctx.actor, { agreement: subjectOf(agreement), partyId });
  const f = parseInput(ZSaveApprovalChain, input);
  return ctx.db.transaction(async (tx) => {
    const locked = (await lockAgreement(tx, agreementId))!;
    if (!OPEN_STATUSES.includes(locked.status)) throw new AppError('agreements.approval_closed', 'conflict', [], { status: locked.status });
    const [current] = await partyApprovals(tx, locked, partyId);
    if (!current) throw notFound('agreements.party_not_found');
    if (locked.approvalVersionId && current.decisions.some((d) => d.versionId === locked.approvalVersionId)) {
      throw new AppError('agreements.chain_has_decisions', 'conflict');
    }
    const issues: FieldIssue[] = [];
    const steps: StepInsert[] = [];
    f.steps.forEach((row, i) => {
      if (row.body === '' && row.nameFi === '') return;
      const body = row.body && row.body !== 'other' ? current.bodies.find((b) => b.id === row.body) : undefined;
      if (row.body && row.body !== 'other' && !body) issues.push({ field: `steps.${i}.body`, code: 'invalid_choice' });
      if ((row.body === 'other' || row.body === '') && !row.nameFi) issues.push({ field: `steps.${i}.nameFi`, code: 'required' });
      if (!row.role) issues.push({ field: `steps.${i}.role`, code: 'required' });
      steps.push({
        partyId,
        position: steps.length + 1,
        bodyId: body?.id ?? null,
        bodyKind: body?.kind ?? null,
        bodyFi: body ? body.name.fi : row.nameFi,
        bodySv: body ? body.name.sv : row.nameSv,
        role: row.role || 'approve',
      });
    });
    if (issues.length === 0 && !steps.some((s) => s.role === 'approve')) issues.push({ field: 'steps', code: 'chain_needs_approver' });
    if (issues.length) throw invalid(issues);
    const now = ctx.clock.now();
    if (!(await saveApprovalSettings(tx, agreementId, partyId, f.rowVersion, f.requiredSignatures, actorUserId(ctx.actor), now))) {
      throw conflict('agreements.edited_by_someone_else', { current });
    }
    await removeSteps(tx, agreementId, partyId, now);
    await insertSteps(tx, agreementId, steps, now);
    await recordAudit(tx, ctx, {
      partyId,
      action: 'agreement_approval.save_chain',
      targetType: 'agreement',
      targetId: agreementId,
      before: { chain: current.chainIsDefault ? null : summary(current.chain), required_signatures: current.requiredSignatures },
      after: { chain: summary(steps.map((s) => ({ body: { fi: s.bodyFi, sv: s.bodySv }, role: s.role }))), required_signatures: f.requiredSignatures },
    });
    return (await partyApprovals(tx, locked, partyId))[0]!;
  });
}
