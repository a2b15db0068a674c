import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { isForeignKeyViolation } from '#platform/db/db.ts';
import { conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { assertDraftEditable } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { deleteAreaRow, findArea, touchAgreement } from './agreement-queries.ts';
import { ZRowVersion } from './agreement-schemas.ts';

/** Removes a cooperation area from the draft (published versions keep it). */
export async function removeArea(ctx: Ctx, areaId: string, input: unknown): Promise<void> {
  const area = await findArea(ctx.db, areaId);
  if (!area) throw notFound('agreements.area_not_found');
  const agreement = await agreementOr404(ctx.db, area.agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const { rowVersion } = parseInput(ZRowVersion, input);
  await ctx.db
    .transaction(async (tx) => {
      if (!(await deleteAreaRow(tx, areaId, rowVersion))) throw conflict('agreements.edited_by_someone_else', { current: (await findArea(tx, areaId)) ?? null });
      await touchAgreement(tx, agreement.id, ctx.clock.now());
      await recordAudit(tx, ctx, {
        partyId: agreement.coordinatingPartyId,
        action: 'agreement_area.remove',
        targetType: 'agreement_area',
        targetId: areaId,
        before: { name_fi: area.name.fi, name_sv: area.name.sv, description_fi: area.description.fi, county_side_fi: area.countySide.fi, municipal_side_fi: area.municipalSide.fi },
      });
    })
    .catch((e: unknown) => {
      // Goals are set under the area: it cannot go while they refer to it.
      if (isForeignKeyViolation(e)) throw conflict('agreements.area_in_use');
      throw e;
    });
}
