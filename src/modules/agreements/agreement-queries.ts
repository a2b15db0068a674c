import type { Row, Sql } from '#platform/db/db.ts';
import type {
  Agreement,
  AgreementComment,
  AgreementStatus,
  Area,
  CommentAnswer,
  CommentKind,
  CommentRound,
  EntryRule,
  Forum,
  ForumMember,
  MemberGroup,
  PartyRef,
  Presentation,
  Section,
  VersionInfo,
} from './agreement.ts';
import type { TemplateSection } from './model-template.ts';

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

// ───────────────────────────── agreements ─────────────────────────────

interface AgreementRow extends Row {
  id: string;
  county_code: string;
  title_fi: string;
  title_sv: string;
  status: AgreementStatus;
  valid_from: string;
  valid_until: string | null;
  entry_rule: EntryRule;
  predecessor_id: string | null;
  coordinating_party_id: string;
  approval_version_id: string | null;
  enters_into_force_on: string | null;
  successor_in_force_on: string | null;
  status_changed_at: Date;
  row_version: number;
  party_ids: string[] | null;
}

const AGREEMENT_COLUMNS = `a.id, a.county_code, a.title_fi, a.title_sv, a.status, a.valid_from, a.valid_until, a.entry_rule,
  a.predecessor_id, a.coordinating_party_id, a.approval_version_id, a.enters_into_force_on, a.status_changed_at, a.row_version,
  (SELECT min(s.enters_into_force_on) FROM agreement s WHERE s.predecessor_id = a.id) AS successor_in_force_on,
  (SELECT array_agg(ap.party_id::text ORDER BY ap.party_id) FROM agreement_party ap WHERE ap.agreement_id = a.id) AS party_ids`;

const toAgreement = (r: AgreementRow): Agreement => ({
  id: r.id,
  countyCode: r.county_code,
  title: { fi: r.title_fi, sv: r.title_sv },
  status: r.status,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  entryRule: r.entry_rule,
  predecessorId: r.predecessor_id,
  coordinatingPartyId: r.coordinating_party_id,
  approvalVersionId: r.approval_version_id,
  entersIntoForceOn: r.enters_into_force_on,
  successorInForceOn: r.successor_in_force_on,
  statusChangedAt: r.status_changed_at,
  rowVersion: r.row_version,
  partyIds: r.party_ids ?? [],
});

export async function findAgreement(sql: Sql, id: string): Promise<Agreement | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<AgreementRow>(`SELECT ${AGREEMENT_COLUMNS} FROM agreement a WHERE a.id = $1`, [id]);
  return rows[0] && toAgreement(rows[0]);
}

/** Locks the agreement row for the rest of the transaction (publishing, opening rounds). */
export async function lockAgreement(sql: Sql, id: string): Promise<Agreement | undefined> {
  const rows = await sql.query<AgreementRow>(`SELECT ${AGREEMENT_COLUMNS} FROM agreement a WHERE a.id = $1 FOR UPDATE`, [id]);
  return rows[0] && toAgreement(rows[0]);
}

export interface AgreementListRow {
  agreement: Agreement;
  coordinatingPartyName: { fi: string; sv: string; en: string };
  versionCount: number;
  publicVersionCount: number;
  latestVersion: { number: number; label: string } | null;
  latestPublicVersion: { number: number; label: string } | null;
}

export async function listAgreementsOfCounty(sql: Sql, countyCode: string): Promise<AgreementListRow[]> {
  const rows = await sql.query<AgreementRow & { cp_fi: string; cp_sv: string; cp_en: string; version_count: number; public_count: number; latest_number: number | null; latest_label: string | null; public_number: number | null; public_label: string | null }>(
    `SELECT ${AGREEMENT_COLUMNS}, p.name_fi AS cp_fi, p.name_sv AS cp_sv, p.name_en AS cp_en,
        (SELECT count(*)::int FROM agreement_version v WHERE v.agreement_id = a.id) AS version_count,
        (SELECT count(*)::int FROM agreement_version v WHERE v.agreement_id = a.id AND ${PUBLIC_VERSION}) AS public_count,
        lv.number AS latest_number, lv.label AS latest_label, pv.number AS public_number, pv.label AS public_label
       FROM agreement a JOIN party p ON p.id = a.coordinating_party_id
       LEFT JOIN LATERAL (SELECT number, label FROM agreement_version v WHERE v.agreement_id = a.id ORDER BY number DESC LIMIT 1) lv ON true
       LEFT JOIN LATERAL (SELECT number, label FROM agreement_version v WHERE v.agreement_id = a.id AND ${PUBLIC_VERSION} ORDER BY number DESC LIMIT 1) pv ON true
      WHERE a.county_code = $1
      ORDER BY a.valid_from DESC, a.created_at DESC`,
    [countyCode],
  );
  return rows.map((r) => ({
    agreement: toAgreement(r),
    coordinatingPartyName: { fi: r.cp_fi, sv: r.cp_sv, en: r.cp_en },
    versionCount: r.version_count,
    publicVersionCount: r.public_count,
    latestVersion: r.latest_number ? { number: r.latest_number, label: r.latest_label ?? '' } : null,
    latestPublicVersion: r.public_number ? { number: r.public_number, label: r.public_label ?? '' } : null,
  }));
}

export async function insertAgreement(
  sql: Sql,
  f: {
    countyCode: string;
    titleFi: string;
    titleSv: string;
    validFrom: string;
    validUntil: string | null;
    predecessorId: string | null;
    coordinatingPartyId: string;
    createdBy: string | null;
  },
  now: Date,
): Promise<string> {
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO agreement (county_code, title_fi, title_sv, valid_from, valid_until, predecessor_id, coordinating_party_id,
        created_by, status_changed_at, created_at, modified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9) RETURNING id`,
    [f.countyCode, f.titleFi, f.titleSv, f.validFrom, f.validUntil, f.predecessorId, f.coordinatingPartyId, f.createdBy, now],
  );
  return rows[0]!.id;
}

/** Optimistic update of the agreement's facts; false when someone saved first. */
export async function updateAgreementRow(
  sql: Sql,
  id: string,
  rowVersion: number,
  f: { titleFi: string; titleSv: string; validFrom: string; validUntil: string | null; predecessorId: string | null; coordinatingPartyId: string },
  now: Date,
): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE agreement SET title_fi = $3, title_sv = $4, valid_from = $5, valid_until = $6, predecessor_id = $7,
        coordinating_party_id = $8, row_version = row_version + 1, modified_at = $9
      WHERE id = $1 AND row_version = $2 RETURNING id`,
    [id, rowVersion, f.titleFi, f.titleSv, f.validFrom, f.validUntil, f.predecessorId, f.coordinatingPartyId, now],
  );
  return rows.length === 1;
}

export async function setAgreementParties(sql: Sql, agreementId: string, partyIds: readonly string[]): Promise<void> {
  await sql.query('DELETE FROM agreement_party WHERE agreement_id = $1 AND NOT (party_id = ANY($2::uuid[]))', [agreementId, partyIds]);
  await sql.query(
    `INSERT INTO agreement_party (agreement_id, party_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [agreementId, partyIds],
  );
}

/** Moves the status only from the expected one (so two concurrent transitions cannot both win). */
export async function setAgreementStatus(sql: Sql, id: string, from: AgreementStatus, to: AgreementStatus, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE agreement SET status = $3, status_changed_at = $4, row_version = row_version + 1, modified_at = $4
      WHERE id = $1 AND status = $2 RETURNING id`,
    [id, from, to, now],
  );
  return rows.length === 1;
}

/** Counts as a change of the draft: lets readers see when the working copy last moved. */
export async function touchAgreement(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query('UPDATE agreement SET modified_at = $2 WHERE id = $1', [id, now]);
}

interface PartyRefRow extends Row {
  id: string;
  code: string;
  type: PartyRef['type'];
  business_id: string | null;
  name_fi: string;
  name_sv: string;
  name_en: string;
  language: PartyRef['language'];
}
const toPartyRef = (r: PartyRefRow): PartyRef => ({
  id: r.id,
  code: r.code,
  type: r.type,
  businessId: r.business_id,
  name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
  language: r.language,
});
const PARTY_ORDER = `CASE p.type WHEN 'wellbeing_services_county' THEN 0 WHEN 'city_of_helsinki' THEN 0
  WHEN 'regional_council' THEN 1 ELSE 2 END, p.name_fi, p.code`;

/** The agreement's parties: the county first, then the regional council, then municipalities by name. */
export async function listAgreementParties(sql: Sql, agreementId: string): Promise<PartyRef[]> {
  const rows = await sql.query<PartyRefRow>(
    `SELECT p.id, p.code, p.type, p.business_id, p.name_fi, p.name_sv, p.name_en, p.language
       FROM agreement_party ap JOIN party p ON p.id = ap.party_id
      WHERE ap.agreement_id = $1 ORDER BY ${PARTY_ORDER}`,
    [agreementId],
  );
  return rows.map(toPartyRef);
}

export async function findPartyRefs(sql: Sql, ids: readonly string[]): Promise<PartyRef[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<PartyRefRow>(
    `SELECT p.id, p.code, p.type, p.business_id, p.name_fi, p.name_sv, p.name_en, p.language
       FROM party p WHERE p.id = ANY($1::uuid[]) ORDER BY ${PARTY_ORDER}`,
    [ids.filter(isUuid)],
  );
  return rows.map(toPartyRef);
}

// ───────────────────────────── sections ─────────────────────────────

interface SectionRow extends Row {
  id: string;
  agreement_id: string;
  position: number;
  template_key: string | null;
  heading_fi: string;
  heading_sv: string;
  body_fi: string;
  body_sv: string;
  row_version: number;
  modified_at: Date;
}
const SECTION_COLUMNS = 'id, agreement_id, position, template_key, heading_fi, heading_sv, body_fi, body_sv, row_version, modified_at';
const toSection = (r: SectionRow): Section => ({
  id: r.id,
  agreementId: r.agreement_id,
  position: r.position,
  templateKey: r.template_key,
  heading: { fi: r.heading_fi, sv: r.heading_sv },
  body: { fi: r.body_fi, sv: r.body_sv },
  rowVersion: r.row_version,
  modifiedAt: r.modified_at,
});

export async function listSections(sql: Sql, agreementId: string): Promise<Section[]> {
  const rows = await sql.query<SectionRow>(
    `SELECT ${SECTION_COLUMNS} FROM agreement_section WHERE agreement_id = $1 ORDER BY position, created_at`,
    [agreementId],
  );
  return rows.map(toSection);
}

export async function findSection(sql: Sql, id: string): Promise<Section | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<SectionRow>(`SELECT ${SECTION_COLUMNS} FROM agreement_section WHERE id = $1`, [id]);
  return rows[0] && toSection(rows[0]);
}

export async function insertSection(
  sql: Sql,
  agreementId: string,
  s: { templateKey: string | null; headingFi: string; headingSv: string; bodyFi: string; bodySv: string },
  userId: string | null,
  now: Date,
): Promise<Section> {
  const rows = await sql.query<SectionRow>(
    `INSERT INTO agreement_section (agreement_id, position, template_key, heading_fi, heading_sv, body_fi, body_sv, modified_by, created_at, modified_at)
     VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM agreement_section WHERE agreement_id = $1), $2, $3, $4, $5, $6, $7, $8, $8)
     RETURNING ${SECTION_COLUMNS}`,
    [agreementId, s.templateKey, s.headingFi, s.headingSv, s.bodyFi, s.bodySv, userId, now],
  );
  return toSection(rows[0]!);
}

/** Optimistic save of one section; undefined when the row changed since `rowVersion` was read. */
export async function updateSectionRow(
  sql: Sql,
  id: string,
  rowVersion: number,
  s: { headingFi: string; headingSv: string; bodyFi: string; bodySv: string },
  userId: string | null,
  now: Date,
): Promise<Section | undefined> {
  const rows = await sql.query<SectionRow>(
    `UPDATE agreement_section SET heading_fi = $3, heading_sv = $4, body_fi = $5, body_sv = $6, modified_by = $7,
        row_version = row_version + 1, modified_at = $8
      WHERE id = $1 AND row_version = $2 RETURNING ${SECTION_COLUMNS}`,
    [id, rowVersion, s.headingFi, s.headingSv, s.bodyFi, s.bodySv, userId, now],
  );
  return rows[0] && toSection(rows[0]);
}

export async function deleteSectionRow(sql: Sql, id: string, rowVersion: number): Promise<boolean> {
  const rows = await sql.query('DELETE FROM agreement_section WHERE id = $1 AND row_version = $2 RETURNING id', [id, rowVersion]);
  return rows.length === 1;
}

/** Re-numbers the sections in the given order (1, 2, 3, …); positions are not content, so row_version stays. */
export async function renumberSections(sql: Sql, agreementId: string, orderedIds: readonly string[]): Promise<void> {
  await sql.query(
    `UPDATE agreement_section s SET position = o.ord::int
       FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord)
      WHERE s.id = o.id AND s.agreement_id = $1`,
    [agreementId, orderedIds],
  );
}

// ───────────────────────────── areas ─────────────────────────────

interface AreaRow extends Row {
  id: string;
  agreement_id: string;
  position: number;
  name_fi: string;
  name_sv: string;
  description_fi: string;
  description_sv: string;
  county_side_fi: string;
  county_side_sv: string;
  municipal_side_fi: string;
  municipal_side_sv: string;
  regional_council_side_fi: string;
  regional_council_side_sv: string;
  row_version: number;
}
const AREA_COLUMNS = `id, agreement_id, position, name_fi, name_sv, description_fi, description_sv, county_side_fi, county_side_sv,
  municipal_side_fi, municipal_side_sv, regional_council_side_fi, regional_council_side_sv, row_version`;
const toArea = (r: AreaRow): Area => ({
  id: r.id,
  agreementId: r.agreement_id,
  position: r.position,
  name: { fi: r.name_fi, sv: r.name_sv },
  description: { fi: r.description_fi, sv: r.description_sv },
  countySide: { fi: r.county_side_fi, sv: r.county_side_sv },
  municipalSide: { fi: r.municipal_side_fi, sv: r.municipal_side_sv },
  regionalCouncilSide: { fi: r.regional_council_side_fi, sv: r.regional_council_side_sv },
  rowVersion: r.row_version,
});

export interface AreaFields {
  nameFi: string;
  nameSv: string;
  descriptionFi: string;
  descriptionSv: string;
  countySideFi: string;
  countySideSv: string;
  municipalSideFi: string;
  municipalSideSv: string;
  regionalCouncilSideFi: string;
  regionalCouncilSideSv: string;
}
const areaParams = (a: AreaFields) => [
  a.nameFi,
  a.nameSv,
  a.descriptionFi,
  a.descriptionSv,
  a.countySideFi,
  a.countySideSv,
  a.municipalSideFi,
  a.municipalSideSv,
  a.regionalCouncilSideFi,
  a.regionalCouncilSideSv,
];

export async function listAreas(sql: Sql, agreementId: string): Promise<Area[]> {
  const rows = await sql.query<AreaRow>(`SELECT ${AREA_COLUMNS} FROM agreement_area WHERE agreement_id = $1 ORDER BY position, created_at`, [agreementId]);
  return rows.map(toArea);
}

export async function findArea(sql: Sql, id: string): Promise<Area | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<AreaRow>(`SELECT ${AREA_COLUMNS} FROM agreement_area WHERE id = $1`, [id]);
  return rows[0] && toArea(rows[0]);
}

export async function insertArea(sql: Sql, agreementId: string, a: AreaFields, now: Date): Promise<Area> {
  const rows = await sql.query<AreaRow>(
    `INSERT INTO agreement_area (agreement_id, position, name_fi, name_sv, description_fi, description_sv, county_side_fi, county_side_sv,
        municipal_side_fi, municipal_side_sv, regional_council_side_fi, regional_council_side_sv, created_at, modified_at)
     VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM agreement_area WHERE agreement_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
     RETURNING ${AREA_COLUMNS}`,
    [agreementId, ...areaParams(a), now],
  );
  return toArea(rows[0]!);
}

export async function updateAreaRow(sql: Sql, id: string, rowVersion: number, a: AreaFields & { position: number }, now: Date): Promise<Area | undefined> {
  const rows = await sql.query<AreaRow>(
    `UPDATE agreement_area SET name_fi = $3, name_sv = $4, description_fi = $5, description_sv = $6, county_side_fi = $7,
        county_side_sv = $8, municipal_side_fi = $9, municipal_side_sv = $10, regional_council_side_fi = $11,
        regional_council_side_sv = $12, position = $13, row_version = row_version + 1, modified_at = $14
      WHERE id = $1 AND row_version = $2 RETURNING ${AREA_COLUMNS}`,
    [id, rowVersion, ...areaParams(a), a.position, now],
  );
  return rows[0] && toArea(rows[0]);
}

export async function deleteAreaRow(sql: Sql, id: string, rowVersion: number): Promise<boolean> {
  const rows = await sql.query('DELETE FROM agreement_area WHERE id = $1 AND row_version = $2 RETURNING id', [id, rowVersion]);
  return rows.length === 1;
}

// ───────────────────────────── forums ─────────────────────────────

interface ForumRow extends Row {
  id: string;
  agreement_id: string;
  position: number;
  name_fi: string;
  name_sv: string;
  level: Forum['level'];
  frequency: Forum['frequency'];
  frequency_note_fi: string;
  frequency_note_sv: string;
  purpose_fi: string;
  purpose_sv: string;
  standing_forum_id: string | null;
  row_version: number;
}
const FORUM_COLUMNS = `id, agreement_id, position, name_fi, name_sv, level, frequency, frequency_note_fi, frequency_note_sv, purpose_fi, purpose_sv, standing_forum_id, row_version`;
interface MemberRow extends Row {
  id: string;
  forum_id: string;
  party_id: string | null;
  party_group: MemberGroup | null;
  role_fi: string;
  role_sv: string;
  position: number;
}
const toMember = (m: MemberRow): ForumMember => ({
  id: m.id,
  forumId: m.forum_id,
  partyId: m.party_id,
  group: m.party_group,
  role: { fi: m.role_fi, sv: m.role_sv },
  position: m.position,
});
const toForum = (r: ForumRow, members: ForumMember[]): Forum => ({
  id: r.id,
  agreementId: r.agreement_id,
  position: r.position,
  name: { fi: r.name_fi, sv: r.name_sv },
  level: r.level,
  frequency: r.frequency,
  frequencyNote: { fi: r.frequency_note_fi, sv: r.frequency_note_sv },
  purpose: { fi: r.purpose_fi, sv: r.purpose_sv },
  standingForumId: r.standing_forum_id,
  rowVersion: r.row_version,
  members,
});

export async function listForums(sql: Sql, agreementId: string): Promise<Forum[]> {
  const rows = await sql.query<ForumRow>(`SELECT ${FORUM_COLUMNS} FROM agreement_forum WHERE agreement_id = $1 ORDER BY position, created_at`, [agreementId]);
  const members = await sql.query<MemberRow>(
    `SELECT m.id, m.forum_id, m.party_id, m.party_group, m.role_fi, m.role_sv, m.position
       FROM agreement_forum_member m JOIN agreement_forum f ON f.id = m.forum_id
      WHERE f.agreement_id = $1 ORDER BY m.position, m.created_at`,
    [agreementId],
  );
  return rows.map((r) => toForum(r, members.filter((m) => m.forum_id === r.id).map(toMember)));
}

export async function findForum(sql: Sql, id: string): Promise<Forum | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<ForumRow>(`SELECT ${FORUM_COLUMNS} FROM agreement_forum WHERE id = $1`, [id]);
  if (!rows[0]) return undefined;
  const members = await sql.query<MemberRow>(
    'SELECT id, forum_id, party_id, party_group, role_fi, role_sv, position FROM agreement_forum_member WHERE forum_id = $1 ORDER BY position, created_at',
    [id],
  );
  return toForum(rows[0], members.map(toMember));
}

export interface ForumFields {
  nameFi: string;
  nameSv: string;
  level: Forum['level'];
  frequency: Forum['frequency'];
  frequencyNoteFi: string;
  frequencyNoteSv: string;
  purposeFi: string;
  purposeSv: string;
}
const forumParams = (f: ForumFields) => [f.nameFi, f.nameSv, f.level, f.frequency, f.frequencyNoteFi, f.frequencyNoteSv, f.purposeFi, f.purposeSv];

export async function insertForum(sql: Sql, agreementId: string, f: ForumFields, now: Date): Promise<Forum> {
  const rows = await sql.query<ForumRow>(
    `INSERT INTO agreement_forum (agreement_id, position, name_fi, name_sv, level, frequency, frequency_note_fi, frequency_note_sv,
        purpose_fi, purpose_sv, created_at, modified_at)
     VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM agreement_forum WHERE agreement_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
     RETURNING ${FORUM_COLUMNS}`,
    [agreementId, ...forumParams(f), now],
  );
  return toForum(rows[0]!, []);
}

/** The agreement line refers to the region's standing forum (src/modules/forums). */
export async function linkStandingForum(sql: Sql, lineId: string, forumId: string): Promise<void> {
  await sql.query('UPDATE agreement_forum SET standing_forum_id = $2 WHERE id = $1', [lineId, forumId]);
}

export async function updateForumRow(sql: Sql, id: string, rowVersion: number, f: ForumFields & { position: number }, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE agreement_forum SET name_fi = $3, name_sv = $4, level = $5, frequency = $6, frequency_note_fi = $7,
        frequency_note_sv = $8, purpose_fi = $9, purpose_sv = $10, position = $11, row_version = row_version + 1, modified_at = $12
      WHERE id = $1 AND row_version = $2 RETURNING id`,
    [id, rowVersion, ...forumParams(f), f.position, now],
  );
  return rows.length === 1;
}

export async function deleteForumRow(sql: Sql, id: string, rowVersion: number): Promise<boolean> {
  const rows = await sql.query('DELETE FROM agreement_forum WHERE id = $1 AND row_version = $2 RETURNING id', [id, rowVersion]);
  return rows.length === 1;
}

/** Member changes bump the forum's row_version, so a stale forum form cannot overwrite them unnoticed. */
export async function bumpForum(sql: Sql, forumId: string, now: Date): Promise<void> {
  await sql.query('UPDATE agreement_forum SET row_version = row_version + 1, modified_at = $2 WHERE id = $1', [forumId, now]);
}

export async function insertForumMember(
  sql: Sql,
  forumId: string,
  m: { partyId: string | null; group: MemberGroup | null; roleFi: string; roleSv: string },
): Promise<ForumMember> {
  const rows = await sql.query<MemberRow>(
    `INSERT INTO agreement_forum_member (forum_id, party_id, party_group, role_fi, role_sv, position)
     VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(position), 0) + 1 FROM agreement_forum_member WHERE forum_id = $1))
     RETURNING id, forum_id, party_id, party_group, role_fi, role_sv, position`,
    [forumId, m.partyId, m.group, m.roleFi, m.roleSv],
  );
  return toMember(rows[0]!);
}

export async function deleteForumMemberRow(sql: Sql, forumId: string, memberId: string): Promise<ForumMember | undefined> {
  if (!isUuid(memberId)) return undefined;
  const rows = await sql.query<MemberRow>(
    'DELETE FROM agreement_forum_member WHERE id = $1 AND forum_id = $2 RETURNING id, forum_id, party_id, party_group, role_fi, role_sv, position',
    [memberId, forumId],
  );
  return rows[0] && toMember(rows[0]);
}

// ───────────────────────────── versions ─────────────────────────────

/** A version is public once it went to a comment round, or was sent to the parties' decision-makers. */
const PUBLIC_VERSION = `(EXISTS (SELECT 1 FROM agreement_comment_round r WHERE r.version_id = v.id)
  OR EXISTS (SELECT 1 FROM agreement_approval_round ar WHERE ar.version_id = v.id))`;

interface VersionRow extends Row {
  id: string;
  agreement_id: string;
  number: number;
  label: string;
  sha256: string;
  published_at: Date;
  is_public: boolean;
}
const toVersion = (r: VersionRow): VersionInfo & { isPublic: boolean } => ({
  id: r.id,
  agreementId: r.agreement_id,
  number: r.number,
  label: r.label,
  sha256: r.sha256,
  publishedAt: r.published_at,
  isPublic: r.is_public,
});

export async function listVersions(sql: Sql, agreementId: string): Promise<(VersionInfo & { isPublic: boolean })[]> {
  const rows = await sql.query<VersionRow>(
    `SELECT v.id, v.agreement_id, v.number, v.label, v.sha256, v.published_at, ${PUBLIC_VERSION} AS is_public
       FROM agreement_version v WHERE v.agreement_id = $1 ORDER BY v.number`,
    [agreementId],
  );
  return rows.map(toVersion);
}

export async function findVersionByNumber(
  sql: Sql,
  agreementId: string,
  number: number,
): Promise<(VersionInfo & { isPublic: boolean; canonical: string }) | undefined> {
  const rows = await sql.query<VersionRow & { canonical: string }>(
    `SELECT v.id, v.agreement_id, v.number, v.label, v.sha256, v.published_at, v.canonical, ${PUBLIC_VERSION} AS is_public
       FROM agreement_version v WHERE v.agreement_id = $1 AND v.number = $2`,
    [agreementId, number],
  );
  return rows[0] && { ...toVersion(rows[0]), canonical: rows[0].canonical };
}

export async function nextVersionNumber(sql: Sql, agreementId: string): Promise<number> {
  const rows = await sql.query<{ n: number }>('SELECT coalesce(max(number), 0)::int + 1 AS n FROM agreement_version WHERE agreement_id = $1', [agreementId]);
  return rows[0]!.n;
}

export async function insertVersion(
  sql: Sql,
  v: { agreementId: string; number: number; label: string; canonical: string; sha256: string; publishedBy: string | null },
  now: Date,
): Promise<VersionInfo> {
  const rows = await sql.query<VersionRow>(
    `INSERT INTO agreement_version (agreement_id, number, label, canonical, sha256, published_at, published_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, agreement_id, number, label, sha256, published_at, false AS is_public`,
    [v.agreementId, v.number, v.label, v.canonical, v.sha256, now, v.publishedBy],
  );
  return toVersion(rows[0]!);
}

// ───────────────────────────── templates ─────────────────────────────

export async function findRegionTemplate(sql: Sql, countyCode: string): Promise<{ sections: TemplateSection[]; rowVersion: number; modifiedAt: Date } | undefined> {
  const rows = await sql.query<{ sections: TemplateSection[]; row_version: number; modified_at: Date }>(
    'SELECT sections, row_version, modified_at FROM agreement_template WHERE county_code = $1',
    [countyCode],
  );
  return rows[0] && { sections: rows[0].sections, rowVersion: rows[0].row_version, modifiedAt: rows[0].modified_at };
}

export async function upsertRegionTemplate(sql: Sql, countyCode: string, sections: TemplateSection[], userId: string | null, now: Date): Promise<number> {
  const rows = await sql.query<{ row_version: number }>(
    `INSERT INTO agreement_template (county_code, sections, modified_by, created_at, modified_at) VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (county_code) DO UPDATE SET sections = EXCLUDED.sections, modified_by = EXCLUDED.modified_by,
       row_version = agreement_template.row_version + 1, modified_at = EXCLUDED.modified_at
     RETURNING row_version`,
    [countyCode, JSON.stringify(sections), userId, now],
  );
  return rows[0]!.row_version;
}

// ───────────────────────────── comment rounds ─────────────────────────────

interface RoundRow extends Row {
  id: string;
  agreement_id: string;
  version_id: string;
  version_number: number;
  deadline: string;
  opened_at: Date;
  closed_at: Date | null;
  row_version: number;
}
const ROUND_SELECT = `SELECT r.id, r.agreement_id, r.version_id, v.number AS version_number, r.deadline, r.opened_at, r.closed_at, r.row_version
  FROM agreement_comment_round r JOIN agreement_version v ON v.id = r.version_id`;
const toRound = (r: RoundRow): CommentRound => ({
  id: r.id,
  agreementId: r.agreement_id,
  versionId: r.version_id,
  versionNumber: r.version_number,
  deadline: r.deadline,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  rowVersion: r.row_version,
});

export async function listRounds(sql: Sql, agreementId: string): Promise<CommentRound[]> {
  const rows = await sql.query<RoundRow>(`${ROUND_SELECT} WHERE r.agreement_id = $1 ORDER BY r.opened_at`, [agreementId]);
  return rows.map(toRound);
}

export async function findRound(sql: Sql, id: string): Promise<CommentRound | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<RoundRow>(`${ROUND_SELECT} WHERE r.id = $1`, [id]);
  return rows[0] && toRound(rows[0]);
}

export async function findOpenRound(sql: Sql, agreementId: string): Promise<CommentRound | undefined> {
  const rows = await sql.query<RoundRow>(`${ROUND_SELECT} WHERE r.agreement_id = $1 AND r.closed_at IS NULL`, [agreementId]);
  return rows[0] && toRound(rows[0]);
}

export async function insertRound(sql: Sql, r: { agreementId: string; versionId: string; deadline: string; openedBy: string | null }, now: Date): Promise<string> {
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO agreement_comment_round (agreement_id, version_id, deadline, opened_at, opened_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [r.agreementId, r.versionId, r.deadline, now, r.openedBy],
  );
  return rows[0]!.id;
}

export async function closeRoundRow(sql: Sql, id: string, rowVersion: number, userId: string | null, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE agreement_comment_round SET closed_at = $3, closed_by = $4, row_version = row_version + 1
      WHERE id = $1 AND row_version = $2 AND closed_at IS NULL RETURNING id`,
    [id, rowVersion, now, userId],
  );
  return rows.length === 1;
}

// ───────────────────────────── comments ─────────────────────────────

interface CommentRow extends Row {
  id: string;
  round_id: string;
  party_id: string;
  kind: CommentKind;
  section_id: string | null;
  lang: 'fi' | 'sv';
  body: string;
  author_name: string | null;
  created_at: Date;
  withdrawn_at: Date | null;
  replaces_id: string | null;
  answer: CommentAnswer | null;
  answer_reasoning: string;
  answered_at: Date | null;
  row_version: number;
}
const COMMENT_SELECT = `SELECT c.id, c.round_id, c.party_id, c.kind, c.section_id, c.lang, c.body, u.display_name AS author_name, c.created_at,
    c.withdrawn_at, c.replaces_id, c.answer, c.answer_reasoning, c.answered_at, c.row_version
  FROM agreement_comment c LEFT JOIN app_user u ON u.id = c.author_user_id`;
const toComment = (r: CommentRow): AgreementComment => ({
  id: r.id,
  roundId: r.round_id,
  partyId: r.party_id,
  kind: r.kind,
  sectionId: r.section_id,
  lang: r.lang,
  body: r.body,
  authorName: r.author_name,
  createdAt: r.created_at,
  withdrawnAt: r.withdrawn_at,
  replacesId: r.replaces_id,
  answer: r.answer,
  answerReasoning: r.answer_reasoning,
  answeredAt: r.answered_at,
  rowVersion: r.row_version,
});

export async function listComments(sql: Sql, roundId: string): Promise<AgreementComment[]> {
  const rows = await sql.query<CommentRow>(`${COMMENT_SELECT} WHERE c.round_id = $1 ORDER BY c.created_at, c.id`, [roundId]);
  return rows.map(toComment);
}

export async function findComment(sql: Sql, id: string): Promise<AgreementComment | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<CommentRow>(`${COMMENT_SELECT} WHERE c.id = $1`, [id]);
  return rows[0] && toComment(rows[0]);
}

export async function findStatementInForce(sql: Sql, roundId: string, partyId: string): Promise<AgreementComment | undefined> {
  const rows = await sql.query<CommentRow>(
    `${COMMENT_SELECT} WHERE c.round_id = $1 AND c.party_id = $2 AND c.kind = 'statement' AND c.withdrawn_at IS NULL`,
    [roundId, partyId],
  );
  return rows[0] && toComment(rows[0]);
}

export async function insertComment(
  sql: Sql,
  c: { roundId: string; partyId: string; kind: CommentKind; sectionId: string | null; lang: 'fi' | 'sv'; body: string; authorUserId: string | null; replacesId: string | null },
  now: Date,
): Promise<string> {
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO agreement_comment (round_id, party_id, kind, section_id, lang, body, author_user_id, replaces_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [c.roundId, c.partyId, c.kind, c.sectionId, c.lang, c.body, c.authorUserId, c.replacesId, now],
  );
  return rows[0]!.id;
}

export async function withdrawCommentRow(sql: Sql, id: string, rowVersion: number, userId: string | null, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE agreement_comment SET withdrawn_at = $3, withdrawn_by = $4, row_version = row_version + 1
      WHERE id = $1 AND row_version = $2 AND withdrawn_at IS NULL RETURNING id`,
    [id, rowVersion, now, userId],
  );
  return rows.length === 1;
}

export async function answerCommentRow(
  sql: Sql,
  id: string,
  rowVersion: number,
  a: { answer: CommentAnswer; reasoning: string },
  userId: string | null,
  now: Date,
): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE agreement_comment SET answer = $3, answer_reasoning = $4, answered_at = $5, answered_by = $6, row_version = row_version + 1
      WHERE id = $1 AND row_version = $2 AND withdrawn_at IS NULL RETURNING id`,
    [id, rowVersion, a.answer, a.reasoning, now, userId],
  );
  return rows.length === 1;
}

// ───────────────────────────── presentations ─────────────────────────────

export async function insertPresentation(
  sql: Sql,
  p: { agreementId: string; versionId: string; forumId: string | null; forumName: string; presentedOn: string; note: string; recordedBy: string | null },
  now: Date,
): Promise<string> {
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO agreement_presentation (agreement_id, version_id, forum_id, forum_name, presented_on, note, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [p.agreementId, p.versionId, p.forumId, p.forumName, p.presentedOn, p.note, now, p.recordedBy],
  );
  return rows[0]!.id;
}

export async function listPresentations(sql: Sql, agreementId: string): Promise<Presentation[]> {
  const rows = await sql.query<{
    id: string;
    agreement_id: string;
    version_id: string;
    number: number;
    forum_id: string | null;
    forum_name: string;
    presented_on: string;
    note: string;
  }>(
    `SELECT p.id, p.agreement_id, p.version_id, v.number, p.forum_id, p.forum_name, p.presented_on, p.note
       FROM agreement_presentation p JOIN agreement_version v ON v.id = p.version_id
      WHERE p.agreement_id = $1 ORDER BY p.presented_on, p.recorded_at`,
    [agreementId],
  );
  return rows.map((r) => ({
    id: r.id,
    agreementId: r.agreement_id,
    versionId: r.version_id,
    versionNumber: r.number,
    forumId: r.forum_id,
    forumName: r.forum_name,
    presentedOn: r.presented_on,
    note: r.note,
  }));
}
