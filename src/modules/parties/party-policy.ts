import { hasPartyRole, isPlatformAdmin, isSignedIn, type Actor } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';

/** Who may do what with a party. Public reading needs no rule: parties are public. */
export type PartyAbility = 'party.update' | 'party.manage_bodies' | 'party.view_people' | 'party.manage_members';

export const partyPolicy: Policy<PartyAbility, { id: string }> = {
  'party.update': (a: Actor, p) => isPlatformAdmin(a) || hasPartyRole(a, p.id, 'admin'),
  'party.manage_bodies': (a, p) => isPlatformAdmin(a) || hasPartyRole(a, p.id, 'admin'),
  'party.manage_members': (a, p) => isPlatformAdmin(a) || hasPartyRole(a, p.id, 'admin'),
  'party.view_people': (a) => isSignedIn(a),
};

/** Loading reference data and importing classifications are operator tasks. */
export const referencePolicy: Policy<'reference.import', null> = {
  'reference.import': (a) => isPlatformAdmin(a),
};
