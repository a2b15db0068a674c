import { z } from "zod";
import type { Ctx } from "#platform/context.ts";
import { notFound } from "#platform/errors.ts";
import { parseInput } from "#platform/validation.ts";
import type { Indicator, IndicatorValue } from "./indicator.ts";
import { findIndicator } from "./indicator-queries.ts";
import { findValuePage, indicatorNum } from "./open-values-queries.ts";

/** Open data: one indicator's values, optionally one area and a range of years, a page at a time. */
export const ZValuePageQuery = z
  .object({
    indicator: z.string().trim().min(1).max(200),
    area: z
      .string()
      .trim()
      .regex(/^(\d{3}|\d{2}|HVA\d{2}|FI)$/, "invalid_area_code")
      .optional(),
    from: z.coerce.number().int().min(1900).max(2200).optional(),
    to: z.coerce.number().int().min(1900).max(2200).optional(),
    limit: z.coerce.number().int().min(1).max(10_000).default(1000),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: "year_range_reversed",
    path: ["to"],
  });

/** A page of an indicator's values in a stable order (area type, area, year, gender). Public. */
export async function listIndicatorValuePage(
  ctx: Ctx,
  query: unknown,
): Promise<{
  indicator: Indicator;
  items: IndicatorValue[];
  total: number;
  limit: number;
  offset: number;
}> {
  const q = parseInput(ZValuePageQuery, query);
  const [indicator, num] = await Promise.all([
    findIndicator(ctx.db, q.indicator),
    indicatorNum(ctx.db, q.indicator),
  ]);
  if (!indicator || num === undefined) throw notFound("indicators.not_found");
  const page = await findValuePage(ctx.db, {
    indicatorId: indicator.id,
    indicatorNum: num,
    ...(q.area !== undefined ? { areaCode: q.area } : {}),
    ...(q.from !== undefined ? { yearFrom: q.from } : {}),
    ...(q.to !== undefined ? { yearTo: q.to } : {}),
    limit: q.limit,
    offset: q.offset,
  });
  return { indicator, ...page, limit: q.limit, offset: q.offset };
}
