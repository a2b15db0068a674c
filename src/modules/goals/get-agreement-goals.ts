import type { Ctx } from '#platform/context.ts';
import { can } from '#platform/policy.ts';
import { rollUp, type RollUp } from './goal.ts';
import { agreementOr404, subjectOf } from './goal-access.ts';
import { goalPolicy } from './goal-policy.ts';
import { listAreas, listGoals, listSections, type AgreementInfo, type AreaRef, type SectionRef } from './goal-queries.ts';
import { buildGoalViews, type GoalView } from './goal-views.ts';

export interface AgreementGoalsView {
  agreement: AgreementInfo;
  areas: { area: AreaRef; goals: GoalView[]; summary: RollUp }[];
  sections: SectionRef[];
  canEdit: boolean;
}

/** The goals of an agreement grouped by cooperation area, with statuses rolled up. Public. */
export async function getAgreementGoals(ctx: Ctx, agreementId: string): Promise<AgreementGoalsView> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const [areas, goals, sections] = await Promise.all([listAreas(ctx.db, agreementId), listGoals(ctx.db, agreementId), listSections(ctx.db, agreementId)]);
  const views = await buildGoalViews(ctx.db, ctx.actor, agreement, goals);
  return {
    agreement,
    areas: areas.map((area) => {
      const g = views.filter((v) => v.goal.areaId === area.id);
      return { area, goals: g, summary: rollUp(g.flatMap((v) => v.measures.flatMap((m) => m.indicators.map((i) => i.summary.worst)))) };
    }),
    sections,
    canEdit: can(goalPolicy, 'goal.edit', ctx.actor, subjectOf(agreement)),
  };
}
