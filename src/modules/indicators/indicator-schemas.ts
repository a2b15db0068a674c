import { z } from 'zod';
import { DIRECTIONS, GENDERS, INDICATOR_SOURCES } from './indicator.ts';

const text = (max: number) => z.string().trim().max(max).default('');

/** The fields people maintain on a catalogue entry. */
export const ZIndicatorFields = z.object({
  titleFi: z.string().trim().min(1).max(300),
  titleSv: text(300),
  titleEn: text(300),
  descriptionFi: text(5000),
  descriptionSv: text(5000),
  descriptionEn: text(5000),
  unit: text(50),
  decimals: z.coerce.number().int().min(0).max(6).default(0),
  direction: z.enum(DIRECTIONS, { message: 'invalid_choice' }).default('neutral'),
  additive: z
    .preprocess((v) => (v === 'true' || v === 'on' || v === '1' ? true : v === 'false' || v === '' || v === '0' ? false : v), z.boolean())
    .default(false),
  organisation: text(200),
  licence: text(100),
  attribution: text(200),
});

/** A party's own indicator: key becomes the id 'custom:<key>'. */
export const ZCustomIndicatorInput = ZIndicatorFields.extend({
  key: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{1,59}$/, 'invalid_indicator_key'),
  ownerPartyId: z.string().uuid().nullable().default(null),
});
export type TCustomIndicatorInput = z.output<typeof ZCustomIndicatorInput>;

export const ZIndicatorUpdate = ZIndicatorFields.extend({ rowVersion: z.coerce.number().int().min(1) });

export const ZIndicatorListQuery = z.object({
  source: z.enum(INDICATOR_SOURCES, { message: 'invalid_choice' }).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const areaCode = z.string().trim().regex(/^(\d{3}|\d{2}|HVA\d{2}|FI)$/, 'invalid_area_code');

export const ZValuesQuery = z
  .object({
    indicator: z.string().trim().min(1).max(200),
    areas: z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(areaCode).max(500)).optional(),
    yearFrom: z.coerce.number().int().min(1900).max(2200).optional(),
    yearTo: z.coerce.number().int().min(1900).max(2200).optional(),
    gender: z.enum(GENDERS, { message: 'invalid_choice' }).optional(),
  })
  .refine((q) => q.yearFrom === undefined || q.yearTo === undefined || q.yearFrom <= q.yearTo, { message: 'year_range_reversed', path: ['yearTo'] });
