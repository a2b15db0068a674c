import type { Sql } from '#platform/db/db.ts';
import type { Direction, IndicatorSource } from '#modules/indicators/index.ts';
import type { MeasureStatus } from './goal.ts';

/** Reads of the annual follow-up report (besides the goal reads in goal-queries.ts). */

export interface Named {
  fi: string;
  sv: string;
  en: string;
}

export interface ReportPlace {
  countyName: Named;
  regionName: Named;
  validFrom: string;
  validUntil: string | null;
}

export async function findReportPlace(sql: Sql, agreementId: string): Promise<ReportPlace | undefined> {
  const rows = await sql.query<{ c_fi: string; c_sv: string; c_en: string; r_fi: string; r_sv: string; r_en: string; valid_from: string; valid_until: string | null }>(
    `SELECT c.name_fi AS c_fi, c.name_sv AS c_sv, c.name_en AS c_en, r.name_fi AS r_fi, r.name_sv AS r_sv, r.name_en AS r_en,
       a.valid_from::text AS valid_from, a.valid_until::text AS valid_until
     FROM agreement a JOIN county c ON c.code = a.county_code JOIN region r ON r.code = c.region_code WHERE a.id = $1`,
    [agreementId],
  );
  const r = rows[0];
  return (
    r && {
      countyName: { fi: r.c_fi, sv: r.c_sv, en: r.c_en },
      regionName: { fi: r.r_fi, sv: r.r_sv, en: r.r_en },
      validFrom: r.valid_from,
      validUntil: r.valid_until,
    }
  );
}

export interface ReportParty {
  id: string;
  type: string;
  code: string;
  name: Named;
  businessId: string | null;
}

/** The agreement's parties: county first, then the regional council, then the municipalities by name. */
export async function listReportParties(sql: Sql, agreementId: string): Promise<ReportParty[]> {
  const rows = await sql.query<{ id: string; type: string; code: string; name_fi: string; name_sv: string; name_en: string; business_id: string | null }>(
    `SELECT p.id, p.type::text AS type, p.code, p.name_fi, p.name_sv, p.name_en, p.business_id
     FROM agreement_party ap JOIN party p ON p.id = ap.party_id WHERE ap.agreement_id = $1
     ORDER BY CASE p.type WHEN 'wellbeing_services_county' THEN 0 WHEN 'city_of_helsinki' THEN 0 WHEN 'regional_council' THEN 1 ELSE 2 END, p.name_fi`,
    [agreementId],
  );
  return rows.map((r) => ({ id: r.id, type: r.type, code: r.code, name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en }, businessId: r.business_id }));
}

export interface ReportIndicatorSource {
  id: string;
  source: IndicatorSource;
  /** As written: the Swedish and English titles may be empty (the report marks the Finnish fallback). */
  title: Named;
  unit: string;
  decimals: number;
  direction: Direction;
  organisation: string;
  licence: string;
  attribution: string;
  dataUpdated: string | null;
}

export async function findReportIndicators(sql: Sql, ids: readonly string[]): Promise<Map<string, ReportIndicatorSource>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{
    id: string;
    source: IndicatorSource;
    title_fi: string;
    title_sv: string;
    title_en: string;
    unit: string;
    decimals: number;
    direction: Direction;
    organisation: string;
    licence: string;
    attribution: string;
    data_updated: string | null;
  }>(
    `SELECT id, source::text AS source, title_fi, title_sv, title_en, unit, decimals, direction::text AS direction, organisation, licence, attribution, data_updated::text AS data_updated
     FROM indicator WHERE id = ANY($1::text[]) ORDER BY id`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        source: r.source,
        title: { fi: r.title_fi, sv: r.title_sv, en: r.title_en },
        unit: r.unit,
        decimals: Number(r.decimals),
        direction: r.direction,
        organisation: r.organisation,
        licence: r.licence,
        attribution: r.attribution,
        dataUpdated: r.data_updated,
      },
    ]),
  );
}

export interface LatestUpdate {
  measureId: string;
  partyId: string;
  status: MeasureStatus;
  body: string;
  createdAt: Date;
}

/** Each measure's newest update posted up to `until` (the public text and status; never the internal notes). */
export async function latestMeasureUpdates(sql: Sql, measureIds: readonly string[], until: Date): Promise<Map<string, LatestUpdate>> {
  if (measureIds.length === 0) return new Map();
  const rows = await sql.query<{ measure_id: string; party_id: string; status: MeasureStatus; body: string; created_at: Date }>(
    `SELECT DISTINCT ON (measure_id) measure_id, party_id, status::text AS status, body, created_at
     FROM goal_measure_update WHERE measure_id = ANY($1::uuid[]) AND created_at <= $2
     ORDER BY measure_id, created_at DESC, id DESC`,
    [measureIds, until],
  );
  return new Map(rows.map((r) => [r.measure_id, { measureId: r.measure_id, partyId: r.party_id, status: r.status, body: r.body, createdAt: new Date(r.created_at) }]));
}
