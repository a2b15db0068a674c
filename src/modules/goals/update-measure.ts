import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import type { Measure } from './goal.ts';
import { checkOwners, measureOr404, subjectOf } from './goal-access.ts';
import { goalPolicy } from './goal-policy.ts';
import { findMeasure, updateMeasureRow } from './goal-queries.ts';
import { ZMeasureUpdate } from './goal-schemas.ts';

const view = (m: Measure) => ({
  titleFi: m.title.fi,
  titleSv: m.title.sv,
  responsible: m.responsible,
  startsOn: m.startsOn,
  dueOn: m.dueOn,
  status: m.status,
  internalNotes: m.internalNotes,
  ownerPartyIds: [...m.ownerPartyIds].sort().join(','),
});

/** Edits a measure (the coordinating party's editors); a stale save is refused as a conflict. */
export async function updateMeasure(ctx: Ctx, measureId: string, input: unknown): Promise<Measure> {
  const { measure, agreement } = await measureOr404(ctx.db, measureId);
  assertCan(goalPolicy, 'goal.edit', ctx.actor, subjectOf(agreement, measure));
  const f = parseInput(ZMeasureUpdate, input);
  checkOwners(agreement, f.ownerPartyIds);
  return ctx.db.transaction(async (tx) => {
    const updated = await updateMeasureRow(tx, measureId, f.rowVersion, f, ctx.clock.now());
    if (!updated) throw conflict('goals.edited_by_someone_else', { current: (await findMeasure(tx, measureId)) ?? null });
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'goal_measure.update',
      targetType: 'goal_measure',
      targetId: measureId,
      ...changedFields(view(measure), view(updated)),
    });
    return updated;
  });
}
