import { catalogs } from '#i18n/index.ts';
import type { Ctx } from '#platform/context.ts';
import { renderDocx, renderPdf } from '#platform/documents/index.ts';
import { notFound } from '#platform/errors.ts';
import { can } from '#platform/policy.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { buildAgreementDocument, type ExportLang } from './agreement-document.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { findVersionByNumber } from './agreement-queries.ts';
import { loadApprovalState } from './approval-queries.ts';
import { parseSnapshot } from './snapshot.ts';

export type ExportFormat = 'docx' | 'pdf';

export interface ExportedDocument {
  fileName: string;
  contentType: string;
  body: Buffer;
  sha256: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * A published version as DOCX (for the parties' agendas) or PDF/A-2b (for archiving), in Finnish or
 * Swedish, with the decisions and signatures recorded on that version (annulled and revoked ones left out;
 * a scanned wet-ink signature page is mentioned with its SHA-256). Visible exactly like the version
 * page: to everyone once public (comment round or beyond), before that to the parties only.
 */
export async function exportAgreementVersion(ctx: Ctx, agreementId: string, number: number, format: ExportFormat, lang: ExportLang): Promise<ExportedDocument> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const canViewDraft = can(agreementPolicy, 'agreement.view_draft', ctx.actor, subjectOf(agreement));
  const v = Number.isSafeInteger(number) ? await findVersionByNumber(ctx.db, agreement.id, number) : undefined;
  if (!v || (!v.isPublic && !canViewDraft)) throw notFound('agreements.version_not_found');
  const snapshot = parseSnapshot(v.canonical);
  const state = await loadApprovalState(ctx.db, agreement.id);
  const decisions = state
    .flatMap((p) => p.decisions)
    .filter((d) => d.versionId === v.id && !d.annulled)
    .sort((a, b) => (a.meetingDate === b.meetingDate ? a.recordedAt.getTime() - b.recordedAt.getTime() : a.meetingDate < b.meetingDate ? -1 : 1));
  const signatures = state
    .flatMap((p) => p.signatures)
    .filter((x) => x.versionId === v.id && x.sha256 === v.sha256 && !x.revoked)
    .sort((a, b) => (a.signedOn === b.signedOn ? a.recordedAt.getTime() - b.recordedAt.getTime() : a.signedOn < b.signedOn ? -1 : 1));
  const model = buildAgreementDocument(snapshot, { version: v, decisions, signatures }, lang);
  const body = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
  return {
    fileName: `${catalogs[lang].agreementDocument.fileStem}-v${v.number}-${lang}.${format}`,
    contentType: CONTENT_TYPES[format],
    body,
    sha256: v.sha256,
  };
}
