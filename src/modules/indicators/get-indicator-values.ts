import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { parseInput } from '#platform/validation.ts';
import type { Indicator, IndicatorValue } from './indicator.ts';
import { findIndicator, findValues } from './indicator-queries.ts';
import { ZValuesQuery } from './indicator-schemas.ts';

/** An indicator with its values for the given areas (codes 091, HVA19, 17, FI), years and gender. Public. */
export async function getIndicatorValues(ctx: Ctx, query: unknown): Promise<{ indicator: Indicator; values: IndicatorValue[] }> {
  const q = parseInput(ZValuesQuery, query);
  const indicator = await findIndicator(ctx.db, q.indicator);
  if (!indicator) throw notFound('indicators.not_found');
  const values = await findValues(ctx.db, {
    indicatorId: indicator.id,
    ...(q.areas ? { areaCodes: q.areas } : {}),
    ...(q.yearFrom !== undefined ? { yearFrom: q.yearFrom } : {}),
    ...(q.yearTo !== undefined ? { yearTo: q.yearTo } : {}),
    ...(q.gender ? { gender: q.gender } : {}),
  });
  return { indicator, values };
}
