import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getIndicatorValues } from "#modules/indicators/index.ts";
import type { Db } from "#platform/db/db.ts";
import { createTestDb, testCtx } from "../../../tests/support/db.ts";
import { seedDemoPopulation } from "./seed-demo-population.ts";

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
});
