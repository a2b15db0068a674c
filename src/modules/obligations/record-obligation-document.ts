import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid, notFound, type FieldIssue } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import type { UploadedFile } from '#platform/uploads.ts';
import { checkDocument } from '#platform/uploads.ts';
import { parseInput } from '#platform/validation.ts';
import { obligationOr400, REPORT_TYPES, todayOf } from './obligation-access.ts';
import { obligationPolicy } from './obligation-policy.ts';
import { findDocument, findPartyCounty, insertDocument, type DocumentRow } from './obligation-queries.ts';
import { ZDocumentInput } from './obligation-schemas.ts';
import { periodByKey } from './terms.ts';

/**
 * Records a party's report (welfare report, yearly report, follow-up report) as evidence: the file (PDF or
 * DOCX, checked by its content) and its approval decision record (body, date, §). The party's editors record it.
 */
export async function recordObligationDocument(ctx: Ctx, input: unknown, file: UploadedFile | undefined): Promise<DocumentRow> {
  const partyId = typeof (input as { partyId?: unknown })?.partyId === 'string' ? (input as { partyId: string }).partyId : '';
  const party = await findPartyCounty(ctx.db, partyId);
  if (!party) throw notFound('parties.not_found');
  assertCan(obligationPolicy, 'obligation.record_document', ctx.actor, { partyId });
  const f = parseInput(ZDocumentInput, input);
  const o = obligationOr400(f.obligationCode);
  const issues: FieldIssue[] = [];
  if (!o.evidence.includes('document')) issues.push({ field: 'obligationCode', code: 'obligation_not_document' });
  const period = periodByKey(o.frequency, f.periodKey);
  if (!period) issues.push({ field: 'periodKey', code: 'invalid_period' });
  if (Number.isNaN(Date.parse(`${f.decisionDate}T00:00:00Z`))) issues.push({ field: 'decisionDate', code: 'invalid_date' });
  else if (f.decisionDate > todayOf(ctx)) issues.push({ field: 'decisionDate', code: 'date_in_future' });
  else if (period && f.decisionDate < period.startsOn) issues.push({ field: 'decisionDate', code: 'decision_before_period' });
  const checked = checkDocument(file, 'file', REPORT_TYPES, issues, true);
  if (issues.length || !checked) throw invalid(issues);
  return ctx.db.transaction(async (tx) => {
    const id = await insertDocument(tx, f, checked, ctx.clock.now());
    await recordAudit(tx, ctx, {
      partyId,
      action: 'obligation_document.record',
      targetType: 'obligation_document',
      targetId: id,
      after: { obligation_code: f.obligationCode, period_key: f.periodKey, title: f.title, sha256: checked.sha256, media_type: checked.mediaType, decision: { body: f.decisionBody, date: f.decisionDate, section: f.decisionSection } },
    });
    return (await findDocument(tx, id))!;
  });
}
