import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { AppError, invalid, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { checkNegotiation, obligationOr400, regionOr404, todayOf } from './obligation-access.ts';
import { obligationPolicy } from './obligation-policy.ts';
import { findNegotiation, updateNegotiationRow, type NegotiationRow } from './obligation-queries.ts';
import { ZNegotiationUpdate } from './obligation-schemas.ts';

const facts = (n: NegotiationRow) => ({ obligation_code: n.obligationCode, held_on: n.heldOn, title: n.title, participant_ids: [...n.participantIds].sort() });

/** Changes a recorded negotiation (date, title, participants); the status follows. Stale row_version → conflict. */
export async function updateNegotiation(ctx: Ctx, id: string, input: unknown): Promise<NegotiationRow> {
  const current = await findNegotiation(ctx.db, id);
  if (!current) throw notFound('obligations.negotiation_not_found');
  const region = await regionOr404(ctx.db, current.countyCode);
  assertCan(obligationPolicy, 'obligation.record_negotiation', ctx.actor, { partyId: region.countyPartyId });
  const f = parseInput(ZNegotiationUpdate, input);
  const issues = checkNegotiation(obligationOr400(f.obligationCode), region, f.heldOn, f.participantIds, todayOf(ctx));
  if (issues.length) throw invalid(issues);
  return ctx.db.transaction(async (tx) => {
    const locked = (await findNegotiation(tx, id, true))!;
    if (locked.rowVersion !== f.rowVersion) throw new AppError('obligations.edited_by_someone_else', 'conflict', [], { current: locked });
    if (locked.annulled) throw new AppError('obligations.evidence_annulled', 'conflict', [], { current: locked });
    await updateNegotiationRow(tx, id, f, ctx.clock.now());
    const after = (await findNegotiation(tx, id))!;
    await recordAudit(tx, ctx, { partyId: region.countyPartyId, action: 'obligation_negotiation.update', targetType: 'obligation_negotiation', targetId: id, ...changedFields(facts(locked), facts(after)) });
    return after;
  });
}
