import type { Actor } from '#platform/actor.ts';
import type { Sql } from '#platform/db/db.ts';
import { can } from '#platform/policy.ts';
import { rollUp, type Goal, type Measure, type RollUp } from './goal.ts';
import { subjectOf } from './goal-access.ts';
import { goalPolicy } from './goal-policy.ts';
import { findParties, listLinks, listMeasures, type AgreementInfo, type PartyInfo } from './goal-queries.ts';
import { linkStatuses, type LinkStatus } from './goal-status.ts';

export interface MeasureView {
  measure: Measure;
  owners: PartyInfo[];
  indicators: LinkStatus[];
  summary: RollUp;
}

export interface GoalView {
  goal: Goal;
  measures: MeasureView[];
  summary: RollUp;
}

/** Hides a measure's internal notes from readers who are not parties of the agreement. */
export function withVisibleNotes(actor: Actor, agreement: AgreementInfo, m: Measure): Measure {
  return can(goalPolicy, 'measure.view_notes', actor, subjectOf(agreement, m)) ? m : { ...m, internalNotes: null };
}

/** Goals with their measures, owners and indicator statuses; each level rolled up from the indicators below it. */
export async function buildGoalViews(sql: Sql, actor: Actor, agreement: AgreementInfo, goals: readonly Goal[]): Promise<GoalView[]> {
  const measures = await listMeasures(sql, goals.map((g) => g.id));
  const links = await listLinks(sql, measures.map((m) => m.id));
  const statuses = await linkStatuses(sql, agreement, links);
  const owners = new Map((await findParties(sql, [...new Set(measures.flatMap((m) => m.ownerPartyIds))])).map((p) => [p.id, p]));
  return goals.map((goal) => {
    const mv: MeasureView[] = measures
      .filter((m) => m.goalId === goal.id)
      .map((m) => {
        const indicators = links.filter((l) => l.measureId === m.id).map((l) => statuses.get(l.id)!);
        return {
          measure: withVisibleNotes(actor, agreement, m),
          owners: m.ownerPartyIds.map((id) => owners.get(id)).filter((p): p is PartyInfo => !!p),
          indicators,
          summary: rollUp(indicators.map((i) => i.summary.worst)),
        };
      });
    // Goal roll-up counts every indicator (not measures), so two on-track indicators and one off-track read 2 + 1.
    return { goal, measures: mv, summary: rollUp(mv.flatMap((m) => m.indicators.map((i) => i.summary.worst))) };
  });
}
