import { hasPartyRole, isPlatformAdmin, type Actor } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';

export type AccountAbility = 'user.create' | 'user.list_all';

export const accountPolicy: Policy<AccountAbility, null> = {
  'user.create': (a: Actor) => isPlatformAdmin(a),
  'user.list_all': (a: Actor) => isPlatformAdmin(a),
};

/** Memberships of a party are managed by that party's administrators (and platform administrators). */
export const membershipPolicy: Policy<'membership.grant' | 'membership.revoke' | 'membership.list', { partyId: string }> = {
  /** The member list shows e-mail addresses: for the party's administrators only. */
  'membership.list': (a, s) => isPlatformAdmin(a) || hasPartyRole(a, s.partyId, 'admin'),
  'membership.grant': (a, s) => isPlatformAdmin(a) || hasPartyRole(a, s.partyId, 'admin'),
  'membership.revoke': (a, s) => isPlatformAdmin(a) || hasPartyRole(a, s.partyId, 'admin'),
};
