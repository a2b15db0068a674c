import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { checkValueArea, linkOr404, subjectOf } from './goal-access.ts';
import { goalPolicy, ownerPolicy } from './goal-policy.ts';
import { upsertPushedValue } from './goal-queries.ts';
import { ZIndicatorValueInput, ZId } from './goal-schemas.ts';

export interface RecordedValue {
  linkId: string;
  areaCode: string;
  date: string;
  value: number;
  previous: number | null;
}

/**
 * Another system (an API token of an owner party) or an owner's editor records a value of a followed indicator
 * for one area and date. A party may record values only for its own area codes, within the link's scope.
 * The same link, area and date again replaces the value.
 */
export async function recordIndicatorValue(ctx: Ctx, linkId: string, input: unknown): Promise<RecordedValue> {
  const { link, measure, agreement } = await linkOr404(ctx.db, linkId);
  assertCan(goalPolicy, 'measure.post_update', ctx.actor, subjectOf(agreement, measure));
  const f = parseInput(ZIndicatorValueInput, input);
  // A token speaks for its own party; a user names the party (or is an editor of exactly one owner).
  const named = (input as { partyId?: unknown } | null)?.partyId;
  let partyId: string;
  if (ctx.actor.kind === 'token') partyId = ctx.actor.partyId;
  else if (named !== undefined) partyId = parseInput(ZId, named);
  else if (measure.ownerPartyIds.length === 1) partyId = measure.ownerPartyIds[0]!;
  else throw invalid([{ field: 'partyId', code: 'required' }]);
  assertCan(ownerPolicy, 'measure.post_as', ctx.actor, { ownerPartyIds: measure.ownerPartyIds, partyId });
  await checkValueArea(ctx.db, agreement, measure, link.id, partyId, f.areaCode);
  return ctx.db.transaction(async (tx) => {
    const previous = await upsertPushedValue(tx, { linkId, areaCode: f.areaCode, observedOn: f.date, value: f.value, partyId }, ctx.clock.now());
    await recordAudit(tx, ctx, {
      partyId,
      action: 'goal_indicator_value.record',
      targetType: 'goal_measure_indicator',
      targetId: linkId,
      before: previous === null ? null : { areaCode: f.areaCode, date: f.date, value: previous },
      after: { areaCode: f.areaCode, date: f.date, value: f.value },
    });
    return { linkId, areaCode: f.areaCode, date: f.date, value: f.value, previous };
  });
}
