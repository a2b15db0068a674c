import { hasPartyRole, isPlatformAdmin, type Actor } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';

/**
 * Indicators are public to read. Importing from THL Sotkanet and Statistics Finland (`indicator.import_source`)
 * is for the platform's administrators (and the command line) and the administrators of a wellbeing services
 * county or the City of Helsinki: the county keeps the shared situational picture. They also see the import
 * history. Other writes to any indicator (`indicator.import`) stay with platform administrators. A party's
 * editors and administrators maintain the party's own (custom) indicators and import their values, for the
 * party's own area only (ownIndicatorPolicy) — a municipality imports only its own custom indicators' values.
 */
export type IndicatorAbility = 'indicator.import' | 'indicator.import_source' | 'indicator.view_imports';

/** Subject of source imports: the actor's parties that are counties (see actorCountyParties). */
export interface SourceImportSubject {
  countyPartyIds: readonly string[];
}

const countyAdmin = (a: Actor, s: SourceImportSubject | null) => s !== null && s.countyPartyIds.some((id) => hasPartyRole(a, id, 'admin'));
export type OwnIndicatorAbility = 'indicator.define_own' | 'indicator.import_own';

export const indicatorPolicy: Policy<IndicatorAbility, SourceImportSubject | null> = {
  'indicator.import': (a: Actor) => isPlatformAdmin(a),
  'indicator.import_source': (a, s) => isPlatformAdmin(a) || countyAdmin(a, s),
  'indicator.view_imports': (a, s) => isPlatformAdmin(a) || countyAdmin(a, s),
};

/** Subject: the party acting and the indicator's owner (null = not owned by any party). */
export const ownIndicatorPolicy: Policy<OwnIndicatorAbility, { partyId: string | null; ownerPartyId: string | null }> = {
  'indicator.define_own': (a, s) =>
    isPlatformAdmin(a) || (s.partyId !== null && s.ownerPartyId === s.partyId && hasPartyRole(a, s.partyId, 'editor')),
  'indicator.import_own': (a, s) =>
    isPlatformAdmin(a) || (s.partyId !== null && s.ownerPartyId === s.partyId && hasPartyRole(a, s.partyId, 'editor')),
};
