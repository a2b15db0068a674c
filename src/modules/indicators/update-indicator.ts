import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import type { Indicator } from './indicator.ts';
import { indicatorPolicy, ownIndicatorPolicy } from './indicator-policy.ts';
import { findIndicator, updateIndicatorRow } from './indicator-queries.ts';
import { ZIndicatorUpdate } from './indicator-schemas.ts';

const view = (i: Indicator) => ({
  title_fi: i.title.fi,
  title_sv: i.title.sv,
  title_en: i.title.en,
  description_fi: i.description.fi,
  description_sv: i.description.sv,
  description_en: i.description.en,
  unit: i.unit,
  decimals: i.decimals,
  direction: i.direction,
  additive: i.additive,
  organisation: i.organisation,
  licence: i.licence,
  attribution: i.attribution,
});

/**
 * Edits a catalogue entry (direction, translations, whether values add up, …) with optimistic locking.
 * Sotkanet and StatFin entries: platform administrators (a later import refreshes the source's own texts);
 * a party's own indicator: also the party's editors and administrators.
 */
export async function updateIndicator(ctx: Ctx, id: string, input: unknown): Promise<Indicator> {
  const existing = await findIndicator(ctx.db, id);
  if (!existing) throw notFound('indicators.not_found');
  if (existing.ownerPartyId) assertCan(ownIndicatorPolicy, 'indicator.define_own', ctx.actor, { partyId: existing.ownerPartyId, ownerPartyId: existing.ownerPartyId });
  else assertCan(indicatorPolicy, 'indicator.import', ctx.actor, null);
  const f = parseInput(ZIndicatorUpdate, input);
  return ctx.db.transaction(async (tx) => {
    const updated = await updateIndicatorRow(tx, id, f.rowVersion, f, ctx.clock.now());
    if (!updated) throw conflict('indicators.edited_by_someone_else', { current: await findIndicator(tx, id) });
    await recordAudit(tx, ctx, {
      partyId: existing.ownerPartyId,
      action: 'indicator.update',
      targetType: 'indicator',
      targetId: id,
      ...changedFields(view(existing), view(updated)),
    });
    return updated;
  });
}
