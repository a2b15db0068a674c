import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { obligationPolicy } from './obligation-policy.ts';
import { annulDocumentRow, findDocument, type DocumentRow } from './obligation-queries.ts';
import { ZAnnulInput } from './obligation-schemas.ts';

/** Annuls a recorded document with a reason: it stays in the history but no longer counts. */
export async function annulObligationDocument(ctx: Ctx, id: string, input: unknown): Promise<DocumentRow> {
  const current = await findDocument(ctx.db, id);
  if (!current) throw notFound('obligations.document_not_found');
  assertCan(obligationPolicy, 'obligation.record_document', ctx.actor, { partyId: current.partyId });
  const f = parseInput(ZAnnulInput, input);
  return ctx.db.transaction(async (tx) => {
    const locked = (await findDocument(tx, id, true))!;
    if (locked.rowVersion !== f.rowVersion) throw new AppError('obligations.edited_by_someone_else', 'conflict', [], { current: locked });
    if (locked.annulled) throw new AppError('obligations.evidence_annulled', 'conflict', [], { current: locked });
    await annulDocumentRow(tx, id, f.reason, ctx.clock.now());
    await recordAudit(tx, ctx, { partyId: current.partyId, action: 'obligation_document.annul', targetType: 'obligation_document', targetId: id, before: { annulled: false }, after: { annulled: true, reason: f.reason } });
    return (await findDocument(tx, id))!;
  });
}
