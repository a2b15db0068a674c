import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defineCustomIndicator,
  importOwnCsv,
  importSotkanetFile,
} from "#modules/indicators/index.ts";
import type { Db } from "#platform/db/db.ts";
import {
  META_127,
  realPopulationAsSotkanetJson,
  regionsSnapshot,
} from "../../src/modules/indicators/indicator-fixtures.test-support.ts";
import { createTestDb, partyIdByCode, testCtx, testClock } from "../support/db.ts";
import { startTestApp, type TestApp } from "../support/http.ts";

/** One clock for the use cases this file calls and the server it starts. */
const clock = testClock();

/**
 * The situational picture as people and programs get it: the region dashboard with its server-rendered SVG
 * map and chart (accessible names, data tables), the CSV download, the municipality pages and the open-data API.
 */
let db: Db;
let app: TestApp;

beforeAll(async () => {
  db = await createTestDb();
  const ctx = testCtx(db);
  await importSotkanetFile(ctx, {
    format: "sotkanet-json",
    file: realPopulationAsSotkanetJson(),
    fileName: "p.json",
    regions: JSON.stringify(regionsSnapshot()),
    indicatorMeta: [META_127()],
  });
  await defineCustomIndicator(ctx, {
    key: "rate",
    titleFi: "Osuus",
    unit: "%",
    decimals: 1,
    licence: "CC BY 4.0",
    attribution: "Testi",
  });
  await importOwnCsv(ctx, {
    indicator: "custom:rate",
    file: "region_code,year,value\n564,2024,11.5\nHVA19,2024,10\nFI,2024,12.5\n",
    fileName: "rate.csv",
  });
  app = await startTestApp(db, { clock });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const get = async (path: string) => {
  const res = await fetch(`${app.url}${path}`);
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    headers: res.headers,
    text: await res.text(),
  };
};
const svgs = (html: string) =>
  [...html.matchAll(/<svg role="img"[^>]*>([\s\S]*?)<\/svg>/g)].map(
    (m) => m[0],
  );

describe("region dashboard page", () => {
  it("draws the municipalities as an accessible SVG map with one named path each, a text legend and a data table", async () => {
    const page = await get("/regions/HVA19/situation");
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      "<h1>Yhteinen tilannekuva: Pohjois-Pohjanmaan hyvinvointialue</h1>",
    );
    const [map, chart] = svgs(page.text);
    expect(map).toMatch(
      /<title id="map-0-title">Väestö 31\.12\. kunnittain vuonna 2022<\/title><desc id="map-0-desc">[^<]+<\/desc>/,
    );
    expect(map).toContain('aria-labelledby="map-0-title map-0-desc"');
    const paths = [
      ...map!.matchAll(
        /<path d="M[^"]*"[^>]*data-code="(\d{3})"[^>]*><title>([^<]+)<\/title><\/path>/g,
      ),
    ];
    expect(paths).toHaveLength(30);
    expect(paths.find((p) => p[1] === "564")![2]).toMatch(
      /^Oulu: 2\d\d\u00a0?\s?\d{3} \(luokka 5\)$/,
    );
    // Classes are told by number and pattern, and the legend is text.
    expect(map).toMatch(/<text[^>]*>5<\/text>/);
    expect(page.text).toMatch(/Luokka 1: [\d\s\u00a0]+–[\d\s\u00a0]+/);
    // The county is summed (no stored value) and said so; the trend chart has markers and direct labels.
    expect(page.text).toContain("laskettu kuntien summana");
    expect(chart).toContain(
      '<title id="trend-0-title">Väestö 31.12.: kehitys vuosittain</title>',
    );
    expect(chart).toContain("Pohjois-Pohjanmaan hyvinvointialue");
    expect(page.text).toContain("<summary>Näytä tiedot taulukkona</summary>");
    expect(page.text).toContain("Lähde: THL, Sotkanet, lisenssi CC BY 4.0.");
    expect(page.text).toContain(
      "Kuntarajat: Tilastokeskus (CC BY 4.0); TopoJSON: Yleisradio/geodata; muokattu.",
    );
  });

  it("shows the chosen indicators from the GET form, in Swedish too", async () => {
    const page = await get("/sv/regions/HVA19/situation?indicator=custom:rate");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Gemensam lägesbild");
    expect(page.text).toMatch(
      /<input type="checkbox" id="ind-custom:rate"[^>]* checked=""/,
    );
    expect(page.text).not.toMatch(/id="ind-sotkanet:127"[^>]* checked/);
    expect(page.text).not.toContain("Befolkning 31.12 per kommun");
  });

  it("downloads the numbers as CSV with licence and attribution", async () => {
    const csv = await get("/regions/HVA19/situation.csv?indicator=custom:rate");
    expect(csv.status).toBe(200);
    expect(csv.type).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain(
      "tilannekuva-HVA19.csv",
    );
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toEqual([
      "indicator,indicator_title,area_type,area_code,area_name,year,value,computed,licence,attribution",
      "custom:rate,Osuus,municipality,564,Oulu,2024,11.5,false,CC BY 4.0,Testi",
      "custom:rate,Osuus,county,HVA19,Pohjois-Pohjanmaan hyvinvointialue,2024,10,false,CC BY 4.0,Testi",
      "custom:rate,Osuus,country,FI,Koko maa,2024,12.5,false,CC BY 4.0,Testi",
    ]);
  });

  it("has a municipality profile and a comparison page, linked from the party and region pages", async () => {
    const oulu = await partyIdByCode(db, "564");
    const party = await get(`/parties/${oulu}`);
    expect(party.text).toContain(`href="/parties/${oulu}/situation"`);
    const region = await get("/regions/HVA19");
    expect(region.text).toContain('href="/regions/HVA19/situation"');
    const profile = await get(
      `/en/parties/${oulu}/situation?indicator=custom:rate`,
    );
    expect(profile.status).toBe(200);
    expect(profile.text).toContain("<h1>Situational picture: Oulu</h1>");
    expect(svgs(profile.text)[0]).toContain(
      '<title id="mun-trend-0-title">Osuus: trend by year</title>',
    );
    const compare = await get(
      "/regions/HVA19/situation/compare?municipality=564&indicator=custom:rate",
    );
    expect(compare.status).toBe(200);
    expect(compare.text).toContain("Oulu verrattuna alueeseen");
    expect(
      (await get("/regions/HVA19/situation/compare?municipality=091")).status,
    ).toBe(404);
  });
});

describe("open-data API", () => {
  it("pages through the values as JSON with licence and attribution, following next", async () => {
    const seen: string[] = [];
    let url: string | null =
      "/api/v1/open-data/indicator-values?indicator=sotkanet:127&area=564&limit=10";
    let total = 0;
    let pages = 0;
    while (url) {
      const res = await get(url);
      expect(res.status).toBe(200);
      const body = JSON.parse(res.text) as {
        items: { year: number }[];
        total: number;
        next: string | null;
        licence: string;
        attribution: string;
      };
      expect(body).toMatchObject({
        licence: "CC BY 4.0",
        attribution: "THL, Sotkanet",
      });
      total = body.total;
      seen.push(...body.items.map((i) => String(i.year)));
      url = body.next ? body.next : null;
      pages++;
    }
    expect(total).toBe(23);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(23);
  });

  it("answers CSV with ?format=csv and refuses bad input as problem+json", async () => {
    const res = await get(
      "/api/v1/open-data/indicator-values?indicator=custom:rate&format=csv&from=2024&to=2024",
    );
    expect(res.type).toContain("text/csv");
    expect(res.headers.get("x-total-count")).toBe("3");
    expect(res.text.trim().split("\r\n")).toEqual([
      "indicator,area_type,area_code,year,gender,value,abs_value,licence,attribution",
      "custom:rate,municipality,564,2024,total,11.5,,CC BY 4.0,Testi",
      "custom:rate,county,HVA19,2024,total,10,,CC BY 4.0,Testi",
      "custom:rate,country,FI,2024,total,12.5,,CC BY 4.0,Testi",
    ]);
    const bad = await get(
      "/api/v1/open-data/indicator-values?indicator=custom:rate&from=2024&to=2020",
    );
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors).toEqual([
      expect.objectContaining({ field: "to", code: "year_range_reversed" }),
    ]);
    expect(
      (await get("/api/v1/open-data/indicator-values?indicator=custom:none"))
        .status,
    ).toBe(404);
  });
});
