import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { partyPolicy } from './party-policy.ts';
import { findBody, updateBodyRow } from './party-queries.ts';
import { ZPartyBodyUpdate } from './party-schemas.ts';
import type { PartyBody } from './party.ts';

const view = (b: PartyBody) => ({ kind: b.kind, name_fi: b.name.fi, name_sv: b.name.sv, name_en: b.name.en, position: b.position });

/** Renames or reorders a body; refused as a conflict if someone else saved it first. */
export async function updatePartyBody(ctx: Ctx, bodyId: string, input: unknown): Promise<PartyBody> {
  const body = await findBody(ctx.db, bodyId);
  if (!body) throw notFound('parties.body_not_found');
  assertCan(partyPolicy, 'party.manage_bodies', ctx.actor, { id: body.partyId });
  const f = parseInput(ZPartyBodyUpdate, input);
  return ctx.db.transaction(async (tx) => {
    const updated = await updateBodyRow(tx, bodyId, f.rowVersion, f, ctx.clock.now());
    if (!updated) throw conflict('parties.edited_by_someone_else', { current: await findBody(tx, bodyId) });
    await recordAudit(tx, ctx, {
      partyId: body.partyId,
      action: 'party_body.update',
      targetType: 'party_body',
      targetId: bodyId,
      ...changedFields(view(body), view(updated)),
    });
    return updated;
  });
}
