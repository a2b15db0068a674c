import { hasPartyRole, isPlatformAdmin, roleIn, type Actor } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';

/** What the rules need to know: the agreement's coordinator and parties, and (for a measure) its owners. */
export interface GoalSubject {
  coordinatingPartyId: string;
  partyIds: readonly string[];
  ownerPartyIds: readonly string[];
}

export type GoalAbility = 'goal.edit' | 'measure.post_update' | 'measure.view_notes' | 'report.view';

/**
 * Goals, measures and indicator statuses are public. The coordinating party's editors (and administrators) shape
 * goals, measures and their indicators; the editors of a measure's owner parties post its updates and values;
 * a measure's internal notes are for the agreement's parties (any role) and platform administrators.
 */
export const goalPolicy: Policy<GoalAbility, GoalSubject> = {
  'goal.edit': (a, s) => a.kind === 'system' || hasPartyRole(a, s.coordinatingPartyId, 'editor'),
  'measure.post_update': (a, s) => a.kind === 'system' || s.ownerPartyIds.some((p) => hasPartyRole(a, p, 'editor')),
  'measure.view_notes': (a, s) => isPlatformAdmin(a) || s.partyIds.some((p) => roleIn(a, p) !== undefined),
  // The annual follow-up report is public like the goals pages, for everyone alike: it never holds internal notes.
  'report.view': () => true,
};

/** Posting for one owner party: its editors only (an editor of Oulu cannot post as Kempele). */
export const ownerPolicy: Policy<'measure.post_as', { ownerPartyIds: readonly string[]; partyId: string }> = {
  'measure.post_as': (a: Actor, s) => s.ownerPartyIds.includes(s.partyId) && (a.kind === 'system' || hasPartyRole(a, s.partyId, 'editor')),
};
