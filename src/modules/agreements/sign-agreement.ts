import { createHash } from 'node:crypto';
import { recordAudit } from '#platform/audit.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, invalid, type FieldIssue } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { cleanFileName, megabytes, type UploadedFile } from '#platform/uploads.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { lockAgreement } from './agreement-queries.ts';
import { sniffScanType, type ScanMediaType, type SignatureRecord } from './approval.ts';
import { partyApprovalPolicy } from './approval-policy.ts';
import { findUserTitle, findVersionById, insertSignature, insertSignatureScan } from './approval-queries.ts';
import { ZSignAgreement } from './approval-schemas.ts';
import { partyApprovals, settleApproval } from './approval-state.ts';

/**
 * One of the party's authorised signatories signs the approval version, after the party's final approval:
 * in the product (the signer is the signed-in person, today), or recorded afterwards from a wet-ink
 * original or an external e-signature service. The signature binds the version's SHA-256: the form sends
 * the hash the signer saw and it must still be the approval version's. The last missing signature of the
 * last party makes the agreement signed by all (and in force, if its start date has come).
 *
 * A wet-ink signature may come with its scanned signature page (`scan`: PDF, PNG or JPEG by its first
 * bytes, not empty, within the size limit it was read with), stored with the record and its SHA-256.
 */
export async function signAgreement(ctx: Ctx, agreementId: string, input: Record<string, unknown>, scan?: UploadedFile | null): Promise<SignatureRecord> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const partyId = typeof input.partyId === 'string' ? input.partyId : '';
  assertCan(partyApprovalPolicy, 'approval.sign', ctx.actor, { agreement: subjectOf(agreement), partyId });
  const f = parseInput(ZSignAgreement, input);
  const now = ctx.clock.now();
  const today = helsinkiDate(now);
  const actor = ctx.actor;
  const inProduct = f.method === 'in_product';
  if (inProduct && actor.kind !== 'user') throw new AppError('agreements.sign_in_person_required', 'forbidden');
  const signerName = inProduct && actor.kind === 'user' ? actor.displayName : f.signerName;
  const signerTitle = f.signerTitle || (inProduct && actor.kind === 'user' ? ((await findUserTitle(ctx.db, actor.userId)) ?? '') : '');
  const signedOn = inProduct ? today : f.signedOn;
  const issues: FieldIssue[] = [];
  if (!signerName) issues.push({ field: 'signerName', code: 'required' });
  if (!signerTitle) issues.push({ field: 'signerTitle', code: 'required' });
  if (!signedOn) issues.push({ field: 'signedOn', code: 'required' });
  else if (signedOn > today) issues.push({ field: 'signedOn', code: 'date_in_future' });
  if (f.method === 'e_signature' && !f.reference) issues.push({ field: 'reference', code: 'required' });
  let scanType: ScanMediaType | null = null;
  if (scan) {
    if (f.method !== 'wet_ink') issues.push({ field: 'scan', code: 'scan_wet_ink_only' });
    else if (scan.truncated || scan.bytes.length > scan.maxBytes) issues.push({ field: 'scan', code: 'file_too_large', params: { max: megabytes(scan.maxBytes) } });
    else if (scan.bytes.length === 0) issues.push({ field: 'scan', code: 'file_empty' });
    else if (!(scanType = sniffScanType(scan.bytes))) issues.push({ field: 'scan', code: 'scan_type_not_allowed' });
  }
  if (issues.length) throw invalid(issues);

  return ctx.db.transaction(async (tx) => {
    const locked = (await lockAgreement(tx, agreementId))!;
    if (locked.status !== 'in_approval' || !locked.approvalVersionId) throw new AppError('agreements.not_in_approval', 'conflict', [], { status: locked.status });
    const version = (await findVersionById(tx, locked.approvalVersionId))!;
    if (version.sha256 !== f.sha256) throw new AppError('agreements.not_approval_version', 'conflict', [], { sha256: version.sha256, number: version.number });
    const [mine] = await partyApprovals(tx, locked, f.partyId);
    const approval = mine!.progress.finalApproval;
    if (!approval) throw new AppError('agreements.not_approved_yet', 'conflict');
    if (mine!.progress.signaturesComplete) throw new AppError('agreements.signatures_complete', 'conflict', [], { required: mine!.requiredSignatures });
    if (signedOn! < approval.meetingDate) throw invalid([{ field: 'signedOn', code: 'signed_before_approval', params: { date: approval.meetingDate } }]);
    const id = await insertSignature(
      tx,
      {
        agreementId,
        partyId: f.partyId,
        versionId: version.id,
        sha256: version.sha256,
        method: f.method,
        signerName,
        signerTitle,
        signedOn: signedOn!,
        place: f.place,
        reference: f.reference,
        signerUserId: inProduct && actor.kind === 'user' ? actor.userId : null,
        recordedBy: actorUserId(actor),
      },
      now,
    );
    let scanFacts: { sha256: string; size: number; media_type: string; file_name: string } | null = null;
    if (scan && scanType) {
      const sha256 = createHash('sha256').update(scan.bytes).digest('hex');
      const fileName = cleanFileName(scan.fileName) || `scan.${scanType === 'application/pdf' ? 'pdf' : scanType === 'image/png' ? 'png' : 'jpg'}`;
      await insertSignatureScan(tx, { signatureId: id, content: scan.bytes, sha256, mediaType: scanType, fileName, uploadedBy: actorUserId(actor) }, now);
      scanFacts = { sha256, size: scan.bytes.length, media_type: scanType, file_name: fileName };
    }
    await recordAudit(tx, ctx, {
      partyId: f.partyId,
      action: 'agreement_signature.record',
      targetType: 'agreement_signature',
      targetId: id,
      after: {
        agreement_id: agreementId,
        version: version.number,
        sha256: version.sha256,
        method: f.method,
        signer_name: signerName,
        signer_title: signerTitle,
        signed_on: signedOn,
        place: f.place,
        reference: f.reference,
        scan: scanFacts,
      },
    });
    await settleApproval(tx, ctx, locked, f.partyId); // the last signature: [agreement mail] all signed → parties' editors (approval-state.ts)
    const [after] = await partyApprovals(tx, locked, f.partyId);
    return after!.signatures.find((s) => s.id === id)!;
  });
}
