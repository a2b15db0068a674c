import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { partyPolicy } from './party-policy.ts';
import { findPartyById, insertBody } from './party-queries.ts';
import { ZPartyBodyInput } from './party-schemas.ts';
import type { PartyBody } from './party.ts';

/** Adds a decision-making body (e.g. kunnanhallitus) to a party. */
export async function addPartyBody(ctx: Ctx, partyId: string, input: unknown): Promise<PartyBody> {
  const party = await findPartyById(ctx.db, partyId);
  if (!party) throw notFound('parties.not_found');
  assertCan(partyPolicy, 'party.manage_bodies', ctx.actor, party);
  const b = parseInput(ZPartyBodyInput, input);
  return ctx.db.transaction(async (tx) => {
    const body = await insertBody(tx, { partyId, ...b }, ctx.clock.now());
    await recordAudit(tx, ctx, {
      partyId,
      action: 'party_body.create',
      targetType: 'party_body',
      targetId: body.id,
      after: { kind: b.kind, name_fi: b.nameFi, name_sv: b.nameSv, name_en: b.nameEn, position: b.position },
    });
    return body;
  });
}
