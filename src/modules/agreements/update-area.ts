import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { assertDraftEditable, type Area } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { findArea, touchAgreement, updateAreaRow } from './agreement-queries.ts';
import { ZAreaUpdate } from './agreement-schemas.ts';

const view = (a: Area) => ({
  nameFi: a.name.fi,
  nameSv: a.name.sv,
  descriptionFi: a.description.fi,
  descriptionSv: a.description.sv,
  countySideFi: a.countySide.fi,
  countySideSv: a.countySide.sv,
  municipalSideFi: a.municipalSide.fi,
  municipalSideSv: a.municipalSide.sv,
  regionalCouncilSideFi: a.regionalCouncilSide.fi,
  regionalCouncilSideSv: a.regionalCouncilSide.sv,
  position: a.position,
});

/** Edits a cooperation area; a stale save is refused as a conflict with the current values. */
export async function updateArea(ctx: Ctx, areaId: string, input: unknown): Promise<Area> {
  const area = await findArea(ctx.db, areaId);
  if (!area) throw notFound('agreements.area_not_found');
  const agreement = await agreementOr404(ctx.db, area.agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const f = parseInput(ZAreaUpdate, input);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const updated = await updateAreaRow(tx, areaId, f.rowVersion, { ...f, position: f.position ?? area.position }, now);
    if (!updated) throw conflict('agreements.edited_by_someone_else', { current: (await findArea(tx, areaId)) ?? null });
    await touchAgreement(tx, agreement.id, now);
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'agreement_area.update',
      targetType: 'agreement_area',
      targetId: areaId,
      ...changedFields(view(area), view(updated)),
    });
    return updated;
  });
}
