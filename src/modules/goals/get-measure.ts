import { hasPartyRole } from '#platform/actor.ts';
import type { Ctx } from '#platform/context.ts';
import { can } from '#platform/policy.ts';
import type { Goal } from './goal.ts';
import { measureOr404, subjectOf } from './goal-access.ts';
import { goalPolicy } from './goal-policy.ts';
import { findArea, findParties, listMeasureUpdates, listSections, type AgreementInfo, type AreaRef, type MeasureUpdateEntry, type PartyInfo, type SectionRef } from './goal-queries.ts';
import { buildGoalViews, type MeasureView } from './goal-views.ts';

export interface MeasurePage extends MeasureView {
  agreement: AgreementInfo;
  area: AreaRef;
  section: SectionRef | null;
  goal: Goal;
  updates: (MeasureUpdateEntry & { party: PartyInfo | null })[];
  /** Agreement parties (for the edit form). */
  parties: PartyInfo[];
  canEdit: boolean;
  canViewNotes: boolean;
  /** Owner parties the reader may post updates for (editor or admin of each). */
  postAs: PartyInfo[];
}

/**
 * The traceability chain of one measure: agreement section → goal → measure → indicators → owners, and its
 * updates. Public, except the internal notes (agreement parties only).
 */
export async function getMeasure(ctx: Ctx, measureId: string): Promise<MeasurePage> {
  const { measure, goal, agreement } = await measureOr404(ctx.db, measureId);
  const [area, sections, parties, views, updates] = await Promise.all([
    findArea(ctx.db, goal.areaId),
    listSections(ctx.db, agreement.id),
    findParties(ctx.db, agreement.partyIds),
    buildGoalViews(ctx.db, ctx.actor, agreement, [goal]),
    listMeasureUpdates(ctx.db, measureId),
  ]);
  const view = views[0]!.measures.find((m) => m.measure.id === measureId)!;
  const byId = new Map(parties.map((p) => [p.id, p]));
  const subject = subjectOf(agreement, measure);
  return {
    ...view,
    agreement,
    area: area!,
    section: sections.find((s) => s.id === goal.sectionId) ?? null,
    goal,
    updates: updates.map((u) => ({ ...u, party: byId.get(u.partyId) ?? null })),
    parties,
    canEdit: can(goalPolicy, 'goal.edit', ctx.actor, subject),
    canViewNotes: can(goalPolicy, 'measure.view_notes', ctx.actor, subject),
    postAs: view.owners.filter((p) => ctx.actor.kind === 'system' || hasPartyRole(ctx.actor, p.id, 'editor')),
  };
}
