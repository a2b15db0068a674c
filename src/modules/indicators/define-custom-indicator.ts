import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import type { Indicator } from './indicator.ts';
import { ownIndicatorPolicy } from './indicator-policy.ts';
import { insertCustomIndicator } from './indicator-queries.ts';
import { ZCustomIndicatorInput } from './indicator-schemas.ts';

/**
 * Adds an indicator of a party's own ('custom:<key>'), e.g. a municipality's own survey result. The party's
 * editors and administrators may define one for their party; platform administrators also without an owner.
 */
export async function defineCustomIndicator(ctx: Ctx, input: unknown): Promise<Indicator> {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as { ownerPartyId?: unknown };
  const owner = typeof raw.ownerPartyId === 'string' ? raw.ownerPartyId : null;
  assertCan(ownIndicatorPolicy, 'indicator.define_own', ctx.actor, { partyId: owner, ownerPartyId: owner });
  const f = parseInput(ZCustomIndicatorInput, input);
  const id = `custom:${f.key}`;
  return ctx.db.transaction(async (tx) => {
    const created = await insertCustomIndicator(tx, id, f.key, f.ownerPartyId, f, ctx.clock.now());
    if (!created) throw conflict('indicators.id_taken', { id });
    await recordAudit(tx, ctx, {
      partyId: f.ownerPartyId,
      action: 'indicator.create',
      targetType: 'indicator',
      targetId: id,
      after: { title_fi: f.titleFi, unit: f.unit, direction: f.direction, additive: f.additive },
    });
    return created;
  });
}
