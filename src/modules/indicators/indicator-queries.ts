import { arrayLiteral } from '#platform/db/copy-text.ts';
import type { Row, Sql, Tx } from '#platform/db/db.ts';
import type { CountyRef, SotkanetRegion } from './sotkanet-format.ts';
import { areaTypesOf, type Indicator, type IndicatorSource, type IndicatorValue, type AreaType, type Gender, type Direction } from './indicator.ts';
import type { ValueRow } from './merge.ts';
import type { MunicipalityChange } from './reference-mergers.ts';

// ---------------------------------------------------------------- catalogue

interface IndicatorRow extends Row {
  id: string;
  source: IndicatorSource;
  source_id: string;
  title_fi: string;
  title_sv: string;
  title_en: string;
  description_fi: string;
  description_sv: string;
  description_en: string;
  unit: string;
  decimals: number;
  direction: Direction;
  additive: boolean;
  organisation: string;
  owner_party_id: string | null;
  data_updated: string | null;
  licence: string;
  attribution: string;
  row_version: number;
}

const INDICATOR_COLUMNS = `id, source, source_id, title_fi, title_sv, title_en, description_fi, description_sv, description_en,
  unit, decimals, direction, additive, organisation, owner_party_id, data_updated, licence, attribution, row_version`;

function toIndicator(r: IndicatorRow): Indicator {
  return {
    id: r.id,
    source: r.source,
    sourceId: r.source_id,
    title: { fi: r.title_fi, sv: r.title_sv, en: r.title_en },
    description: { fi: r.description_fi, sv: r.description_sv, en: r.description_en },
    unit: r.unit,
    decimals: r.decimals,
    direction: r.direction,
    additive: r.additive,
    organisation: r.organisation,
    ownerPartyId: r.owner_party_id,
    dataUpdated: r.data_updated,
    licence: r.licence,
    attribution: r.attribution,
    rowVersion: r.row_version,
  };
}

export async function findIndicator(sql: Sql, id: string): Promise<Indicator | undefined> {
  const rows = await sql.query<IndicatorRow>(`SELECT ${INDICATOR_COLUMNS} FROM indicator WHERE id = $1`, [id]);
  return rows[0] ? toIndicator(rows[0]) : undefined;
}

export async function searchIndicators(
  sql: Sql,
  q: { source?: IndicatorSource; q?: string; limit: number; offset: number },
): Promise<{ items: Indicator[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.source) {
    params.push(q.source);
    where.push(`source = $${params.length}`);
  }
  if (q.q) {
    params.push(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(title_fi ILIKE $${params.length} OR title_sv ILIKE $${params.length} OR title_en ILIKE $${params.length} OR id ILIKE $${params.length})`);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM indicator ${w}`, params);
  const rows = await sql.query<IndicatorRow>(
    `SELECT ${INDICATOR_COLUMNS} FROM indicator ${w} ORDER BY source, title_fi, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, q.limit, q.offset],
  );
  return { items: rows.map(toIndicator), total: total[0]?.n ?? 0 };
}

/** A catalogue entry written by an importer. Undefined fields keep what is stored (a list gives only titles). */
export interface CatalogueUpsert {
  id: string;
  source: IndicatorSource;
  sourceId: string;
  titleFi: string;
  titleSv?: string;
  titleEn?: string;
  descriptionFi?: string;
  descriptionSv?: string;
  descriptionEn?: string;
  unit?: string;
  decimals?: number;
  additive?: boolean;
  organisation?: string;
  dataUpdated?: string | null;
  licence: string;
  attribution: string;
}

/**
 * Inserts or refreshes catalogue entries from a source. What the source does not give (undefined or empty:
 * a list has only titles; StatFin has one language) keeps what is stored, and what people set (direction,
 * owner) is never touched; row_version grows only when something changed. Returns the ids inserted and updated.
 */
export async function upsertCatalogue(tx: Tx, entries: CatalogueUpsert[], now: Date): Promise<{ inserted: string[]; updated: string[] }> {
  if (entries.length === 0) return { inserted: [], updated: [] };
  const stored = await tx.query<IndicatorRow>(`SELECT ${INDICATOR_COLUMNS} FROM indicator WHERE id = ANY($1::text[])`, [entries.map((e) => e.id)]);
  const byId = new Map(stored.map((r) => [r.id, r]));
  const keep = (next: string | undefined, old: string | undefined) => (next === undefined || next === '' ? (old ?? '') : next);
  const rows = entries.map((e) => {
    const o = byId.get(e.id);
    return {
      id: e.id,
      source: e.source,
      source_id: e.sourceId,
      title_fi: keep(e.titleFi, o?.title_fi),
      title_sv: keep(e.titleSv, o?.title_sv),
      title_en: keep(e.titleEn, o?.title_en),
      description_fi: keep(e.descriptionFi, o?.description_fi),
      description_sv: keep(e.descriptionSv, o?.description_sv),
      description_en: keep(e.descriptionEn, o?.description_en),
      unit: keep(e.unit, o?.unit),
      decimals: e.decimals ?? o?.decimals ?? 0,
      additive: e.additive ?? o?.additive ?? false,
      organisation: keep(e.organisation, o?.organisation),
      data_updated: e.dataUpdated ?? o?.data_updated ?? null,
      licence: e.licence,
      attribution: e.attribution,
    };
  });
  const res = await tx.query<{ id: string; inserted: boolean }>(
    `INSERT INTO indicator AS i (id, source, source_id, title_fi, title_sv, title_en, description_fi, description_sv,
        description_en, unit, decimals, additive, organisation, data_updated, licence, attribution, created_at, modified_at)
     SELECT id, source::indicator_source, source_id, title_fi, title_sv, title_en, description_fi, description_sv,
        description_en, unit, decimals, additive, organisation, data_updated, licence, attribution, $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, source text, source_id text, title_fi text, title_sv text,
        title_en text, description_fi text, description_sv text, description_en text, unit text, decimals smallint,
        additive boolean, organisation text, data_updated date, licence text, attribution text)
     ON CONFLICT (id) DO UPDATE SET
        title_fi = EXCLUDED.title_fi, title_sv = EXCLUDED.title_sv, title_en = EXCLUDED.title_en,
        description_fi = EXCLUDED.description_fi, description_sv = EXCLUDED.description_sv,
        description_en = EXCLUDED.description_en, unit = EXCLUDED.unit, decimals = EXCLUDED.decimals,
        additive = EXCLUDED.additive, organisation = EXCLUDED.organisation, data_updated = EXCLUDED.data_updated,
        licence = EXCLUDED.licence, attribution = EXCLUDED.attribution,
        row_version = i.row_version + 1, modified_at = EXCLUDED.modified_at
      WHERE (i.title_fi, i.title_sv, i.title_en, i.description_fi, i.description_sv, i.description_en, i.unit, i.decimals,
             i.additive, i.organisation, i.data_updated, i.licence, i.attribution)
        IS DISTINCT FROM (EXCLUDED.title_fi, EXCLUDED.title_sv, EXCLUDED.title_en, EXCLUDED.description_fi,
             EXCLUDED.description_sv, EXCLUDED.description_en, EXCLUDED.unit, EXCLUDED.decimals, EXCLUDED.additive,
             EXCLUDED.organisation, EXCLUDED.data_updated, EXCLUDED.licence, EXCLUDED.attribution)
     RETURNING id, (xmax = 0) AS inserted`,
    [JSON.stringify(rows), now],
  );
  return { inserted: res.filter((r) => r.inserted).map((r) => r.id), updated: res.filter((r) => !r.inserted).map((r) => r.id) };
}

export interface CustomIndicatorFields {
  titleFi: string;
  titleSv: string;
  titleEn: string;
  descriptionFi: string;
  descriptionSv: string;
  descriptionEn: string;
  unit: string;
  decimals: number;
  direction: Direction;
  additive: boolean;
  organisation: string;
  licence: string;
  attribution: string;
}

export async function insertCustomIndicator(tx: Tx, id: string, key: string, ownerPartyId: string | null, f: CustomIndicatorFields, now: Date): Promise<Indicator | undefined> {
  const rows = await tx.query<IndicatorRow>(
    `INSERT INTO indicator (id, source, source_id, title_fi, title_sv, title_en, description_fi, description_sv, description_en,
        unit, decimals, direction, additive, organisation, owner_party_id, licence, attribution, created_at, modified_at)
     VALUES ($1, 'custom', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::indicator_direction, $12, $13, $14, $15, $16, $17, $17)
     ON CONFLICT DO NOTHING
     RETURNING ${INDICATOR_COLUMNS}`,
    [id, key, f.titleFi, f.titleSv, f.titleEn, f.descriptionFi, f.descriptionSv, f.descriptionEn, f.unit, f.decimals, f.direction,
      f.additive, f.organisation, ownerPartyId, f.licence, f.attribution, now],
  );
  return rows[0] ? toIndicator(rows[0]) : undefined;
}

/** Updates what people maintain. Source-given texts of Sotkanet/StatFin entries are refreshed by imports. */
export async function updateIndicatorRow(tx: Tx, id: string, rowVersion: number, f: CustomIndicatorFields, now: Date): Promise<Indicator | undefined> {
  const rows = await tx.query<IndicatorRow>(
    `UPDATE indicator SET title_fi = $3, title_sv = $4, title_en = $5, description_fi = $6, description_sv = $7,
        description_en = $8, unit = $9, decimals = $10, direction = $11::indicator_direction, additive = $12,
        organisation = $13, licence = $14, attribution = $15, row_version = row_version + 1, modified_at = $16
      WHERE id = $1 AND row_version = $2
      RETURNING ${INDICATOR_COLUMNS}`,
    [id, rowVersion, f.titleFi, f.titleSv, f.titleEn, f.descriptionFi, f.descriptionSv, f.descriptionEn, f.unit, f.decimals,
      f.direction, f.additive, f.organisation, f.licence, f.attribution, now],
  );
  return rows[0] ? toIndicator(rows[0]) : undefined;
}

// ---------------------------------------------------------------- areas and lookups

/** Catalogue ids → compact key and whether values add up. */
export async function catalogueKeys(sql: Sql, ids: readonly string[]): Promise<Map<string, { num: number; additive: boolean; source: IndicatorSource; ownerPartyId: string | null }>> {
  const rows = await sql.query<{ id: string; num: number; additive: boolean; source: IndicatorSource; owner_party_id: string | null }>(
    'SELECT id, num, additive, source, owner_party_id FROM indicator WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { num: r.num, additive: r.additive, source: r.source, ownerPartyId: r.owner_party_id }]));
}

/** Reference areas (tables of the parties module, read only): municipalities in force, mergers, counties, regions. */
export async function areaReference(sql: Sql): Promise<{
  municipalities: Set<string>;
  /** Changes stored by import-reference (municipality_change) and municipalities ended by a merger. */
  changes: MunicipalityChange[];
  counties: CountyRef[];
  regions: Set<string>;
}> {
  const m = await sql.query<{ code: string }>(
    `SELECT code FROM party WHERE type IN ('municipality', 'city_of_helsinki') AND ended_on IS NULL`,
  );
  const merged = await sql.query<{ code: string; successor: string; ended_on: string }>(
    `SELECT p.code, s.code AS successor, p.ended_on FROM party p JOIN party s ON s.id = p.successor_id
      WHERE p.type = 'municipality' AND p.ended_on IS NOT NULL`,
  );
  const counties = await sql.query<{ code: string; statfi_class_code: string; sotkanet_id: number | null; name_fi: string }>(
    'SELECT code, statfi_class_code, sotkanet_id, name_fi FROM county',
  );
  const regions = await sql.query<{ code: string }>('SELECT code FROM region');
  const stored = await sql.query<{ effective_date: string; old_code: string; new_code: string; change: string }>(
    `SELECT effective_date::text AS effective_date, old_code, new_code, change FROM municipality_change ORDER BY effective_date, old_code, new_code`,
  );
  return {
    municipalities: new Set(m.map((r) => r.code)),
    changes: [
      ...stored.map((r) => ({ effectiveDate: r.effective_date, oldCode: r.old_code, newCode: r.new_code, change: r.change })),
      ...merged.map((r) => ({ effectiveDate: String(r.ended_on).slice(0, 10), oldCode: r.code, newCode: r.successor, change: 'merged_into_existing' })),
    ],
    counties: counties.map((c) => ({ code: c.code, classCode: c.statfi_class_code, sotkanetId: c.sotkanet_id, nameFi: c.name_fi })),
    regions: new Set(regions.map((r) => r.code)),
  };
}

/** A party's own area codes: a municipality its code, the City of Helsinki also HVA90, a county HVA.., a regional council its region. */
export async function partyAreaCodes(sql: Sql, partyId: string): Promise<string[] | undefined> {
  const rows = await sql.query<{ type: string; code: string; county_code: string | null; region_code: string | null }>(
    'SELECT type::text, code, county_code, region_code FROM party WHERE id = $1 AND ended_on IS NULL',
    [partyId],
  );
  const p = rows[0];
  if (!p) return undefined;
  switch (p.type) {
    case 'municipality':
    case 'wellbeing_services_county':
      return [p.code];
    case 'city_of_helsinki':
      return [p.code, p.county_code ?? 'HVA90'];
    case 'regional_council':
      return p.region_code ? [p.region_code] : [];
    default:
      return [];
  }
}

// ---------------------------------------------------------------- Sotkanet region snapshot

interface SnapshotRow extends Row {
  sotkanet_id: number;
  code: string;
  category: string;
  title_fi: string;
  title_sv: string;
  title_en: string;
  uri: string | null;
  member_of: number[];
}

export async function readSotkanetSnapshot(sql: Sql): Promise<{ regions: SotkanetRegion[]; updatedAt: Date | null }> {
  const rows = await sql.query<SnapshotRow>('SELECT sotkanet_id, code, category, title_fi, title_sv, title_en, uri, member_of FROM sotkanet_region');
  const at = await sql.query<{ t: Date | null }>('SELECT max(updated_at) AS t FROM sotkanet_region');
  return {
    regions: rows.map((r) => ({
      id: r.sotkanet_id,
      code: r.code,
      category: r.category,
      title: { fi: r.title_fi, sv: r.title_sv, en: r.title_en },
      uri: r.uri,
      memberOf: r.member_of,
    })),
    updatedAt: at[0]?.t ? new Date(at[0].t) : null,
  };
}

/** Replaces the snapshot with a new /regions answer. */
export async function replaceSotkanetSnapshot(tx: Tx, regions: readonly SotkanetRegion[], now: Date): Promise<void> {
  await tx.query('DELETE FROM sotkanet_region');
  await tx.query(
    `INSERT INTO sotkanet_region (sotkanet_id, code, category, title_fi, title_sv, title_en, uri, member_of, updated_at)
     SELECT id, code, category, title_fi, title_sv, title_en, uri,
            ARRAY(SELECT jsonb_array_elements_text(member_of)::int), $2
       FROM jsonb_to_recordset($1::jsonb) AS x(id int, code text, category text, title_fi text, title_sv text, title_en text,
            uri text, member_of jsonb)
     ON CONFLICT (sotkanet_id) DO NOTHING`,
    [
      JSON.stringify(
        regions.map((r) => ({
          id: r.id,
          code: r.code,
          category: r.category,
          title_fi: r.title.fi,
          title_sv: r.title.sv,
          title_en: r.title.en,
          uri: r.uri,
          member_of: r.memberOf,
        })),
      ),
      now,
    ],
  );
}

// ---------------------------------------------------------------- import log

export interface ImportLogStart {
  source: string;
  fileName: string;
  status: 'imported' | 'rejected';
  partyId: string | null;
  startedAt: Date;
  actorLabel: string;
  actorUserId: string | null;
}

export async function insertImportLog(tx: Tx, s: ImportLogStart): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO indicator_import (source, file_name, status, party_id, started_at, actor_label, actor_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [s.source, s.fileName, s.status, s.partyId, s.startedAt, s.actorLabel, s.actorUserId],
  );
  return Number(rows[0]!.id);
}

export async function finishImportLog(
  tx: Tx,
  id: number,
  f: { finishedAt: Date; rowsRead: number; inserted: number; updated: number; unchanged: number; skipped: number; report: object },
): Promise<void> {
  await tx.query(
    `UPDATE indicator_import SET finished_at = $2, rows_read = $3, rows_inserted = $4, rows_updated = $5, rows_unchanged = $6,
        rows_skipped = $7, report = $8 WHERE id = $1`,
    [id, f.finishedAt, f.rowsRead, f.inserted, f.updated, f.unchanged, f.skipped, JSON.stringify(f.report)],
  );
}

export interface ImportLogEntry {
  id: number;
  source: string;
  fileName: string;
  status: 'imported' | 'rejected';
  partyId: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  report: Record<string, unknown>;
  actor: string;
}

export async function listImportLog(sql: Sql, limit: number, offset: number): Promise<ImportLogEntry[]> {
  const rows = await sql.query<{
    id: number;
    source: string;
    file_name: string;
    status: 'imported' | 'rejected';
    party_id: string | null;
    started_at: Date;
    finished_at: Date | null;
    rows_read: number;
    rows_inserted: number;
    rows_updated: number;
    rows_unchanged: number;
    rows_skipped: number;
    report: Record<string, unknown>;
    actor_label: string;
  }>(
    `SELECT id, source, file_name, status, party_id, started_at, finished_at, rows_read, rows_inserted, rows_updated,
            rows_unchanged, rows_skipped, report, actor_label
       FROM indicator_import ORDER BY started_at DESC, id DESC LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    source: r.source,
    fileName: r.file_name,
    status: r.status,
    partyId: r.party_id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    rowsRead: r.rows_read,
    inserted: r.rows_inserted,
    updated: r.rows_updated,
    unchanged: r.rows_unchanged,
    skipped: r.rows_skipped,
    report: r.report,
    actor: r.actor_label,
  }));
}

// ---------------------------------------------------------------- values: upsert

// ---------------------------------------------------------------- values: reading

export async function findValues(
  sql: Sql,
  q: { indicatorId: string; areaCodes?: readonly string[]; yearFrom?: number; yearTo?: number; gender?: Gender },
): Promise<IndicatorValue[]> {
  const params: unknown[] = [q.indicatorId];
  const where = ['i.id = $1'];
  if (q.areaCodes && q.areaCodes.length) {
    // The codes' types too, so the read is a prefix of the primary key (indicator_num, area_type, area_code, …).
    params.push(areaTypesOf(q.areaCodes));
    where.push(`v.area_type = ANY($${params.length}::text[]::indicator_area_type[])`);
    params.push(q.areaCodes);
    where.push(`v.area_code = ANY($${params.length}::text[])`);
  }
  if (q.yearFrom !== undefined) {
    params.push(q.yearFrom);
    where.push(`v.year >= $${params.length}`);
  }
  if (q.yearTo !== undefined) {
    params.push(q.yearTo);
    where.push(`v.year <= $${params.length}`);
  }
  if (q.gender) {
    params.push(q.gender);
    where.push(`v.gender = $${params.length}::indicator_gender`);
  }
  const rows = await sql.query<{
    area_type: AreaType;
    area_code: string;
    year: number;
    gender: Gender;
    value: number;
    abs_value: number | null;
    source_area_code: string | null;
  }>(
    `SELECT v.area_type, v.area_code, v.year, v.gender, v.value, v.abs_value, v.source_area_code
       FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num
      WHERE ${where.join(' AND ')}
      ORDER BY v.area_type, v.area_code, v.year, v.gender`,
    params,
  );
  return rows.map((r) => ({
    indicatorId: q.indicatorId,
    areaType: r.area_type,
    areaCode: r.area_code,
    year: r.year,
    gender: r.gender,
    value: r.value,
    absValue: r.abs_value,
    sourceAreaCode: r.source_area_code,
  }));
}

/**
 * Writes checked rows inside the import's transaction (see docs/decisions/0008-indicator-import-with-copy.md):
 * 1. lock indicator_value against other writers (SHARE ROW EXCLUSIVE: readers go on, a second import waits), so
 *    what is stored cannot change under the steps below;
 * 2. read what is stored for the file's indicators and years with the database's own COPY … TO (one pass, about
 *    6× cheaper than a result set on PGlite) and compare it with the rows in memory: each row is new, unchanged
 *    or changed (value, absolute value or provenance differ; the same rule as SQL's IS DISTINCT FROM on float8:
 *    NaN equals NaN, -0 equals 0). A re-import of the same file stops here: it writes and locks no row;
 * 3. write only the new rows, with the bulk path that is fastest on the database (`insertValues`), and update
 *    only the changed ones by their primary key, the UPDATE itself checking IS DISTINCT FROM once more and
 *    counting the rows it changed. Plain INSERT, not ON CONFLICT: its speculative insertion made a million new
 *    rows about 3× slower, and the lock makes it unnecessary.
 * `onWritten` gets how many of the rows are done (unchanged ones count as done once compared).
 * Returns the counts; the rest of the rows were unchanged. Rows within an import are unique (checked before).
 */
export async function writeValues(
  tx: Tx,
  rows: readonly ValueRow[],
  importId: number,
  onWritten: (done: number) => void = () => {},
): Promise<{ inserted: number; updated: number }> {
  await tx.exec('LOCK TABLE indicator_value IN SHARE ROW EXCLUSIVE MODE');
  const state = await compareWithStored(tx, rows);
  const fresh: ValueRow[] = [];
  const changed: ValueRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (state[i] === NEW) fresh.push(rows[i]!);
    else if (state[i] === CHANGED) changed.push(rows[i]!);
  }
  let done = rows.length - fresh.length - changed.length;
  onWritten(done);
  const inserted = await insertValues(tx, fresh, importId, (n) => onWritten((done += n)));
  let updated = 0;
  for (let i = 0; i < changed.length; i += UPDATE_ROWS) {
    const chunk = changed.slice(i, i + UPDATE_ROWS);
    const res = await tx.query<{ n: number }>(
      `WITH u AS (
         UPDATE indicator_value v SET value = s.value, abs_value = s.abs_value, source_area_code = s.source_area_code, period = s.period,
                import_id = $10
           FROM unnest($1::int[], $2::text[], $3::text[], $4::smallint[], $5::text[], $6::float8[], $7::float8[], $8::text[], $9::text[])
                AS s(indicator_num, area_type, area_code, year, gender, value, abs_value, source_area_code, period)
          WHERE v.indicator_num = s.indicator_num AND v.area_type = s.area_type::indicator_area_type AND v.area_code = s.area_code
            AND v.year = s.year AND v.gender = s.gender::indicator_gender
            AND (v.value, v.abs_value, v.source_area_code, v.period) IS DISTINCT FROM (s.value, s.abs_value, s.source_area_code, s.period)
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM u`,
      [...valueColumns(chunk).map(arrayLiteral), importId],
    );
    updated += res[0]?.n ?? 0;
    onWritten((done += chunk.length));
  }
  return { inserted, updated };
}

/** What writeValues would do, without writing (an import's preview): counts of new and changed rows, the changed ones. */
export async function compareValues(tx: Tx, rows: readonly ValueRow[]): Promise<{ inserted: number; updated: number; changed: ValueRow[] }> {
  const state = await compareWithStored(tx, rows);
  let inserted = 0;
  const changed: ValueRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (state[i] === NEW) inserted++;
    else if (state[i] === CHANGED) changed.push(rows[i]!);
  }
  return { inserted, updated: changed.length, changed };
}

/** Rows per COPY on PostgreSQL (the CLI's progress moves after each). */
const COPY_ROWS = 250_000;
/** Rows per INSERT … SELECT FROM unnest($arrays) on PGlite, and per UPDATE on both. */
const INSERT_ROWS = 50_000;
const UPDATE_ROWS = 50_000;

const NEW = 0;
const UNCHANGED = 1;
const CHANGED = 2;
const GENDER_INDEX: Record<string, number> = { total: 0, male: 1, female: 2 };

/**
 * For each row: NEW (not stored), UNCHANGED or CHANGED, from one COPY … TO of what is stored for the rows'
 * indicators and years. Stored rows are matched per indicator by the key (area × 512 + year − 1800) × 4 +
 * gender, a small integer (years are 1900–2200 by the table's check, areas at most a few hundred).
 */
async function compareWithStored(tx: Tx, rows: readonly ValueRow[]): Promise<Uint8Array> {
  const state = new Uint8Array(rows.length); // NEW = 0
  if (rows.length === 0) return state;
  // Nothing stored yet for these indicators (a first import): every row is new, no need to build the keys.
  const nums = [...new Set(rows.map((r) => r.indicatorNum))];
  const any = await tx.query<{ any: boolean }>('SELECT EXISTS (SELECT FROM indicator_value WHERE indicator_num = ANY($1::int[])) AS any', [nums]);
  if (!any[0]?.any) return state;
  // Row positions by indicator, then by a small-integer key of area, year and gender (fast Map keys).
  const areaIndex = new Map<string, Map<string, number>>();
  const positions = new Map<number, Map<number, number>>();
  let areas = 0;
  let minYear = Infinity;
  let maxYear = -Infinity;
  const key = (area: number, year: number, gender: string) => (area * 512 + (year - 1800)) * 4 + GENDER_INDEX[gender]!;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let codes = areaIndex.get(r.areaType);
    if (!codes) areaIndex.set(r.areaType, (codes = new Map()));
    let ai = codes.get(r.areaCode);
    if (ai === undefined) codes.set(r.areaCode, (ai = areas++));
    let at = positions.get(r.indicatorNum);
    if (!at) positions.set(r.indicatorNum, (at = new Map()));
    at.set(key(ai, r.year, r.gender), i);
    if (r.year < minYear) minYear = r.year;
    if (r.year > maxYear) maxYear = r.year;
  }
  if (areas > 65536) throw new Error('writeValues: too many areas in one import');
  for (const n of nums) if (!Number.isSafeInteger(n)) throw new Error(`writeValues: bad indicator number ${n}`);
  if (!Number.isInteger(minYear) || !Number.isInteger(maxYear)) throw new Error('writeValues: bad year');
  // float8 as text in its shortest exact form (the default since PostgreSQL 12), so Number() gives back the stored double.
  await tx.exec('SET LOCAL extra_float_digits = 1');
  let lastNum = '';
  let at: Map<number, number> | undefined;
  // COPY takes no parameters: the literals are integers checked above.
  await tx.copyTo(
    `SELECT indicator_num, area_type, area_code, year, gender, value, abs_value, source_area_code, period
       FROM indicator_value
      WHERE indicator_num = ANY('{${nums.join(',')}}'::int[]) AND year BETWEEN ${minYear} AND ${maxYear}`,
    (f) => {
      if (f[0] !== lastNum) at = positions.get(Number((lastNum = f[0]!)));
      const ai = areaIndex.get(f[1]!)?.get(f[2]!);
      if (at === undefined || ai === undefined) return;
      const i = at.get(key(ai, Number(f[3]), f[4]!));
      if (i === undefined) return;
      const r = rows[i]!;
      state[i] =
        sameFloat(r.value, Number(f[5])) && sameFloat(r.absValue, f[6] === null ? null : Number(f[6])) && r.sourceAreaCode === f[7] && r.period === f[8]
          ? UNCHANGED
          : CHANGED;
    },
  );
  return state;
}

/** float8 equality as IS NOT DISTINCT FROM has it: NULL equals NULL, NaN equals NaN, -0 equals 0. */
function sameFloat(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/**
 * Inserts rows known to be new (under the lock), with the bulk path measured fastest on each database for a
 * million rows (docs/indicators.md): COPY … FROM STDIN on PostgreSQL (≈ 3 s of CPU, against ≈ 4 s for
 * INSERT … unnest), INSERT … SELECT FROM unnest($arrays) in chunks on PGlite (≈ 7 s, against ≈ 12 s for its
 * COPY FROM '/dev/blob'). Returns the number of rows inserted.
 */
async function insertValues(tx: Tx, rows: readonly ValueRow[], importId: number, onChunk: (n: number) => void): Promise<number> {
  const columns = ['indicator_num', 'area_type', 'area_code', 'year', 'gender', 'value', 'abs_value', 'source_area_code', 'period', 'import_id'];
  let inserted = 0;
  const step = tx.kind === 'postgres' ? COPY_ROWS : INSERT_ROWS;
  for (let i = 0; i < rows.length; i += step) {
    const chunk = rows.slice(i, i + step);
    if (tx.kind === 'postgres') {
      inserted += await tx.copyFrom('indicator_value', columns, [...valueColumns(chunk), new Array<number>(chunk.length).fill(importId)]);
    } else {
      await tx.query(
        `INSERT INTO indicator_value (${columns.join(', ')})
         SELECT s.indicator_num, s.area_type::indicator_area_type, s.area_code, s.year, s.gender::indicator_gender, s.value,
                s.abs_value, s.source_area_code, s.period, $10
           FROM unnest($1::int[], $2::text[], $3::text[], $4::smallint[], $5::text[], $6::float8[], $7::float8[], $8::text[], $9::text[])
                AS s(indicator_num, area_type, area_code, year, gender, value, abs_value, source_area_code, period)`,
        [...valueColumns(chunk).map(arrayLiteral), importId],
      );
      // A plain INSERT inserts every row or fails (a key already stored would be a unique violation).
      inserted += chunk.length;
    }
    onChunk(chunk.length);
  }
  return inserted;
}

/** The rows as column arrays: indicator_num, area_type, area_code, year, gender, value, abs_value, source_area_code, period. */
function valueColumns(
  rows: readonly ValueRow[],
): [number[], string[], string[], number[], string[], number[], (number | null)[], (string | null)[], (string | null)[]] {
  const n = rows.length;
  const num = new Array<number>(n);
  const type = new Array<string>(n);
  const code = new Array<string>(n);
  const year = new Array<number>(n);
  const gender = new Array<string>(n);
  const value = new Array<number>(n);
  const abs = new Array<number | null>(n);
  const src = new Array<string | null>(n);
  const period = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    num[i] = r.indicatorNum;
    type[i] = r.areaType;
    code[i] = r.areaCode;
    year[i] = r.year;
    gender[i] = r.gender;
    value[i] = r.value;
    abs[i] = r.absValue;
    src[i] = r.sourceAreaCode;
    period[i] = r.period;
  }
  return [num, type, code, year, gender, value, abs, src, period];
}

/** Which of these parties are an active wellbeing services county or the City of Helsinki. */
export async function countyPartiesAmong(sql: Sql, partyIds: readonly string[]): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `SELECT id FROM party WHERE id = ANY($1::uuid[]) AND type IN ('wellbeing_services_county', 'city_of_helsinki') AND ended_on IS NULL`,
    [partyIds],
  );
  return rows.map((r) => r.id);
}
