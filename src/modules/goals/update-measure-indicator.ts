import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import type { IndicatorLink } from './goal.ts';
import { linkOr404, subjectOf } from './goal-access.ts';
import { goalPolicy } from './goal-policy.ts';
import { findLink, updateLinkRow } from './goal-queries.ts';
import { ZIndicatorLinkUpdate } from './goal-schemas.ts';

const view = (l: IndicatorLink) => ({ scope: l.scope, baselineYear: l.baselineYear, baselineValue: l.baselineValue, targetYear: l.targetYear, targetValue: l.targetValue });

/** Changes a followed indicator's scope, baseline or target; a stale save is refused as a conflict. */
export async function updateMeasureIndicator(ctx: Ctx, linkId: string, input: unknown): Promise<IndicatorLink> {
  const { link, measure, agreement } = await linkOr404(ctx.db, linkId);
  assertCan(goalPolicy, 'goal.edit', ctx.actor, subjectOf(agreement, measure));
  const f = parseInput(ZIndicatorLinkUpdate, input);
  return ctx.db.transaction(async (tx) => {
    const updated = await updateLinkRow(tx, linkId, f.rowVersion, f, ctx.clock.now());
    if (!updated) throw conflict('goals.edited_by_someone_else', { current: (await findLink(tx, linkId)) ?? null });
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'goal_indicator.update',
      targetType: 'goal_measure_indicator',
      targetId: linkId,
      ...changedFields(view(link), view(updated)),
    });
    return updated;
  });
}
