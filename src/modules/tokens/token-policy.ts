import { hasPartyRole, isPlatformAdmin, type Actor } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';

export type TokenAbility = 'token.manage';

/**
 * A party's API tokens are managed by that party's administrators and by platform administrators — people,
 * never another token: a leaked token must not be able to mint tokens that outlive its own revocation.
 */
export const tokenPolicy: Policy<TokenAbility, { partyId: string }> = {
  'token.manage': (a: Actor, s) => a.kind !== 'token' && (isPlatformAdmin(a) || hasPartyRole(a, s.partyId, 'admin')),
};
