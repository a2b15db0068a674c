import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { importOwnCsv, importSotkanetFile } from "#modules/indicators/index.ts";
import type { Ctx } from "#platform/context.ts";
import { assertCan } from "#platform/policy.ts";
import { demoPolicy } from "./demo-policy.ts";
import { indicatorExists } from "./demo-queries.ts";

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
  if (await indicatorExists(ctx.db, "sotkanet:127")) return;
  const dir = dbDir("demo");
  await importSotkanetFile(ctx, {
    format: "sotkanet-json",
    file: "[]",
    fileName: "sotkanet-indicator-127.json",
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
}
