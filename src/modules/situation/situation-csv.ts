import type { IndicatorSituation } from "./situation.ts";

type Lang = "fi" | "sv" | "en";

const cell = (v: string | number) => {
  const s = String(v);
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The dashboard's numbers as CSV (comma-separated, UTF-8 with BOM so spreadsheets read it), one row per area and
 * year, with each indicator's licence and attribution on every row so a copied extract keeps them.
 */
export function situationCsv(
  situations: readonly IndicatorSituation[],
  lang: Lang,
): string {
  const rows: (string | number)[][] = [
    [
      "indicator",
      "indicator_title",
      "area_type",
      "area_code",
      "area_name",
      "year",
      "value",
      "computed",
      "licence",
      "attribution",
    ],
  ];
  for (const s of situations) {
    const title = s.indicator.title[lang] || s.indicator.title.fi;
    for (const a of [...s.municipalities, s.county, s.country]) {
      for (const y of s.years) {
        const v = a.values[y];
        if (v === undefined) continue;
        rows.push([
          s.indicator.id,
          title,
          a.areaType,
          a.code,
          a.name[lang] || a.name.fi,
          y,
          v,
          a.computed ? "true" : "false",
          s.indicator.licence,
          s.indicator.attribution,
        ]);
      }
    }
  }
  return `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
