import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { can } from '#platform/policy.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { listVersions } from './agreement-queries.ts';
import type { ScanMediaType } from './approval.ts';
import { lifecyclePolicy } from './approval-policy.ts';
import { findSignatureRef, findSignatureScan } from './approval-queries.ts';

export interface SignatureScanFile {
  fileName: string;
  mediaType: ScanMediaType;
  sha256: string;
  body: Buffer;
}

/**
 * The scanned signature page of a wet-ink signature. Signatures are public records once their version is
 * public (it went to the parties' agendas), so anyone may download the scan — except the scan of a revoked
 * signature (recorded by mistake: it may show the wrong document), which only those acting for a party see.
 */
export async function getSignatureScan(ctx: Ctx, agreementId: string, signatureId: string): Promise<SignatureScanFile> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const [scan, ref] = await Promise.all([findSignatureScan(ctx.db, signatureId), findSignatureRef(ctx.db, signatureId)]);
  if (!scan || !ref || scan.agreementId !== agreement.id) throw notFound('agreements.scan_not_found');
  const subject = subjectOf(agreement);
  const version = (await listVersions(ctx.db, agreement.id)).find((v) => v.id === scan.versionId);
  if (!version?.isPublic && !can(agreementPolicy, 'agreement.view_draft', ctx.actor, subject)) throw notFound('agreements.scan_not_found');
  if (ref.revoked && !can(lifecyclePolicy, 'agreement.view_approval', ctx.actor, subject)) throw notFound('agreements.scan_not_found');
  return { fileName: scan.fileName, mediaType: scan.mediaType, sha256: scan.sha256, body: Buffer.from(scan.content) };
}
