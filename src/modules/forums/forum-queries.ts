import type { Row, Sql } from '#platform/db/db.ts';
import type { Forum, ForumAgreementRef, ForumFrequency, ForumLevel, ForumMember, MemberGroup, MemberRole } from './forum.ts';
import type { ForumSubject } from './forum-policy.ts';

interface ForumRow extends Row {
  id: string;
  county_code: string;
  owner_party_id: string;
  name_fi: string;
  name_sv: string;
  level: ForumLevel;
  ends_on: string | null;
  mandate_fi: string;
  mandate_sv: string;
  frequency: ForumFrequency;
  frequency_note_fi: string;
  frequency_note_sv: string;
  is_public: boolean;
  source_agreement_forum_id: string | null;
  row_version: number;
}

interface MemberRow extends Row {
  id: string;
  forum_id: string;
  party_id: string | null;
  party_group: MemberGroup | null;
  person_name: string | null;
  email: string | null;
  user_id: string | null;
  role: MemberRole;
  role_note_fi: string;
  role_note_sv: string;
  deputy_of: string | null;
  position: number;
}

const FORUM_COLUMNS = `f.id, f.county_code, f.owner_party_id, f.name_fi, f.name_sv, f.level, f.ends_on::text AS ends_on, f.mandate_fi, f.mandate_sv,
  f.frequency, f.frequency_note_fi, f.frequency_note_sv, f.is_public, f.source_agreement_forum_id, f.row_version`;
const MEMBER_COLUMNS = `m.id, m.forum_id, m.party_id, m.party_group, m.person_name, m.email, m.user_id, m.role, m.role_note_fi, m.role_note_sv, m.deputy_of, m.position`;

const toMember = (r: MemberRow): ForumMember => ({
  id: r.id,
  forumId: r.forum_id,
  partyId: r.party_id,
  group: r.party_group,
  personName: r.person_name,
  email: r.email,
  userId: r.user_id,
  role: r.role,
  roleNote: { fi: r.role_note_fi, sv: r.role_note_sv },
  deputyOf: r.deputy_of,
  position: r.position,
});

const toForum = (r: ForumRow, members: ForumMember[]): Forum => ({
  id: r.id,
  countyCode: r.county_code,
  ownerPartyId: r.owner_party_id,
  name: { fi: r.name_fi, sv: r.name_sv },
  level: r.level,
  endsOn: r.ends_on,
  mandate: { fi: r.mandate_fi, sv: r.mandate_sv },
  frequency: r.frequency,
  frequencyNote: { fi: r.frequency_note_fi, sv: r.frequency_note_sv },
  isPublic: r.is_public,
  sourceAgreementForumId: r.source_agreement_forum_id,
  rowVersion: r.row_version,
  members,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findForum(sql: Sql, id: string): Promise<Forum | undefined> {
  if (!UUID.test(id)) return undefined;
  const rows = await sql.query<ForumRow>(`SELECT ${FORUM_COLUMNS} FROM forum f WHERE f.id = $1`, [id]);
  if (!rows[0]) return undefined;
  const members = await sql.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM forum_member m WHERE m.forum_id = $1 ORDER BY m.position, m.created_at`, [id]);
  return toForum(rows[0], members.map(toMember));
}

export async function listForumsOfCounty(sql: Sql, countyCode: string): Promise<Forum[]> {
  const rows = await sql.query<ForumRow>(`SELECT ${FORUM_COLUMNS} FROM forum f WHERE f.county_code = $1 ORDER BY f.name_fi, f.id`, [countyCode]);
  if (rows.length === 0) return [];
  const members = await sql.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM forum_member m JOIN forum f ON f.id = m.forum_id WHERE f.county_code = $1 ORDER BY m.position, m.created_at`,
    [countyCode],
  );
  const by = new Map<string, ForumMember[]>();
  for (const m of members) {
    const list = by.get(m.forum_id) ?? [];
    list.push(toMember(m));
    by.set(m.forum_id, list);
  }
  return rows.map((r) => toForum(r, by.get(r.id) ?? []));
}

export async function regionPartyIds(sql: Sql, countyCode: string): Promise<string[]> {
  // The county, its municipalities and the regional council of its region (as parties' getCooperationRegion has them).
  const rows = await sql.query<{ id: string }>(
    `SELECT id FROM party WHERE ended_on IS NULL
        AND (county_code = $1 OR (type = 'regional_council' AND region_code = (SELECT region_code FROM county WHERE code = $1)))`,
    [countyCode],
  );
  return rows.map((r) => r.id);
}

export async function countyExists(sql: Sql, countyCode: string): Promise<boolean> {
  const rows = await sql.query(`SELECT 1 FROM county WHERE code = $1`, [countyCode]);
  return rows.length === 1;
}

export function forumSubject(f: Forum, regionParties: readonly string[]): ForumSubject {
  const withAccount = f.members.filter((m) => m.userId);
  return {
    countyCode: f.countyCode,
    ownerPartyId: f.ownerPartyId,
    isPublic: f.isPublic,
    regionPartyIds: regionParties,
    managerUserIds: withAccount.filter((m) => m.role === 'chair' || m.role === 'secretary').map((m) => m.userId!),
    memberUserIds: withAccount.map((m) => m.userId!),
  };
}

export interface ForumFields {
  nameFi: string;
  nameSv: string;
  level: ForumLevel;
  endsOn: string | null;
  mandateFi: string;
  mandateSv: string;
  frequency: ForumFrequency;
  frequencyNoteFi: string;
  frequencyNoteSv: string;
  isPublic: boolean;
}

const fieldParams = (f: ForumFields) => [f.nameFi, f.nameSv, f.level, f.endsOn, f.mandateFi, f.mandateSv, f.frequency, f.frequencyNoteFi, f.frequencyNoteSv, f.isPublic];

export async function insertForum(
  sql: Sql,
  countyCode: string,
  ownerPartyId: string,
  f: ForumFields,
  now: Date,
  sourceAgreementForumId: string | null = null,
): Promise<string> {
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO forum (county_code, owner_party_id, name_fi, name_sv, level, ends_on, mandate_fi, mandate_sv, frequency,
        frequency_note_fi, frequency_note_sv, is_public, source_agreement_forum_id, created_at, modified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
    [countyCode, ownerPartyId, ...fieldParams(f), sourceAgreementForumId, now],
  );
  return rows[0]!.id;
}

export async function updateForumRow(sql: Sql, id: string, rowVersion: number, f: ForumFields, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE forum SET name_fi = $3, name_sv = $4, level = $5, ends_on = $6, mandate_fi = $7, mandate_sv = $8, frequency = $9,
        frequency_note_fi = $10, frequency_note_sv = $11, is_public = $12, row_version = row_version + 1, modified_at = $13
      WHERE id = $1 AND row_version = $2 RETURNING id`,
    [id, rowVersion, ...fieldParams(f), now],
  );
  return rows.length === 1;
}

/** A change to the members counts as an edit of the forum (its row_version moves). */
export async function bumpForum(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query(`UPDATE forum SET row_version = row_version + 1, modified_at = $2 WHERE id = $1`, [id, now]);
}

export async function findUserIdByEmail(sql: Sql, email: string): Promise<string | null> {
  const rows = await sql.query<{ id: string }>(`SELECT id FROM app_user WHERE lower(email) = lower($1) AND disabled_at IS NULL`, [email]);
  return rows[0]?.id ?? null;
}

export async function insertMember(
  sql: Sql,
  forumId: string,
  m: {
    partyId: string | null;
    group: MemberGroup | null;
    personName: string | null;
    email: string | null;
    userId: string | null;
    role: MemberRole;
    roleNoteFi: string;
    roleNoteSv: string;
    deputyOf: string | null;
  },
  now: Date,
): Promise<ForumMember> {
  const rows = await sql.query<MemberRow>(
    `INSERT INTO forum_member AS m (forum_id, party_id, party_group, person_name, email, user_id, role, role_note_fi, role_note_sv, deputy_of, position, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, (SELECT coalesce(max(position), 0) + 1 FROM forum_member WHERE forum_id = $1), $11)
     RETURNING ${MEMBER_COLUMNS}`,
    [forumId, m.partyId, m.group, m.personName, m.email, m.userId, m.role, m.roleNoteFi, m.roleNoteSv, m.deputyOf, now],
  );
  return toMember(rows[0]!);
}

export async function deleteMember(sql: Sql, forumId: string, memberId: string): Promise<boolean> {
  if (!UUID.test(memberId)) return false;
  const rows = await sql.query(`DELETE FROM forum_member WHERE id = $1 AND forum_id = $2 RETURNING id`, [memberId, forumId]);
  return rows.length === 1;
}

/** The agreements whose forum section refers to this forum. */
export async function agreementRefs(sql: Sql, forumId: string): Promise<ForumAgreementRef[]> {
  const rows = await sql.query<{ agreement_id: string; title_fi: string; name_fi: string }>(
    `SELECT a.id AS agreement_id, a.title_fi, af.name_fi FROM agreement_forum af JOIN agreement a ON a.id = af.agreement_id
      WHERE af.standing_forum_id = $1 ORDER BY a.valid_from DESC, a.id`,
    [forumId],
  );
  return rows.map((r) => ({ agreementId: r.agreement_id, agreementTitle: r.title_fi, lineName: r.name_fi }));
}

/** The region's active parties in a member group ('municipalities', …). */
export async function partiesOfGroup(sql: Sql, countyCode: string, group: MemberGroup): Promise<string[]> {
  const types: Record<MemberGroup, string[]> = {
    all: ['municipality', 'wellbeing_services_county', 'city_of_helsinki', 'regional_council'],
    county: ['wellbeing_services_county', 'city_of_helsinki'],
    municipalities: ['municipality'],
    regional_council: ['regional_council'],
  };
  const ids = new Set(await regionPartyIds(sql, countyCode));
  const rows = await sql.query<{ id: string }>(`SELECT id FROM party WHERE id = ANY($1::uuid[]) AND type::text = ANY($2::text[])`, [[...ids], types[group]]);
  return rows.map((r) => r.id);
}
