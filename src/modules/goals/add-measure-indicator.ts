import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import type { IndicatorLink } from './goal.ts';
import { checkIndicator, measureOr404, subjectOf } from './goal-access.ts';
import { goalPolicy } from './goal-policy.ts';
import { insertLink } from './goal-queries.ts';
import { ZIndicatorLinkInput } from './goal-schemas.ts';

/** Follows a catalogue indicator on a measure, with its scope, baseline and target. */
export async function addMeasureIndicator(ctx: Ctx, measureId: string, input: unknown): Promise<IndicatorLink> {
  const { measure, agreement } = await measureOr404(ctx.db, measureId);
  assertCan(goalPolicy, 'goal.edit', ctx.actor, subjectOf(agreement, measure));
  const f = parseInput(ZIndicatorLinkInput, input);
  await checkIndicator(ctx.db, f.indicatorId);
  return ctx.db.transaction(async (tx) => {
    const link = await insertLink(tx, measureId, f, ctx.clock.now());
    await recordAudit(tx, ctx, { partyId: agreement.coordinatingPartyId, action: 'goal_indicator.create', targetType: 'goal_measure_indicator', targetId: link.id, after: { ...f, measureId } });
    return link;
  });
}
