import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { regionOr404 } from './obligation-access.ts';
import { obligationPolicy } from './obligation-policy.ts';
import { annulNegotiationRow, findNegotiation, type NegotiationRow } from './obligation-queries.ts';
import { ZAnnulInput } from './obligation-schemas.ts';

/** Annuls a recorded negotiation with a reason: it stays in the history but no longer counts. */
export async function annulNegotiation(ctx: Ctx, id: string, input: unknown): Promise<NegotiationRow> {
  const current = await findNegotiation(ctx.db, id);
  if (!current) throw notFound('obligations.negotiation_not_found');
  const region = await regionOr404(ctx.db, current.countyCode);
  assertCan(obligationPolicy, 'obligation.record_negotiation', ctx.actor, { partyId: region.countyPartyId });
  const f = parseInput(ZAnnulInput, input);
  return ctx.db.transaction(async (tx) => {
    const locked = (await findNegotiation(tx, id, true))!;
    if (locked.rowVersion !== f.rowVersion) throw new AppError('obligations.edited_by_someone_else', 'conflict', [], { current: locked });
    if (locked.annulled) throw new AppError('obligations.evidence_annulled', 'conflict', [], { current: locked });
    await annulNegotiationRow(tx, id, f.reason, ctx.clock.now());
    await recordAudit(tx, ctx, { partyId: region.countyPartyId, action: 'obligation_negotiation.annul', targetType: 'obligation_negotiation', targetId: id, before: { annulled: false }, after: { annulled: true, reason: f.reason } });
    return (await findNegotiation(tx, id))!;
  });
}
