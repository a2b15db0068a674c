import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import type { Goal } from './goal.ts';
import { agreementOr404, checkSection, subjectOf } from './goal-access.ts';
import { goalPolicy } from './goal-policy.ts';
import { findArea, insertGoal } from './goal-queries.ts';
import { ZGoalInput } from './goal-schemas.ts';

/** Adds a strategic goal to a cooperation area of an agreement (the coordinating party's editors). */
export async function createGoal(ctx: Ctx, areaId: string, input: unknown): Promise<Goal> {
  const area = await findArea(ctx.db, areaId);
  if (!area) throw notFound('goals.area_not_found');
  const agreement = await agreementOr404(ctx.db, area.agreementId);
  assertCan(goalPolicy, 'goal.edit', ctx.actor, subjectOf(agreement));
  const f = parseInput(ZGoalInput, input);
  await checkSection(ctx.db, agreement.id, f.sectionId);
  return ctx.db.transaction(async (tx) => {
    const goal = await insertGoal(tx, agreement.id, area.id, f, ctx.clock.now());
    await recordAudit(tx, ctx, { partyId: agreement.coordinatingPartyId, action: 'goal.create', targetType: 'goal', targetId: goal.id, after: { ...f, areaId } });
    return goal;
  });
}
