import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defineCustomIndicator,
  importOwnCsv,
  importSotkanetFile,
  listIndicatorValuePage,
} from "#modules/indicators/index.ts";
import type { Db } from "#platform/db/db.ts";
import {
  createTestDb,
  partyIdByCode,
  testCtx,
} from "../../../tests/support/db.ts";
import {
  META_127,
  realPopulationAsSotkanetJson,
  realPopulationRows,
  regionsSnapshot,
} from "../indicators/indicator-fixtures.test-support.ts";
import {
  compareMunicipality,
  getMunicipalitySituation,
  getRegionSituation,
  regionMap,
  situationCsv,
} from "./index.ts";

/**
 * The shared situational picture reads what the indicators module imported: the real population of
 * 2000–2022 (THL Sotkanet 127) and a small rate indicator with county and country values.
 */
let db: Db;
const tidy = realPopulationRows();
const pop = (code: string, year: number) =>
  Number(
    tidy.find((r) => r.region_code === code && r.year === String(year))!.value,
  );

beforeAll(async () => {
  db = await createTestDb();
  const ctx = testCtx(db);
  await importSotkanetFile(ctx, {
    format: "sotkanet-json",
    file: realPopulationAsSotkanetJson(),
    fileName: "sotkanet_127.json",
    regions: JSON.stringify(regionsSnapshot()),
    indicatorMeta: [META_127()],
  });
  await defineCustomIndicator(ctx, {
    key: "rate",
    titleFi: "Osuus",
    titleEn: "Share",
    unit: "%",
    decimals: 1,
    additive: false,
    licence: "CC BY 4.0",
    attribution: "Testi",
  });
  const csv = [
    "region_code,year,value",
    "564,2023,10.5",
    "564,2024,11.5",
    "244,2024,9",
    "HVA19,2024,10",
    "FI,2023,12",
    "FI,2024,12.5",
    "091,2024,14",
  ].join("\n");
  await importOwnCsv(ctx, {
    indicator: "custom:rate",
    file: csv,
    fileName: "rate.csv",
  });
});
afterAll(async () => db?.close());

describe("region dashboard", () => {
  it("shows population (the default) for every member municipality, the county as their sum, over 2000–2022", async () => {
    const r = await getRegionSituation(testCtx(db), "HVA19", {});
    expect(r.chosen).toEqual(["sotkanet:127"]);
    expect(r.municipalities).toHaveLength(30);
    const [s] = r.situations;
    expect(s!.latestYear).toBe(2022);
    expect(s!.years[0]).toBe(2000);
    const oulu = s!.municipalities.find((m) => m.code === "564")!;
    expect(oulu.values[2022]).toBe(pop("564", 2022));
    expect(oulu.values[2000]).toBe(pop("564", 2000));
    // No stored county value: an additive indicator's county is the sum of its municipalities, marked as computed.
    const sum = r.municipalities.reduce((acc, m) => acc + pop(m.code, 2022), 0);
    expect(s!.county).toMatchObject({ code: "HVA19", computed: true });
    expect(s!.county.values[2022]).toBe(sum);
    expect(s!.country.values).toEqual({});
  });

  it("shows stored county and country values of a rate, and never sums a rate", async () => {
    const r = await getRegionSituation(testCtx(db), "HVA19", {
      indicators: ["custom:rate", "no:such"],
    });
    expect(r.chosen).toEqual(["custom:rate"]);
    const s = r.situations[0]!;
    expect(s.years).toEqual([2023, 2024]);
    expect(s.municipalities.find((m) => m.code === "564")!.values).toEqual({
      2023: 10.5,
      2024: 11.5,
    });
    expect(s.municipalities.find((m) => m.code === "244")!.values).toEqual({
      2024: 9,
    });
    // Helsinki (091) is not a member of Pohjois-Pohjanmaa.
    expect(s.municipalities.find((m) => m.code === "091")).toBeUndefined();
    expect(s.county).toMatchObject({ computed: false, values: { 2024: 10 } });
    expect(s.country.values).toEqual({ 2023: 12, 2024: 12.5 });
  });

  it("refuses more than six indicators and an unknown region", async () => {
    await expect(
      getRegionSituation(testCtx(db), "HVA19", {
        indicators: ["a", "b", "c", "d", "e", "f", "g"],
      }),
    ).rejects.toMatchObject({ kind: "invalid" });
    await expect(
      getRegionSituation(testCtx(db), "HVA99", {}),
    ).rejects.toMatchObject({ kind: "not_found" });
  });

  it("gives the numbers as CSV with licence and attribution on every row", async () => {
    const r = await getRegionSituation(testCtx(db), "HVA19", {
      indicators: ["custom:rate", "sotkanet:127"],
    });
    const lines = situationCsv(r.situations, "fi")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "indicator,indicator_title,area_type,area_code,area_name,year,value,computed,licence,attribution",
    );
    expect(lines).toContain(
      "custom:rate,Osuus,municipality,564,Oulu,2024,11.5,false,CC BY 4.0,Testi",
    );
    expect(lines).toContain(
      "custom:rate,Osuus,country,FI,Koko maa,2023,12,false,CC BY 4.0,Testi",
    );
    expect(lines).toContain(
      `sotkanet:127,Väestö 31.12.,municipality,564,Oulu,2022,${pop("564", 2022)},false,CC BY 4.0,"THL, Sotkanet"`,
    );
    // 30 municipalities × 23 years of population, 23 computed county sums, 2 + 1 + 1 + 2 rate rows.
    expect(lines.length).toBe(1 + 30 * 23 + 23 + 6);
  });
});

describe("municipality profile and comparison", () => {
  it("shows a municipality against its county and the country, without summing one municipality into a county", async () => {
    const oulu = await partyIdByCode(db, "564");
    const r = await getMunicipalitySituation(testCtx(db), oulu, {
      indicators: ["sotkanet:127", "custom:rate"],
    });
    expect(r.county.code).toBe("HVA19");
    const [p, rate] = r.situations;
    expect(p!.municipalities.map((m) => m.code)).toEqual(["564"]);
    expect(p!.county).toMatchObject({ computed: false, values: {} });
    expect(rate!.county.values).toEqual({ 2024: 10 });
    const county = await partyIdByCode(db, "HVA19");
    await expect(
      getMunicipalitySituation(testCtx(db), county, {}),
    ).rejects.toMatchObject({ code: "situation.not_a_municipality" });
  });

  it("compares a member municipality with the median of the region, and refuses a municipality of another region", async () => {
    const r = await compareMunicipality(testCtx(db), "HVA19", {
      indicators: ["custom:rate"],
      municipality: "564",
    });
    expect(r.municipality.code).toBe("564");
    expect(r.medians[0]).toEqual({ 2023: 10.5, 2024: 10.25 });
    await expect(
      compareMunicipality(testCtx(db), "HVA19", { municipality: "091" }),
    ).rejects.toMatchObject({ code: "situation.municipality_not_in_region" });
  });
});

describe("region map", () => {
  it("projects every member municipality once, rounded to one decimal, and keeps it in memory", () => {
    const map = regionMap("HVA19");
    expect(map.municipalities).toHaveLength(30);
    expect(new Set(map.municipalities.map((m) => m.code)).size).toBe(30);
    for (const m of map.municipalities) {
      expect(m.d).toMatch(/^M/);
      expect(m.d).not.toMatch(/\d\.\d\d/);
    }
    expect(map.width).toBe(400);
    expect(map.height).toBeGreaterThan(100);
    expect(map.height).toBeLessThanOrEqual(560);
    expect(regionMap("HVA19")).toBe(map);
  });
});

describe("open data and query plans", () => {
  it("pages through an indicator without gaps or repeats", async () => {
    const all: string[] = [];
    let offset = 0;
    let total = 0;
    for (;;) {
      const page = await listIndicatorValuePage(testCtx(db), {
        indicator: "sotkanet:127",
        from: "2020",
        to: "2022",
        limit: "250",
        offset: String(offset),
      });
      total = page.total;
      all.push(...page.items.map((v) => `${v.areaCode}:${v.year}`));
      if (page.items.length < 250) break;
      offset += 250;
    }
    expect(total).toBe(all.length);
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((k) => /:(2020|2021|2022)$/.test(k))).toBe(true);
    const one = await listIndicatorValuePage(testCtx(db), {
      indicator: "sotkanet:127",
      area: "564",
    });
    expect(one.total).toBe(23);
    await expect(
      listIndicatorValuePage(testCtx(db), { indicator: "sotkanet:999" }),
    ).rejects.toMatchObject({ kind: "not_found" });
  });

  it("reads a region’s values through an index, not by scanning the table", async () => {
    await db.query("ANALYZE indicator_value");
    const codes = (
      await getRegionSituation(testCtx(db), "HVA19", {})
    ).municipalities.map((m) => m.code);
    // The read findValues makes: the codes' area types let it use the primary key's prefix
    // (indicator_num, area_type, area_code), so it reads the areas shown, not the indicator's every row.
    // With this test's few thousand rows PostgreSQL 15 rightly prefers reading the small table whole, so
    // sequential scans are discouraged here: what is checked is that an index serves exactly this read (the
    // bench checks the plan chosen with 10,000,000 rows).
    const plan = await db.transaction(async (tx) => {
      await tx.exec("SET LOCAL enable_seqscan = off");
      return tx.query<Record<string, unknown>>(
        `EXPLAIN SELECT v.area_type, v.area_code, v.year, v.gender, v.value
           FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num
          WHERE i.id = $1 AND v.area_type = ANY($3::text[]::indicator_area_type[]) AND v.area_code = ANY($2::text[])
            AND v.gender = 'total'::indicator_gender`,
        ["sotkanet:127", [...codes, "HVA19", "FI"], ["municipality", "county", "country"]],
      );
    });
    const text = plan.map((r) => String(Object.values(r)[0])).join("\n");
    expect(text).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    expect(text).not.toMatch(/Seq Scan on indicator_value/);
    expect(text).toMatch(/(Index|Recheck) Cond: \(\(indicator_num = .*area_code = ANY/);
    const page = await db.query<Record<string, unknown>>(
      `EXPLAIN SELECT * FROM indicator_value v WHERE v.indicator_num = 1 ORDER BY v.area_type, v.area_code, v.year, v.gender LIMIT 100 OFFSET 0`,
    );
    expect(page.map((r) => String(Object.values(r)[0])).join("\n")).toMatch(
      /Index Scan using indicator_value_pkey/,
    );
  });
});
