import type { Ctx } from '#platform/context.ts';
import { can } from '#platform/policy.ts';
import { goalOr404, subjectOf } from './goal-access.ts';
import { goalPolicy } from './goal-policy.ts';
import { findArea, findParties, listSections, type AgreementInfo, type AreaRef, type PartyInfo, type SectionRef } from './goal-queries.ts';
import { buildGoalViews, type GoalView } from './goal-views.ts';

export interface GoalPage extends GoalView {
  agreement: AgreementInfo;
  area: AreaRef;
  /** The agreement section the goal came from. */
  section: SectionRef | null;
  sections: SectionRef[];
  /** The agreement's parties (for the measure form's owner choice). */
  parties: PartyInfo[];
  canEdit: boolean;
}

/** One goal: up to its agreement section and area, down to its measures, indicators and owners. Public. */
export async function getGoal(ctx: Ctx, goalId: string): Promise<GoalPage> {
  const { goal, agreement } = await goalOr404(ctx.db, goalId);
  const [area, sections, parties, [view]] = await Promise.all([
    findArea(ctx.db, goal.areaId),
    listSections(ctx.db, agreement.id),
    findParties(ctx.db, agreement.partyIds),
    buildGoalViews(ctx.db, ctx.actor, agreement, [goal]),
  ]);
  return {
    ...view!,
    agreement,
    area: area!,
    section: sections.find((s) => s.id === goal.sectionId) ?? null,
    sections,
    parties,
    canEdit: can(goalPolicy, 'goal.edit', ctx.actor, subjectOf(agreement)),
  };
}
