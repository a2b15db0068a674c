import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { partyPolicy } from './party-policy.ts';
import { findPartyById, updatePartyRow } from './party-queries.ts';
import { ZPartyUpdate } from './party-schemas.ts';
import type { Party } from './party.ts';

const auditView = (p: Party) => ({
  business_id: p.businessId,
  business_id_source: p.businessIdSource,
  name_fi: p.name.fi,
  name_sv: p.name.sv,
  name_en: p.name.en,
  language: p.language,
  ...p.contact,
});

/** A party's administrator edits its names, Business ID (with its source), language and contact details. */
export async function updateParty(ctx: Ctx, partyId: string, input: unknown): Promise<Party> {
  const existing = await findPartyById(ctx.db, partyId);
  if (!existing) throw notFound('parties.not_found');
  assertCan(partyPolicy, 'party.update', ctx.actor, existing);
  const f = parseInput(ZPartyUpdate, input);
  return ctx.db.transaction(async (tx) => {
    const updated = await updatePartyRow(tx, partyId, f.rowVersion, f, ctx.clock.now());
    if (!updated) {
      const current = await findPartyById(tx, partyId);
      throw conflict('parties.edited_by_someone_else', { current });
    }
    await recordAudit(tx, ctx, {
      partyId,
      action: 'party.update',
      targetType: 'party',
      targetId: partyId,
      ...changedFields(auditView(existing), auditView(updated)),
    });
    return updated;
  });
}
