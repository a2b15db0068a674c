import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import type { Measure } from './goal.ts';
import { checkOwners, goalOr404, subjectOf } from './goal-access.ts';
import { goalPolicy } from './goal-policy.ts';
import { insertMeasure } from './goal-queries.ts';
import { ZMeasureInput } from './goal-schemas.ts';

/** Adds a measure (toimenpide) to a goal, owned by one or more of the agreement's parties. */
export async function addMeasure(ctx: Ctx, goalId: string, input: unknown): Promise<Measure> {
  const { agreement } = await goalOr404(ctx.db, goalId);
  assertCan(goalPolicy, 'goal.edit', ctx.actor, subjectOf(agreement));
  const f = parseInput(ZMeasureInput, input);
  checkOwners(agreement, f.ownerPartyIds);
  return ctx.db.transaction(async (tx) => {
    const measure = await insertMeasure(tx, goalId, f, ctx.clock.now());
    await recordAudit(tx, ctx, { partyId: agreement.coordinatingPartyId, action: 'goal_measure.create', targetType: 'goal_measure', targetId: measure.id, after: { ...f, goalId } });
    return measure;
  });
}
