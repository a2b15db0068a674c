import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getIndicatorValues } from "#modules/indicators/index.ts";
import type { Db } from "#platform/db/db.ts";
import { createTestDb, testCtx } from "../../../tests/support/db.ts";
import { populationTotals, seedDemoPopulation } from "./seed-demo-population.ts";

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

describe("demo population (THL Sotkanet 127)", () => {
  it("loads the real population of the municipalities once, crediting THL", async () => {
    await seedDemoPopulation(testCtx(db));
    const { indicator, values } = await getIndicatorValues(testCtx(db), {
      indicator: "sotkanet:127",
      areas: "564",
      gender: "total",
    });
    expect(indicator).toMatchObject({
      licence: "CC BY 4.0",
      attribution: "THL, Sotkanet",
      additive: true,
    });
    expect(values.map((v) => v.year)).toEqual(
      Array.from({ length: 23 }, (_, i) => 2000 + i),
    );
    expect(values.find((v) => v.year === 2022)?.value).toBe(211848);
    const count = async () =>
      (
        await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM indicator_import",
        )
      )[0]!.n;
    const before = await count();
    await seedDemoPopulation(testCtx(db));
    expect(await count()).toBe(before);
  });

  it("adds the county and whole-country totals, summed from the municipalities", async () => {
    const { values } = await getIndicatorValues(testCtx(db), {
      indicator: "sotkanet:127",
      areas: "HVA19,HVA12,FI",
      gender: "total",
    });
    const at = (code: string, year: number) =>
      values.find((v) => v.areaCode === code && v.year === year)?.value;
    // Statistics Finland's population of Finland on 31.12.2022 and 31.12.2000.
    expect(at("FI", 2022)).toBe(5563970);
    expect(at("FI", 2000)).toBe(5181115);
    expect(values.filter((v) => v.areaCode === "FI")).toHaveLength(23);
    expect(values.filter((v) => v.areaCode === "HVA19")).toHaveLength(23);
    const municipalities = await db.query<{ s: number }>(
      `SELECT sum(v.value)::float8 AS s FROM indicator_value v JOIN indicator i ON i.num = v.indicator_num JOIN party p ON p.code = v.area_code AND p.type = 'municipality' AND p.ended_on IS NULL
       WHERE i.id = 'sotkanet:127' AND v.year = 2022 AND v.gender = 'total' AND p.county_code = 'HVA19'`,
    );
    expect(at("HVA19", 2022)).toBe(municipalities[0]!.s);
    // Pertunmaa (588) counts for Mäntyharju's county.
    expect(at("HVA12", 2022)).toBeGreaterThan(0);
  });
});

describe("population totals", () => {
  it("sums a county only in years where all its municipalities have a value; the country only when every one does", () => {
    const rows = [
      { region_code: "001", year: "2020", value: "10" },
      { region_code: "002", year: "2020", value: "20" },
      { region_code: "003", year: "2020", value: "5" },
      { region_code: "001", year: "2021", value: "11" },
      { region_code: "003", year: "2021", value: "6" },
      { region_code: "009", year: "2021", value: "1" },
    ];
    const countyOf = new Map<string, string | null>([["001", "HVA01"], ["002", "HVA01"], ["003", null], ["004", "HVA02"]]);
    expect(populationTotals(rows, countyOf, new Map([["009", "004"]]))).toEqual([
      { code: "HVA01", year: 2020, value: 30 },
      { code: "HVA02", year: 2021, value: 1 },
    ]);
  });
});
