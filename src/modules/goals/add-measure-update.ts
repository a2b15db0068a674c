import { recordAudit } from '#platform/audit.ts';
import { actorLabel } from '#platform/actor.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { checkValueArea, measureOr404, subjectOf } from './goal-access.ts';
import { goalPolicy, ownerPolicy } from './goal-policy.ts';
import { insertMeasureUpdate, setMeasureStatus, upsertPushedValue, type MeasureUpdateEntry } from './goal-queries.ts';
import { ZMeasureUpdateInput } from './goal-schemas.ts';

/**
 * An owner's periodic update on a measure: text and status (the measure takes the new status), optionally a
 * value of one of the measure's indicators for an area and date. Editors of an owner party, for that party.
 */
export async function addMeasureUpdate(ctx: Ctx, measureId: string, input: unknown): Promise<MeasureUpdateEntry> {
  const { measure, agreement } = await measureOr404(ctx.db, measureId);
  assertCan(goalPolicy, 'measure.post_update', ctx.actor, subjectOf(agreement, measure));
  const f = parseInput(ZMeasureUpdateInput, input);
  assertCan(ownerPolicy, 'measure.post_as', ctx.actor, { ownerPartyIds: measure.ownerPartyIds, partyId: f.partyId });
  if (f.value !== null) await checkValueArea(ctx.db, agreement, measure, f.linkId!, f.partyId, f.areaCode!);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (f.value !== null) await upsertPushedValue(tx, { linkId: f.linkId!, areaCode: f.areaCode!, observedOn: f.date!, value: f.value, partyId: f.partyId }, now);
    if (f.status !== measure.status) await setMeasureStatus(tx, measureId, f.status, now);
    const entry = await insertMeasureUpdate(
      tx,
      {
        measureId,
        partyId: f.partyId,
        status: f.status,
        body: f.body,
        linkId: f.value !== null ? f.linkId : null,
        areaCode: f.value !== null ? f.areaCode : null,
        observedOn: f.value !== null ? f.date : null,
        value: f.value,
        authorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        authorLabel: actorLabel(ctx.actor),
      },
      now,
    );
    await recordAudit(tx, ctx, {
      partyId: f.partyId,
      action: 'goal_measure_update.create',
      targetType: 'goal_measure',
      targetId: measureId,
      before: { status: measure.status },
      after: { status: f.status, body: f.body, linkId: entry.linkId, areaCode: entry.areaCode, date: entry.observedOn, value: entry.value },
    });
    return entry;
  });
}
