import type { Row, Sql, Tx } from '#platform/db/db.ts';
import { areaTypesOf, type Direction } from '#modules/indicators/index.ts';
import type { Goal, IndicatorLink, IndicatorScope, Measure, MeasureStatus, PartyRef } from './goal.ts';
import type { TGoalInput, TIndicatorLinkInput, TMeasureInput } from './goal-schemas.ts';

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

// ───────────────────────────── the agreement (read only) ─────────────────────────────

export interface AgreementInfo {
  id: string;
  title: { fi: string; sv: string };
  countyCode: string;
  regionCode: string;
  coordinatingPartyId: string;
  partyIds: string[];
}

export async function findAgreementInfo(sql: Sql, id: string): Promise<AgreementInfo | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<{ id: string; title_fi: string; title_sv: string; county_code: string; region_code: string; coordinating_party_id: string; party_ids: string[] | null }>(
    `SELECT a.id, a.title_fi, a.title_sv, a.county_code, c.region_code, a.coordinating_party_id,
       (SELECT array_agg(ap.party_id::text ORDER BY ap.party_id) FROM agreement_party ap WHERE ap.agreement_id = a.id) AS party_ids
     FROM agreement a JOIN county c ON c.code = a.county_code WHERE a.id = $1`,
    [id],
  );
  const r = rows[0];
  return (
    r && {
      id: r.id,
      title: { fi: r.title_fi, sv: r.title_sv },
      countyCode: r.county_code,
      regionCode: r.region_code,
      coordinatingPartyId: r.coordinating_party_id,
      partyIds: r.party_ids ?? [],
    }
  );
}

export interface AreaRef {
  id: string;
  agreementId: string;
  position: number;
  name: { fi: string; sv: string };
}

export async function listAreas(sql: Sql, agreementId: string): Promise<AreaRef[]> {
  const rows = await sql.query<{ id: string; agreement_id: string; position: number; name_fi: string; name_sv: string }>(
    'SELECT id, agreement_id, position, name_fi, name_sv FROM agreement_area WHERE agreement_id = $1 ORDER BY position, created_at',
    [agreementId],
  );
  return rows.map((r) => ({ id: r.id, agreementId: r.agreement_id, position: r.position, name: { fi: r.name_fi, sv: r.name_sv } }));
}

export async function findArea(sql: Sql, id: string): Promise<AreaRef | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<{ id: string; agreement_id: string; position: number; name_fi: string; name_sv: string }>(
    'SELECT id, agreement_id, position, name_fi, name_sv FROM agreement_area WHERE id = $1',
    [id],
  );
  const r = rows[0];
  return r && { id: r.id, agreementId: r.agreement_id, position: r.position, name: { fi: r.name_fi, sv: r.name_sv } };
}

export interface SectionRef {
  id: string;
  agreementId: string;
  heading: { fi: string; sv: string };
}

export async function listSections(sql: Sql, agreementId: string): Promise<SectionRef[]> {
  const rows = await sql.query<{ id: string; agreement_id: string; heading_fi: string; heading_sv: string }>(
    'SELECT id, agreement_id, heading_fi, heading_sv FROM agreement_section WHERE agreement_id = $1 ORDER BY position',
    [agreementId],
  );
  return rows.map((r) => ({ id: r.id, agreementId: r.agreement_id, heading: { fi: r.heading_fi, sv: r.heading_sv } }));
}

export interface PartyInfo extends PartyRef {
  type: string;
  code: string;
  countyCode: string | null;
  regionCode: string | null;
}

export async function findParties(sql: Sql, ids: readonly string[]): Promise<PartyInfo[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<{ id: string; type: string; code: string; name_fi: string; name_sv: string; name_en: string; county_code: string | null; region_code: string | null }>(
    'SELECT id, type::text AS type, code, name_fi, name_sv, name_en, county_code, region_code FROM party WHERE id = ANY($1::uuid[]) ORDER BY name_fi',
    [ids],
  );
  return rows.map((r) => ({ id: r.id, type: r.type, code: r.code, name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en }, countyCode: r.county_code, regionCode: r.region_code }));
}

// ───────────────────────────── goals ─────────────────────────────

interface GoalRow extends Row {
  id: string;
  agreement_id: string;
  area_id: string;
  section_id: string | null;
  position: number;
  title_fi: string;
  title_sv: string;
  description_fi: string;
  description_sv: string;
  row_version: number;
}
const toGoal = (r: GoalRow): Goal => ({
  id: r.id,
  agreementId: r.agreement_id,
  areaId: r.area_id,
  sectionId: r.section_id,
  position: r.position,
  title: { fi: r.title_fi, sv: r.title_sv },
  description: { fi: r.description_fi, sv: r.description_sv },
  rowVersion: r.row_version,
});
const GOAL_COLUMNS = 'id, agreement_id, area_id, section_id, position, title_fi, title_sv, description_fi, description_sv, row_version';

export async function findGoal(sql: Sql, id: string): Promise<Goal | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<GoalRow>(`SELECT ${GOAL_COLUMNS} FROM goal WHERE id = $1`, [id]);
  return rows[0] && toGoal(rows[0]);
}

export async function listGoals(sql: Sql, agreementId: string): Promise<Goal[]> {
  const rows = await sql.query<GoalRow>(`SELECT ${GOAL_COLUMNS} FROM goal WHERE agreement_id = $1 ORDER BY position, created_at`, [agreementId]);
  return rows.map(toGoal);
}

export async function insertGoal(tx: Tx, agreementId: string, areaId: string, f: TGoalInput, now: Date): Promise<Goal> {
  const rows = await tx.query<GoalRow>(
    `INSERT INTO goal (agreement_id, area_id, section_id, position, title_fi, title_sv, description_fi, description_sv, created_at, modified_at)
     VALUES ($1, $2, $3, (SELECT coalesce(max(position) + 1, 0) FROM goal WHERE area_id = $2), $4, $5, $6, $7, $8, $8)
     RETURNING ${GOAL_COLUMNS}`,
    [agreementId, areaId, f.sectionId, f.titleFi, f.titleSv, f.descriptionFi, f.descriptionSv, now],
  );
  return toGoal(rows[0]!);
}

export async function updateGoalRow(tx: Tx, id: string, rowVersion: number, f: TGoalInput, now: Date): Promise<Goal | undefined> {
  const rows = await tx.query<GoalRow>(
    `UPDATE goal SET section_id = $3, title_fi = $4, title_sv = $5, description_fi = $6, description_sv = $7, modified_at = $8, row_version = row_version + 1
     WHERE id = $1 AND row_version = $2 RETURNING ${GOAL_COLUMNS}`,
    [id, rowVersion, f.sectionId, f.titleFi, f.titleSv, f.descriptionFi, f.descriptionSv, now],
  );
  return rows[0] && toGoal(rows[0]);
}

// ───────────────────────────── measures ─────────────────────────────

interface MeasureRow extends Row {
  id: string;
  goal_id: string;
  position: number;
  title_fi: string;
  title_sv: string;
  responsible: string;
  starts_on: string | null;
  due_on: string | null;
  status: MeasureStatus;
  internal_notes: string;
  row_version: number;
  owner_ids: string[] | null;
}
const MEASURE_COLUMNS = `m.id, m.goal_id, m.position, m.title_fi, m.title_sv, m.responsible, m.starts_on::text AS starts_on, m.due_on::text AS due_on,
  m.status, m.internal_notes, m.row_version,
  (SELECT array_agg(o.party_id::text ORDER BY o.party_id) FROM goal_measure_owner o WHERE o.measure_id = m.id) AS owner_ids`;
const toMeasure = (r: MeasureRow): Measure => ({
  id: r.id,
  goalId: r.goal_id,
  position: r.position,
  title: { fi: r.title_fi, sv: r.title_sv },
  responsible: r.responsible,
  startsOn: r.starts_on,
  dueOn: r.due_on,
  status: r.status,
  internalNotes: r.internal_notes,
  ownerPartyIds: r.owner_ids ?? [],
  rowVersion: r.row_version,
});

export async function findMeasure(sql: Sql, id: string): Promise<Measure | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<MeasureRow>(`SELECT ${MEASURE_COLUMNS} FROM goal_measure m WHERE m.id = $1`, [id]);
  return rows[0] && toMeasure(rows[0]);
}

export async function listMeasures(sql: Sql, goalIds: readonly string[]): Promise<Measure[]> {
  if (goalIds.length === 0) return [];
  const rows = await sql.query<MeasureRow>(`SELECT ${MEASURE_COLUMNS} FROM goal_measure m WHERE m.goal_id = ANY($1::uuid[]) ORDER BY m.position, m.created_at`, [goalIds]);
  return rows.map(toMeasure);
}

async function replaceOwners(tx: Tx, measureId: string, ownerIds: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM goal_measure_owner WHERE measure_id = $1', [measureId]);
  await tx.query('INSERT INTO goal_measure_owner (measure_id, party_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [measureId, ownerIds]);
}

export async function insertMeasure(tx: Tx, goalId: string, f: TMeasureInput, now: Date): Promise<Measure> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO goal_measure (goal_id, position, title_fi, title_sv, responsible, starts_on, due_on, internal_notes, created_at, modified_at)
     VALUES ($1, (SELECT coalesce(max(position) + 1, 0) FROM goal_measure WHERE goal_id = $1), $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [goalId, f.titleFi, f.titleSv, f.responsible, f.startsOn, f.dueOn, f.internalNotes, now],
  );
  await replaceOwners(tx, rows[0]!.id, f.ownerPartyIds);
  return (await findMeasure(tx, rows[0]!.id))!;
}

export async function updateMeasureRow(tx: Tx, id: string, rowVersion: number, f: TMeasureInput & { status: MeasureStatus }, now: Date): Promise<Measure | undefined> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE goal_measure SET title_fi = $3, title_sv = $4, responsible = $5, starts_on = $6, due_on = $7, internal_notes = $8, status = $9,
       modified_at = $10, row_version = row_version + 1
     WHERE id = $1 AND row_version = $2 RETURNING id`,
    [id, rowVersion, f.titleFi, f.titleSv, f.responsible, f.startsOn, f.dueOn, f.internalNotes, f.status, now],
  );
  if (!rows[0]) return undefined;
  await replaceOwners(tx, id, f.ownerPartyIds);
  return findMeasure(tx, id);
}

export async function setMeasureStatus(tx: Tx, id: string, status: MeasureStatus, now: Date): Promise<void> {
  await tx.query('UPDATE goal_measure SET status = $2, modified_at = $3, row_version = row_version + 1 WHERE id = $1', [id, status, now]);
}

// ───────────────────────────── indicator links ─────────────────────────────

interface LinkRow extends Row {
  id: string;
  measure_id: string;
  indicator_id: string;
  scope: IndicatorScope;
  baseline_year: number;
  baseline_value: number;
  target_year: number;
  target_value: number;
  row_version: number;
}
const LINK_COLUMNS = 'id, measure_id, indicator_id, scope, baseline_year, baseline_value, target_year, target_value, row_version';
const toLink = (r: LinkRow): IndicatorLink => ({
  id: r.id,
  measureId: r.measure_id,
  indicatorId: r.indicator_id,
  scope: r.scope,
  baselineYear: Number(r.baseline_year),
  baselineValue: Number(r.baseline_value),
  targetYear: Number(r.target_year),
  targetValue: Number(r.target_value),
  rowVersion: r.row_version,
});

export async function findLink(sql: Sql, id: string): Promise<IndicatorLink | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM goal_measure_indicator WHERE id = $1`, [id]);
  return rows[0] && toLink(rows[0]);
}

export async function listLinks(sql: Sql, measureIds: readonly string[]): Promise<IndicatorLink[]> {
  if (measureIds.length === 0) return [];
  const rows = await sql.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM goal_measure_indicator WHERE measure_id = ANY($1::uuid[]) ORDER BY created_at`, [measureIds]);
  return rows.map(toLink);
}

export async function insertLink(tx: Tx, measureId: string, f: TIndicatorLinkInput, now: Date): Promise<IndicatorLink> {
  const rows = await tx.query<LinkRow>(
    `INSERT INTO goal_measure_indicator (measure_id, indicator_id, scope, baseline_year, baseline_value, target_year, target_value, created_at, modified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING ${LINK_COLUMNS}`,
    [measureId, f.indicatorId, f.scope, f.baselineYear, f.baselineValue, f.targetYear, f.targetValue, now],
  );
  return toLink(rows[0]!);
}

export async function updateLinkRow(tx: Tx, id: string, rowVersion: number, f: Omit<TIndicatorLinkInput, 'indicatorId'>, now: Date): Promise<IndicatorLink | undefined> {
  const rows = await tx.query<LinkRow>(
    `UPDATE goal_measure_indicator SET scope = $3, baseline_year = $4, baseline_value = $5, target_year = $6, target_value = $7, modified_at = $8,
       row_version = row_version + 1 WHERE id = $1 AND row_version = $2 RETURNING ${LINK_COLUMNS}`,
    [id, rowVersion, f.scope, f.baselineYear, f.baselineValue, f.targetYear, f.targetValue, now],
  );
  return rows[0] && toLink(rows[0]);
}

// ───────────────────────────── values ─────────────────────────────

export interface IndicatorInfo {
  id: string;
  title: { fi: string; sv: string; en: string };
  unit: string;
  decimals: number;
  direction: Direction;
}

export async function findIndicators(sql: Sql, ids: readonly string[]): Promise<Map<string, IndicatorInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: string; title_fi: string; title_sv: string; title_en: string; unit: string; decimals: number; direction: Direction }>(
    'SELECT id, title_fi, title_sv, title_en, unit, decimals, direction::text AS direction FROM indicator WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, title: { fi: r.title_fi, sv: r.title_sv || r.title_fi, en: r.title_en || r.title_fi }, unit: r.unit, decimals: Number(r.decimals), direction: r.direction }]));
}

/** The catalogue's yearly values (gender total) of one indicator for the areas. */
export async function catalogueValues(sql: Sql, indicatorId: string, areaCodes: readonly string[]): Promise<{ areaCode: string; year: number; value: number }[]> {
  if (areaCodes.length === 0) return [];
  const rows = await sql.query<{ area_code: string; year: number; value: number }>(
    `SELECT v.area_code, v.year, v.value FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num
     WHERE i.id = $1 AND v.area_type = ANY($3::text[]::indicator_area_type[]) AND v.area_code = ANY($2::text[]) AND v.gender = 'total'
     ORDER BY v.year`,
    // With the codes' area types the read is a prefix of indicator_value's primary key (migration 0013).
    [indicatorId, areaCodes, areaTypesOf(areaCodes)],
  );
  return rows.map((r) => ({ areaCode: r.area_code, year: Number(r.year), value: Number(r.value) }));
}

export interface PushedValue {
  linkId: string;
  areaCode: string;
  observedOn: string;
  value: number;
}

export async function pushedValues(sql: Sql, linkIds: readonly string[]): Promise<PushedValue[]> {
  if (linkIds.length === 0) return [];
  const rows = await sql.query<{ link_id: string; area_code: string; observed_on: string; value: number }>(
    'SELECT link_id, area_code, observed_on::text AS observed_on, value FROM goal_indicator_value WHERE link_id = ANY($1::uuid[]) ORDER BY observed_on',
    [linkIds],
  );
  return rows.map((r) => ({ linkId: r.link_id, areaCode: r.area_code, observedOn: r.observed_on, value: Number(r.value) }));
}

/** Returns the previous value for that date, if any (for the audit trail). */
export async function upsertPushedValue(tx: Tx, v: PushedValue & { partyId: string }, now: Date): Promise<number | null> {
  const before = await tx.query<{ value: number }>('SELECT value FROM goal_indicator_value WHERE link_id = $1 AND area_code = $2 AND observed_on = $3', [v.linkId, v.areaCode, v.observedOn]);
  await tx.query(
    `INSERT INTO goal_indicator_value (link_id, area_code, observed_on, value, party_id, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (link_id, area_code, observed_on) DO UPDATE SET value = EXCLUDED.value, party_id = EXCLUDED.party_id, recorded_at = EXCLUDED.recorded_at`,
    [v.linkId, v.areaCode, v.observedOn, v.value, v.partyId, now],
  );
  return before[0] ? Number(before[0].value) : null;
}

// ───────────────────────────── updates ─────────────────────────────

export interface MeasureUpdateEntry {
  id: string;
  partyId: string;
  status: MeasureStatus;
  body: string;
  linkId: string | null;
  areaCode: string | null;
  observedOn: string | null;
  value: number | null;
  authorLabel: string;
  createdAt: Date;
}

export async function insertMeasureUpdate(
  tx: Tx,
  u: Omit<MeasureUpdateEntry, 'id' | 'createdAt'> & { measureId: string; authorUserId: string | null },
  now: Date,
): Promise<MeasureUpdateEntry> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO goal_measure_update (measure_id, party_id, status, body, link_id, area_code, observed_on, value, author_user_id, author_label, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [u.measureId, u.partyId, u.status, u.body, u.linkId, u.areaCode, u.observedOn, u.value, u.authorUserId, u.authorLabel, now],
  );
  return { id: rows[0]!.id, partyId: u.partyId, status: u.status, body: u.body, linkId: u.linkId, areaCode: u.areaCode, observedOn: u.observedOn, value: u.value, authorLabel: u.authorLabel, createdAt: now };
}

export async function listMeasureUpdates(sql: Sql, measureId: string): Promise<MeasureUpdateEntry[]> {
  const rows = await sql.query<{
    id: string;
    party_id: string;
    status: MeasureStatus;
    body: string;
    link_id: string | null;
    area_code: string | null;
    observed_on: string | null;
    value: number | null;
    author_label: string;
    created_at: Date;
  }>(
    `SELECT id, party_id, status, body, link_id, area_code, observed_on::text AS observed_on, value, author_label, created_at
     FROM goal_measure_update WHERE measure_id = $1 ORDER BY created_at DESC, id LIMIT 100`,
    [measureId],
  );
  return rows.map((r) => ({
    id: r.id,
    partyId: r.party_id,
    status: r.status,
    body: r.body,
    linkId: r.link_id,
    areaCode: r.area_code,
    observedOn: r.observed_on,
    value: r.value === null ? null : Number(r.value),
    authorLabel: r.author_label,
    createdAt: new Date(r.created_at),
  }));
}
