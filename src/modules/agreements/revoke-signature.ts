import { recordAudit } from '#platform/audit.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { lockAgreement } from './agreement-queries.ts';
import { assertRecordsOpen, currentStatus, type SignatureRecord } from './approval.ts';
import { partyApprovalPolicy } from './approval-policy.ts';
import { findSignatureRef, revokeSignatureRow } from './approval-queries.ts';
import { ZRevokeSignature } from './approval-schemas.ts';
import { partyApprovals, recomputeApproval } from './approval-state.ts';

/**
 * Revokes a signature recorded by mistake (wrong signer, wrong party, a duplicate), with a reason, before
 * the agreement is in force; only the party's own recorders. The signature stays visible, struck through,
 * and no longer counts: an agreement signed by all goes back to approval and loses its entry-into-force date.
 */
export async function revokeSignature(ctx: Ctx, agreementId: string, signatureId: string, input: Record<string, unknown>): Promise<SignatureRecord> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const ref = await findSignatureRef(ctx.db, signatureId);
  if (!ref || ref.agreementId !== agreementId) throw notFound('agreements.signature_not_found');
  assertCan(partyApprovalPolicy, 'approval.sign', ctx.actor, { agreement: subjectOf(agreement), partyId: ref.partyId });
  const f = parseInput(ZRevokeSignature, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const locked = (await lockAgreement(tx, agreementId))!;
    assertRecordsOpen(currentStatus(locked, helsinkiDate(now)));
    if (!(await revokeSignatureRow(tx, signatureId, f.reason, actorUserId(ctx.actor), now))) throw new AppError('agreements.signature_revoked', 'conflict');
    const [mine] = await partyApprovals(tx, locked, ref.partyId);
    const revoked = mine!.signatures.find((s) => s.id === signatureId)!;
    await recordAudit(tx, ctx, {
      partyId: ref.partyId,
      action: 'agreement_signature.revoke',
      targetType: 'agreement_signature',
      targetId: signatureId,
      before: { agreement_id: agreementId, version: revoked.versionNumber, sha256: revoked.sha256, method: revoked.method, signer_name: revoked.signerName, signed_on: revoked.signedOn },
      after: { revoked: true, reason: f.reason },
    });
    await recomputeApproval(tx, ctx, locked, { signature_revoked: signatureId });
    return revoked;
  });
}
