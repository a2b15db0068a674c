import type { Row, Sql } from '#platform/db/db.ts';
import type { CooperationRegion, Party, PartyBody, PartyLanguage, PartyType, Region } from './party.ts';
import type { TPartyListQuery } from './party-schemas.ts';

interface PartyRow extends Row {
  id: string;
  type: PartyType;
  code: string;
  business_id: string | null;
  business_id_source: string | null;
  name_fi: string;
  name_sv: string;
  name_en: string;
  language: PartyLanguage;
  region_code: string | null;
  county_code: string | null;
  population: number | null;
  population_year: number | null;
  email: string | null;
  phone: string | null;
  street_address: string | null;
  postal_code: string | null;
  post_office: string | null;
  website: string | null;
  ended_on: string | null;
  successor_id: string | null;
  row_version: number;
}

const PARTY_COLUMNS = `p.id, p.type, p.code, p.business_id, p.business_id_source, p.name_fi, p.name_sv, p.name_en,
  p.language, p.region_code, p.county_code, p.population, p.population_year, p.email, p.phone,
  p.street_address, p.postal_code, p.post_office, p.website, p.ended_on, p.successor_id, p.row_version`;

export function toParty(r: PartyRow): Party {
  return {
    id: r.id,
    type: r.type,
    code: r.code,
    businessId: r.business_id,
    businessIdSource: r.business_id_source,
    name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
    language: r.language,
    regionCode: r.region_code,
    countyCode: r.county_code,
    population: r.population,
    populationYear: r.population_year,
    contact: {
      email: r.email,
      phone: r.phone,
      streetAddress: r.street_address,
      postalCode: r.postal_code,
      postOffice: r.post_office,
      website: r.website,
    },
    endedOn: r.ended_on,
    successorId: r.successor_id,
    rowVersion: r.row_version,
  };
}

/** Parties sort: county (or Helsinki) first, then the regional council, then municipalities by name. */
const PARTY_ORDER = `CASE p.type WHEN 'wellbeing_services_county' THEN 0 WHEN 'city_of_helsinki' THEN 0
  WHEN 'regional_council' THEN 1 ELSE 2 END, p.name_fi, p.code`;

export async function findPartyById(sql: Sql, id: string): Promise<Party | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const rows = await sql.query<PartyRow>(`SELECT ${PARTY_COLUMNS} FROM party p WHERE p.id = $1`, [id]);
  return rows[0] && toParty(rows[0]);
}

export async function findActivePartyByCode(sql: Sql, code: string): Promise<Party | undefined> {
  const rows = await sql.query<PartyRow>(`SELECT ${PARTY_COLUMNS} FROM party p WHERE p.code = $1 AND p.ended_on IS NULL`, [
    code,
  ]);
  return rows[0] && toParty(rows[0]);
}

export async function searchParties(sql: Sql, q: TPartyListQuery): Promise<{ items: Party[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (!q.includeEnded) where.push('p.ended_on IS NULL');
  if (q.type) add('p.type = ?', q.type);
  if (q.region) add('p.region_code = ?', q.region);
  if (q.county) add('p.county_code = ?', q.county);
  if (q.q) {
    params.push(`%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const i = params.length;
    where.push(
      `(lower(p.name_fi) LIKE $${i} OR lower(p.name_sv) LIKE $${i} OR lower(p.name_en) LIKE $${i} OR p.code LIKE $${i} OR p.business_id LIKE $${i})`,
    );
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [count] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM party p ${w}`, params);
  const rows = await sql.query<PartyRow>(
    `SELECT ${PARTY_COLUMNS} FROM party p ${w} ORDER BY ${PARTY_ORDER} LIMIT ${q.limit} OFFSET ${q.offset}`,
    params,
  );
  return { items: rows.map(toParty), total: count?.n ?? 0 };
}

/** Active parties of one cooperation region: the county (or Helsinki), its municipalities, its regional council. */
export async function partiesOfCooperationRegion(sql: Sql, countyCode: string): Promise<Party[]> {
  const rows = await sql.query<PartyRow>(
    `SELECT ${PARTY_COLUMNS} FROM party p
      WHERE p.ended_on IS NULL
        AND (p.county_code = $1
             OR (p.type = 'regional_council' AND p.region_code = (SELECT region_code FROM county WHERE code = $1)))
      ORDER BY ${PARTY_ORDER}`,
    [countyCode],
  );
  return rows.map(toParty);
}

interface CooperationRegionRow extends Row {
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  short_name_fi: string;
  short_name_sv: string;
  region_code: string;
  region_name_fi: string;
  region_name_sv: string;
  region_name_en: string;
  collaborative_area_name_fi: string;
  population: number;
  municipality_count: number;
  party_count: number;
  county_type: 'wellbeing_services_county' | 'city_of_helsinki';
}

const REGION_SELECT = `SELECT c.code, c.name_fi, c.name_sv, c.name_en, c.short_name_fi, c.short_name_sv, c.region_code,
    r.name_fi AS region_name_fi, r.name_sv AS region_name_sv, r.name_en AS region_name_en,
    c.collaborative_area_name_fi, c.population,
    (SELECT count(*)::int FROM party m WHERE m.county_code = c.code AND m.ended_on IS NULL
       AND m.type IN ('municipality', 'city_of_helsinki')) AS municipality_count,
    (SELECT count(*)::int FROM party m WHERE m.ended_on IS NULL AND (m.county_code = c.code
       OR (m.type = 'regional_council' AND m.region_code = c.region_code))) AS party_count,
    CASE WHEN c.code = 'HVA90' THEN 'city_of_helsinki' ELSE 'wellbeing_services_county' END AS county_type
  FROM county c JOIN region r ON r.code = c.region_code`;

function toCooperationRegion(r: CooperationRegionRow): CooperationRegion {
  return {
    code: r.code,
    name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
    shortName: { fi: r.short_name_fi, sv: r.short_name_sv },
    type: r.county_type,
    regionCode: r.region_code,
    regionName: { fi: r.region_name_fi, sv: r.region_name_sv, en: r.region_name_en },
    collaborativeAreaName: r.collaborative_area_name_fi,
    population: r.population,
    municipalityCount: r.municipality_count,
    partyCount: r.party_count,
  };
}

export async function listCooperationRegionRows(sql: Sql): Promise<CooperationRegion[]> {
  const rows = await sql.query<CooperationRegionRow>(`${REGION_SELECT} ORDER BY c.code`);
  return rows.map(toCooperationRegion);
}

export async function findCooperationRegion(sql: Sql, code: string): Promise<CooperationRegion | undefined> {
  const rows = await sql.query<CooperationRegionRow>(`${REGION_SELECT} WHERE c.code = $1`, [code]);
  return rows[0] && toCooperationRegion(rows[0]);
}

export async function listRegionRows(sql: Sql): Promise<Region[]> {
  const rows = await sql.query<{ code: string; name_fi: string; name_sv: string; name_en: string; population: number }>(
    'SELECT code, name_fi, name_sv, name_en, population FROM region ORDER BY code',
  );
  return rows.map((r) => ({ code: r.code, name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en }, population: r.population }));
}

interface BodyRow extends Row {
  id: string;
  party_id: string;
  kind: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  position: number;
  row_version: number;
}
const toBody = (r: BodyRow): PartyBody => ({
  id: r.id,
  partyId: r.party_id,
  kind: r.kind,
  name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
  position: r.position,
  rowVersion: r.row_version,
});

export async function listBodies(sql: Sql, partyId: string): Promise<PartyBody[]> {
  const rows = await sql.query<BodyRow>(
    `SELECT id, party_id, kind, name_fi, name_sv, name_en, position, row_version FROM party_body
      WHERE party_id = $1 AND removed_at IS NULL ORDER BY position, name_fi`,
    [partyId],
  );
  return rows.map(toBody);
}

export async function findBody(sql: Sql, id: string): Promise<PartyBody | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const rows = await sql.query<BodyRow>(
    `SELECT id, party_id, kind, name_fi, name_sv, name_en, position, row_version FROM party_body
      WHERE id = $1 AND removed_at IS NULL`,
    [id],
  );
  return rows[0] && toBody(rows[0]);
}

export async function insertBody(
  sql: Sql,
  b: { partyId: string; kind: string; nameFi: string; nameSv: string; nameEn: string; position: number },
  now: Date,
): Promise<PartyBody> {
  const rows = await sql.query<BodyRow>(
    `INSERT INTO party_body (party_id, kind, name_fi, name_sv, name_en, position, created_at, modified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
     RETURNING id, party_id, kind, name_fi, name_sv, name_en, position, row_version`,
    [b.partyId, b.kind, b.nameFi, b.nameSv, b.nameEn, b.position, now],
  );
  return toBody(rows[0]!);
}

/** Optimistic update: returns undefined when the row changed since `rowVersion` was read. */
export async function updateBodyRow(
  sql: Sql,
  id: string,
  rowVersion: number,
  b: { kind: string; nameFi: string; nameSv: string; nameEn: string; position: number },
  now: Date,
): Promise<PartyBody | undefined> {
  const rows = await sql.query<BodyRow>(
    `UPDATE party_body SET kind = $3, name_fi = $4, name_sv = $5, name_en = $6, position = $7,
        row_version = row_version + 1, modified_at = $8
      WHERE id = $1 AND row_version = $2 AND removed_at IS NULL
      RETURNING id, party_id, kind, name_fi, name_sv, name_en, position, row_version`,
    [id, rowVersion, b.kind, b.nameFi, b.nameSv, b.nameEn, b.position, now],
  );
  return rows[0] && toBody(rows[0]);
}

export async function markBodyRemoved(sql: Sql, id: string, rowVersion: number, now: Date): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE party_body SET removed_at = $3, row_version = row_version + 1
      WHERE id = $1 AND row_version = $2 AND removed_at IS NULL RETURNING id`,
    [id, rowVersion, now],
  );
  return rows.length === 1;
}

export async function updatePartyRow(
  sql: Sql,
  id: string,
  rowVersion: number,
  f: {
    businessId: string | null;
    businessIdSource: string | null;
    nameFi: string;
    nameSv: string;
    nameEn: string;
    language: PartyLanguage;
    email: string | null;
    phone: string | null;
    streetAddress: string | null;
    postalCode: string | null;
    postOffice: string | null;
    website: string | null;
  },
  now: Date,
): Promise<Party | undefined> {
  const rows = await sql.query<PartyRow>(
    `UPDATE party p SET business_id = $3, business_id_source = $4, name_fi = $5, name_sv = $6, name_en = $7,
        language = $8, email = $9, phone = $10, street_address = $11, postal_code = $12, post_office = $13,
        website = $14, row_version = row_version + 1, modified_at = $15
      WHERE id = $1 AND row_version = $2
      RETURNING ${PARTY_COLUMNS}`,
    [
      id,
      rowVersion,
      f.businessId,
      f.businessIdSource,
      f.nameFi,
      f.nameSv,
      f.nameEn,
      f.language,
      f.email,
      f.phone,
      f.streetAddress,
      f.postalCode,
      f.postOffice,
      f.website,
      now,
    ],
  );
  return rows[0] && toParty(rows[0]);
}

export interface PersonOfParty extends Row {
  user_id: string;
  display_name: string;
  title: string | null;
  email: string;
  role: string;
}

export async function listPeopleOfParty(sql: Sql, partyId: string): Promise<PersonOfParty[]> {
  return sql.query<PersonOfParty>(
    `SELECT u.id AS user_id, u.display_name, u.title, u.email, m.role::text AS role
       FROM membership m JOIN app_user u ON u.id = m.user_id
      WHERE m.party_id = $1 AND u.disabled_at IS NULL
      ORDER BY CASE m.role WHEN 'admin' THEN 0 WHEN 'approver' THEN 1 WHEN 'editor' THEN 2 ELSE 3 END, u.display_name`,
    [partyId],
  );
}

export async function countReferenceRows(sql: Sql): Promise<number> {
  const [r] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM region');
  return r?.n ?? 0;
}
