import type { Sql } from "#platform/db/db.ts";
import type { AreaType, Gender, IndicatorValue } from "./indicator.ts";

/**
 * One page of an indicator's values for open data, in primary-key order (indicator_num, area_type, area_code,
 * year, gender), so the page is read from the primary key index and the cost follows the one indicator's rows,
 * not the table's size.
 */
export async function findValuePage(
  sql: Sql,
  q: {
    indicatorId: string;
    indicatorNum: number;
    areaCode?: string;
    yearFrom?: number;
    yearTo?: number;
    limit: number;
    offset: number;
  },
): Promise<{ items: IndicatorValue[]; total: number }> {
  const params: unknown[] = [q.indicatorNum];
  const where = ["v.indicator_num = $1"];
  if (q.areaCode !== undefined) {
    params.push(q.areaCode);
    where.push(`v.area_code = $${params.length}`);
  }
  if (q.yearFrom !== undefined) {
    params.push(q.yearFrom);
    where.push(`v.year >= $${params.length}`);
  }
  if (q.yearTo !== undefined) {
    params.push(q.yearTo);
    where.push(`v.year <= $${params.length}`);
  }
  const filter = where.join(" AND ");
  const [countRows, rows] = await Promise.all([
    sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM indicator_value v WHERE ${filter}`,
      params,
    ),
    sql.query<{
      area_type: AreaType;
      area_code: string;
      year: number;
      gender: Gender;
      value: number;
      abs_value: number | null;
      source_area_code: string | null;
    }>(
      `SELECT v.area_type, v.area_code, v.year, v.gender, v.value, v.abs_value, v.source_area_code
         FROM indicator_value v WHERE ${filter}
        ORDER BY v.area_type, v.area_code, v.year, v.gender
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    ),
  ]);
  return {
    total: countRows[0]?.n ?? 0,
    items: rows.map((r) => ({
      indicatorId: q.indicatorId,
      areaType: r.area_type,
      areaCode: r.area_code,
      year: Number(r.year),
      gender: r.gender,
      value: Number(r.value),
      absValue: r.abs_value === null ? null : Number(r.abs_value),
      sourceAreaCode: r.source_area_code,
    })),
  };
}

/** The indicator's compact key, or undefined when the id is not in the catalogue. */
export async function indicatorNum(
  sql: Sql,
  id: string,
): Promise<number | undefined> {
  const rows = await sql.query<{ num: number }>(
    "SELECT num FROM indicator WHERE id = $1",
    [id],
  );
  return rows[0] ? Number(rows[0].num) : undefined;
}
