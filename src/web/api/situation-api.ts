import { z } from "zod";
import {
  listIndicatorValuePage,
  type IndicatorValue,
} from "#modules/indicators/index.ts";
import { nextPageLink, op, RawBody } from "./define.ts";

const ZValueOut = z
  .object({
    areaType: z.enum(["municipality", "county", "region", "country"]),
    areaCode: z
      .string()
      .describe(
        "Municipality 091, wellbeing services county HVA19, region 17 or FI",
      ),
    year: z.number().int(),
    gender: z.enum(["total", "male", "female"]),
    value: z.number(),
    absValue: z
      .number()
      .nullable()
      .describe("The absolute number behind a rate, when the source gives it"),
  })
  .meta({ id: "IndicatorValue" });

const ZOpenDataQuery = z
  .object({
    indicator: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe("Catalogue id, e.g. `sotkanet:127` (population)"),
    area: z
      .string()
      .regex(/^(\d{3}|\d{2}|HVA\d{2}|FI)$/, "invalid_area_code")
      .optional()
      .describe(
        "One area: municipality code (091), wellbeing services county (HVA19), region (17) or FI",
      ),
    from: z.coerce
      .number()
      .int()
      .min(1900)
      .max(2200)
      .optional()
      .describe("First year, inclusive"),
    to: z.coerce
      .number()
      .int()
      .min(1900)
      .max(2200)
      .optional()
      .describe("Last year, inclusive"),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(10000)
      .optional()
      .describe("Page size (default 1000, at most 10000)"),
    offset: z.coerce.number().int().min(0).optional().describe("Rows to skip"),
    format: z
      .enum(["json", "csv"])
      .optional()
      .describe(
        '`csv` answers text/csv (same page; `Link: rel="next"` and `X-Total-Count` headers)',
      ),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: "year_range_reversed",
    path: ["to"],
  });

const cell = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const situationOperations = [
  op({
    operationId: "listIndicatorValues",
    method: "get",
    path: "/open-data/indicator-values",
    tag: "open-data",
    summary: "Values of one indicator, a page at a time",
    description:
      "Open data of the shared situational picture: the values of one indicator, optionally one area and a range of years, ordered by area type, area, year and gender. The answer names the data’s licence and attribution, which re-users must keep (THL Sotkanet and Statistics Finland data: CC BY 4.0). `?format=csv` gives the same page as CSV.",
    security: "public",
    query: ZOpenDataQuery,
    errors: [404],
    csv: "Columns indicator, area_type, area_code, year, gender, value, abs_value, licence, attribution",
    response: z
      .object({
        indicator: z.object({
          id: z.string(),
          title: z.object({ fi: z.string(), sv: z.string(), en: z.string() }),
          unit: z.string(),
          decimals: z.number().int(),
        }),
        licence: z.string().describe("Licence of the values, e.g. CC BY 4.0"),
        attribution: z
          .string()
          .describe(
            "Credit to give when the values are shown or passed on, e.g. THL, Sotkanet",
          ),
        items: z.array(ZValueOut),
        total: z.number().int(),
        next: z
          .string()
          .nullable()
          .describe("URL of the next page, null on the last page"),
      })
      .meta({ id: "IndicatorValueList" }),
    handler: async (ctx, { query }, req) => {
      const res = await listIndicatorValuePage(ctx, query);
      const next = nextPageLink(req, res);
      const { indicator } = res;
      if (query.format === "csv") {
        const rows = [
          [
            "indicator",
            "area_type",
            "area_code",
            "year",
            "gender",
            "value",
            "abs_value",
            "licence",
            "attribution",
          ],
          ...res.items.map((v: IndicatorValue) => [
            indicator.id,
            v.areaType,
            v.areaCode,
            v.year,
            v.gender,
            v.value,
            v.absValue,
            indicator.licence,
            indicator.attribution,
          ]),
        ];
        return new RawBody(
          "text/csv; charset=utf-8",
          `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`,
          {
            "X-Total-Count": String(res.total),
            ...(next ? { Link: `<${next}>; rel="next"` } : {}),
          },
        );
      }
      return {
        indicator: {
          id: indicator.id,
          title: indicator.title,
          unit: indicator.unit,
          decimals: indicator.decimals,
        },
        licence: indicator.licence,
        attribution: indicator.attribution,
        items: res.items.map((v: IndicatorValue) => ({
          areaType: v.areaType,
          areaCode: v.areaCode,
          year: v.year,
          gender: v.gender,
          value: v.value,
          absValue: v.absValue,
        })),
        total: res.total,
        next,
      };
    },
  }),
];
