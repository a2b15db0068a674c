import type { Actor, PartyRole } from '#platform/actor.ts';
import type { Sql } from '#platform/db/db.ts';

/** A demo account as the actor it signs in as (its memberships), or undefined if it is not there. */
export async function findDemoActor(sql: Sql, email: string): Promise<(Actor & { kind: 'user' }) | undefined> {
  const users = await sql.query<{ id: string; display_name: string; is_platform_admin: boolean }>(
    'SELECT id, display_name, is_platform_admin FROM app_user WHERE lower(email) = lower($1) AND disabled_at IS NULL',
    [email],
  );
  const u = users[0];
  if (!u) return undefined;
  const memberships = await sql.query<{ party_id: string; role: PartyRole }>('SELECT party_id, role FROM membership WHERE user_id = $1', [u.id]);
  return {
    kind: 'user',
    userId: u.id,
    displayName: u.display_name,
    isPlatformAdmin: u.is_platform_admin,
    memberships: memberships.map((m) => ({ partyId: m.party_id, role: m.role })),
  };
}

export async function demoAgreementExists(sql: Sql, countyCode: string, titleFi: string): Promise<boolean> {
  const rows = await sql.query('SELECT 1 FROM agreement WHERE county_code = $1 AND title_fi = $2', [countyCode, titleFi]);
  return rows.length > 0;
}

/** Which of the given parties already have decision-making bodies. */
export async function partiesWithBodies(sql: Sql, partyIds: readonly string[]): Promise<Set<string>> {
  const rows = await sql.query<{ party_id: string }>('SELECT DISTINCT party_id FROM party_body WHERE removed_at IS NULL AND party_id = ANY($1::uuid[])', [partyIds]);
  return new Set(rows.map((r) => r.party_id));
}

/** The demo agreement's id and its cooperation areas in order (for seeding goals). */
export async function findDemoAgreement(
  sql: Sql,
  countyCode: string,
  titleFi: string,
): Promise<{ id: string; areaIds: string[]; hasGoals: boolean; areasSectionId: string | null } | undefined> {
  const rows = await sql.query<{ id: string; area_ids: string[] | null; has_goals: boolean; areas_section_id: string | null }>(
    `SELECT a.id,
       (SELECT s.id FROM agreement_section s WHERE s.agreement_id = a.id AND s.template_key = 'cooperation_areas' ORDER BY s.position LIMIT 1) AS areas_section_id,
       (SELECT array_agg(ar.id::text ORDER BY ar.position, ar.created_at) FROM agreement_area ar WHERE ar.agreement_id = a.id) AS area_ids,
       EXISTS (SELECT 1 FROM goal g WHERE g.agreement_id = a.id) AS has_goals
     FROM agreement a WHERE a.county_code = $1 AND a.title_fi = $2 ORDER BY a.created_at LIMIT 1`,
    [countyCode, titleFi],
  );
  const r = rows[0];
  return r && { id: r.id, areaIds: r.area_ids ?? [], hasGoals: r.has_goals, areasSectionId: r.areas_section_id };
}

export async function indicatorExists(sql: Sql, id: string): Promise<boolean> {
  return (await sql.query('SELECT 1 FROM indicator WHERE id = $1', [id])).length > 0;
}

/** How many demo accounts exist (they all use the demo mail domain). */
export async function countDemoAccounts(sql: Sql): Promise<number> {
  const rows = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE email LIKE '%@demo.kumppanuus.fi'`);
  return rows[0]?.n ?? 0;
}

/** Whether an indicator has any value for an area (code '091', 'HVA19', 'FI'). */
export async function indicatorHasValues(sql: Sql, id: string, areaCode: string): Promise<boolean> {
  const rows = await sql.query('SELECT 1 FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num WHERE i.id = $1 AND v.area_code = $2 LIMIT 1', [id, areaCode]);
  return rows.length > 0;
}

/** Whether the region already has obligation evidence (the demo's obligations are seeded once). */
export async function demoObligationsExist(sql: Sql, countyCode: string): Promise<boolean> {
  const rows = await sql.query(
    `SELECT 1 FROM obligation_negotiation WHERE county_code = $1
     UNION ALL SELECT 1 FROM obligation_document d JOIN party p ON p.id = d.party_id WHERE p.county_code = $1 LIMIT 1`,
    [countyCode],
  );
  return rows.length > 0;
}

/** Whether the demo's meetings have been seeded (a region's forum meeting has an agenda). */
export async function demoMeetingsExist(sql: Sql, countyCode: string): Promise<boolean> {
  const rows = await sql.query(
    `SELECT 1 FROM meeting_item i JOIN meeting m ON m.id = i.meeting_id JOIN forum f ON f.id = m.forum_id WHERE f.county_code = $1 LIMIT 1`,
    [countyCode],
  );
  return rows.length > 0;
}

/** The id of a published version of the region's (first) demo agreement. */
export async function findDemoAgreementVersion(sql: Sql, countyCode: string, number: number): Promise<string | undefined> {
  const rows = await sql.query<{ id: string }>(
    `SELECT v.id FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id WHERE a.county_code = $1 AND v.number = $2 ORDER BY a.created_at LIMIT 1`,
    [countyCode, number],
  );
  return rows[0]?.id;
}
