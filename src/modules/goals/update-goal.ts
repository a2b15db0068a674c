import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import type { Goal } from './goal.ts';
import { checkSection, goalOr404, subjectOf } from './goal-access.ts';
import { goalPolicy } from './goal-policy.ts';
import { findGoal, updateGoalRow } from './goal-queries.ts';
import { ZGoalUpdate } from './goal-schemas.ts';

const view = (g: Goal) => ({ titleFi: g.title.fi, titleSv: g.title.sv, descriptionFi: g.description.fi, descriptionSv: g.description.sv, sectionId: g.sectionId });

/** Edits a goal; a stale save is refused as a conflict with the current values. */
export async function updateGoal(ctx: Ctx, goalId: string, input: unknown): Promise<Goal> {
  const { goal, agreement } = await goalOr404(ctx.db, goalId);
  assertCan(goalPolicy, 'goal.edit', ctx.actor, subjectOf(agreement));
  const f = parseInput(ZGoalUpdate, input);
  await checkSection(ctx.db, agreement.id, f.sectionId);
  return ctx.db.transaction(async (tx) => {
    const updated = await updateGoalRow(tx, goalId, f.rowVersion, f, ctx.clock.now());
    if (!updated) throw conflict('goals.edited_by_someone_else', { current: (await findGoal(tx, goalId)) ?? null });
    await recordAudit(tx, ctx, { partyId: agreement.coordinatingPartyId, action: 'goal.update', targetType: 'goal', targetId: goalId, ...changedFields(view(goal), view(updated)) });
    return updated;
  });
}
