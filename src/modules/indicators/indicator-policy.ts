import { hasPartyRole, isPlatformAdmin, type Actor } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';

/**
 * Indicators are public to read. Importing from THL Sotkanet and Statistics Finland is an operator task
 * (platform administrators, the command line). A party's editors and administrators maintain the party's
 * own (custom) indicators and import their values, for the party's own area only.
 */
export type IndicatorAbility = 'indicator.import' | 'indicator.view_imports';
export type OwnIndicatorAbility = 'indicator.define_own' | 'indicator.import_own';

export const indicatorPolicy: Policy<IndicatorAbility, null> = {
  'indicator.import': (a: Actor) => isPlatformAdmin(a),
  'indicator.view_imports': (a: Actor) => isPlatformAdmin(a),
};

/** Subject: the party acting and the indicator's owner (null = not owned by any party). */
export const ownIndicatorPolicy: Policy<OwnIndicatorAbility, { partyId: string | null; ownerPartyId: string | null }> = {
  'indicator.define_own': (a, s) =>
    isPlatformAdmin(a) || (s.partyId !== null && s.ownerPartyId === s.partyId && hasPartyRole(a, s.partyId, 'editor')),
  'indicator.import_own': (a, s) =>
    isPlatformAdmin(a) || (s.partyId !== null && s.ownerPartyId === s.partyId && hasPartyRole(a, s.partyId, 'editor')),
};
