import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { importOwnCsv, importSotkanetFile } from "#modules/indicators/index.ts";
import type { Ctx } from "#platform/context.ts";
import { assertCan } from "#platform/policy.ts";
import { demoPolicy } from "./demo-policy.ts";
import { indicatorExists, indicatorHasValues } from "./demo-queries.ts";

/** db/<name>, from the source tree (src/modules/demo) or the built server (build/server). */
function dbDir(name: string): string {
  const candidates = [
    path.resolve(import.meta.dirname, "../../../db", name),
    path.resolve(import.meta.dirname, "../../db", name),
    path.resolve(process.cwd(), "db", name),
  ];
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}

/**
 * A Sotkanet /regions answer for the municipalities, from the reference data's Sotkanet ids (the importer needs a
 * snapshot; the demo has fetched none from THL).
 */
function municipalityRegions(): string {
  const rows = parse(
    readFileSync(path.join(dbDir("reference"), "municipalities.csv"), "utf8"),
    { columns: true, skip_empty_lines: true },
  ) as Record<string, string>[];
  return JSON.stringify(
    rows.map((m) => ({
      id: Number(m.sotkanet_id_2015),
      code: m.code,
      category: "KUNTA",
      title: { fi: m.name_fi, sv: m.name_sv, en: m.name_en },
      memberOf: [],
    })),
  );
}

/**
 * The real population of every municipality 2000–2022 (THL Sotkanet indicator 127, CC BY 4.0; db/demo/SOURCES.md)
 * for the situational picture: the catalogue entry from a saved /indicators/127 answer, the values through the
 * indicators module's CSV import. Once: nothing happens when the indicator already has values.
 */
export async function seedDemoPopulation(ctx: Ctx): Promise<void> {
  assertCan(demoPolicy, "demo.seed", ctx.actor, null);
  if (await indicatorExists(ctx.db, "sotkanet:127")) {
    await seedPopulationTotals(ctx);
    return;
  }
  const dir = dbDir("demo");
  await importSotkanetFile(ctx, {
    format: "sotkanet-json",
    file: "[]",
    fileName: "sotkanet-indicator-127.json",
    catalogueOnly: true,
    regions: municipalityRegions(),
    indicatorMeta: [
      readFileSync(path.join(dir, "sotkanet-indicator-127.json"), "utf8"),
    ],
  });
  await importOwnCsv(ctx, {
    indicator: "sotkanet:127",
    file: readFileSync(
      path.join(dir, "sotkanet_127_population_by_municipality_2000_2022.csv"),
    ),
    fileName: "sotkanet_127_population_by_municipality_2000_2022.csv",
    skipInvalid: true,
  });
  await seedPopulationTotals(ctx);
}

/**
 * Population totals of the wellbeing services counties and the whole country, year by year: the sums of the
 * municipalities' values (population is additive; THL and Statistics Finland total the same municipal figures).
 * A county gets a year only when every one of its municipalities has a value that year; the country only when
 * all municipalities do. Municipalities are placed by today's division (merged codes onto their successor's county);
 * Åland's municipalities count for the country only.
 */
export function populationTotals(
  rows: readonly { region_code: string; year: string; value: string }[],
  countyOf: ReadonlyMap<string, string | null>,
  merged: ReadonlyMap<string, string>,
): { code: string; year: number; value: number }[] {
  const members = new Map<string, Set<string>>();
  const all = new Set<string>();
  for (const r of rows) all.add(r.region_code);
  for (const code of all) {
    const county = countyOf.get(merged.get(code) ?? code);
    if (county) members.set(county, (members.get(county) ?? new Set()).add(code));
  }
  const byYear = new Map<number, Map<string, number>>();
  for (const r of rows) {
    const y = Number(r.year);
    const m = byYear.get(y) ?? new Map<string, number>();
    m.set(r.region_code, Number(r.value));
    byYear.set(y, m);
  }
  const out: { code: string; year: number; value: number }[] = [];
  for (const [year, values] of [...byYear].sort((a, b) => a[0] - b[0])) {
    for (const [county, codes] of [...members].sort((a, b) => a[0].localeCompare(b[0]))) {
      if ([...codes].every((c) => values.has(c))) out.push({ code: county, year, value: [...codes].reduce((s, c) => s + values.get(c)!, 0) });
    }
    if ([...all].every((c) => values.has(c))) out.push({ code: "FI", year, value: [...values.values()].reduce((s, v) => s + v, 0) });
  }
  return out;
}

/** Stores the county and country totals of indicator 127 once (nothing happens when the country has values). */
async function seedPopulationTotals(ctx: Ctx): Promise<void> {
  if (await indicatorHasValues(ctx.db, "sotkanet:127", "FI")) return;
  const csv = (file: string) => parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const municipalities = csv(path.join(dbDir("reference"), "municipalities.csv"));
  const changes = csv(path.join(dbDir("reference"), "municipality_changes.csv"));
  const rows = csv(path.join(dbDir("demo"), "sotkanet_127_population_by_municipality_2000_2022.csv")) as unknown as { region_code: string; year: string; value: string }[];
  const totals = populationTotals(
    rows.filter((r) => (r as unknown as { gender?: string }).gender === "total"),
    new Map(municipalities.map((m) => [m.code!, m.county_code || null])),
    new Map(changes.map((c) => [c.old_code!, c.new_code!])),
  );
  await importOwnCsv(ctx, {
    indicator: "sotkanet:127",
    file: `region_code,year,value\n${totals.map((t) => `${t.code},${t.year},${t.value}`).join("\n")}\n`,
    fileName: "sotkanet_127_population_county_country_totals.csv",
  });
}
