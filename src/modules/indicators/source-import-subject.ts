import type { Actor } from '#platform/actor.ts';
import type { Sql } from '#platform/db/db.ts';
import type { SourceImportSubject } from './indicator-policy.ts';
import { countyPartiesAmong } from './indicator-queries.ts';

/** The actor's parties that are a wellbeing services county or the City of Helsinki (the policy decides the role). */
export async function sourceImportSubject(sql: Sql, actor: Actor): Promise<SourceImportSubject> {
  const ids = actor.kind === 'user' ? actor.memberships.map((m) => m.partyId) : actor.kind === 'token' ? [actor.partyId] : [];
  return { countyPartyIds: ids.length ? await countyPartiesAmong(sql, ids) : [] };
}
