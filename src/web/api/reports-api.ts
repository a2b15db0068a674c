import { z } from 'zod';
import { getAgreementReport, INDICATOR_SCOPES, INDICATOR_STATUSES, MEASURE_STATUSES, MIN_REPORT_YEAR, TRENDS } from '#modules/goals/index.ts';
import { op } from './define.ts';

const ZBilingual = z.object({ fi: z.string(), sv: z.string().describe('Empty when not written in Swedish') });
const ZNamed = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const ZCounts = z.object({ on_track: z.number().int(), off_track: z.number().int(), no_data: z.number().int(), no_status: z.number().int() });
const ZRollUp = z.object({ worst: z.enum(INDICATOR_STATUSES), counts: ZCounts });
const ZPoint = z.object({ year: z.number().int(), value: z.number() });
const ZAreaCounts = z
  .object({
    goals: z.number().int(),
    measures: z.number().int(),
    indicators: z.number().int(),
    goalsByStatus: ZCounts.describe('Goals by the worst status of their indicators (no_status: none with a better direction)'),
    measuresByStatus: z.object(Object.fromEntries(MEASURE_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof MEASURE_STATUSES)[number], z.ZodNumber>),
    indicatorsByStatus: ZCounts.describe('Followed indicators by their worst area'),
  })
  .meta({ id: 'ReportCounts' });
const ZFinding = z.object({ linkId: z.string().uuid(), areaCodes: z.array(z.string()) });

const ZReport = z
  .object({
    agreement: z.object({
      id: z.string().uuid(),
      title: ZBilingual,
      countyCode: z.string(),
      countyName: ZNamed,
      regionCode: z.string(),
      regionName: ZNamed,
      validFrom: z.string(),
      validUntil: z.string().nullable(),
      coordinatingPartyId: z.string().uuid(),
    }),
    year: z.number().int().describe('The year followed up: values of later years do not count'),
    preparedOn: z.string().describe('The date the report was prepared (Helsinki), YYYY-MM-DD'),
    years: z.array(z.number().int()).describe('Years the report can be asked for'),
    parties: z.array(z.object({ id: z.string().uuid(), type: z.string(), code: z.string(), name: ZNamed, businessId: z.string().nullable() })),
    totals: ZAreaCounts,
    areas: z.array(
      z.object({
        id: z.string().uuid(),
        name: ZBilingual,
        counts: ZAreaCounts,
        goals: z.array(
          z.object({
            id: z.string().uuid(),
            title: ZBilingual,
            description: ZBilingual,
            section: z.object({ id: z.string().uuid(), number: z.number().int(), heading: ZBilingual }).nullable().describe('The agreement section the goal came from'),
            summary: ZRollUp,
            measures: z.array(
              z.object({
                id: z.string().uuid(),
                title: ZBilingual,
                responsible: z.string(),
                startsOn: z.string().nullable(),
                dueOn: z.string().nullable(),
                status: z.enum(MEASURE_STATUSES),
                owners: z.array(z.object({ id: z.string().uuid(), name: ZNamed })),
                latestUpdate: z
                  .object({ status: z.enum(MEASURE_STATUSES), body: z.string(), party: z.object({ id: z.string().uuid(), name: ZNamed }).nullable(), postedOn: z.string() })
                  .nullable()
                  .describe('The newest public progress update (internal notes are never included)'),
                linkIds: z.array(z.string().uuid()),
                summary: ZRollUp,
              }),
            ),
          }),
        ),
      }),
    ),
    indicators: z.array(
      z.object({
        linkId: z.string().uuid(),
        areaId: z.string().uuid(),
        goalId: z.string().uuid(),
        measureId: z.string().uuid(),
        indicator: z.object({
          id: z.string(),
          source: z.enum(['sotkanet', 'statfin', 'custom']),
          title: ZNamed,
          unit: z.string(),
          decimals: z.number().int(),
          direction: z.enum(['higher_is_better', 'lower_is_better', 'neutral']),
        }),
        scope: z.enum(INDICATOR_SCOPES),
        baseline: ZPoint,
        target: ZPoint,
        years: z.array(z.number().int()).describe('The years of the trend (at most six, up to the report year)'),
        rows: z.array(
          z.object({
            code: z.string(),
            kind: z.enum(['municipality', 'county', 'region', 'country']),
            name: ZNamed,
            reference: z.boolean().describe('A comparison row (the county, the whole country) outside the scope: no status'),
            values: z.array(z.number().nullable()).describe('One per entry of `years`'),
            latest: ZPoint.nullable(),
            expected: z.number().nullable().describe('The value the straight path from baseline to target expects in the latest value’s year'),
            status: z.enum(INDICATOR_STATUSES).nullable(),
            trend: z.enum(TRENDS).nullable(),
          }),
        ),
        summary: ZRollUp,
      }),
    ),
    findings: z
      .object({
        indicatorsOnTrack: z.array(ZFinding),
        measuresDone: z.array(z.string().uuid()),
        indicatorsOffTrack: z.array(ZFinding),
        measuresBehind: z.array(z.object({ measureId: z.string().uuid(), status: z.enum(['late', 'at_risk']) })),
        indicatorsNoData: z.array(ZFinding),
      })
      .describe('Strengths and areas to develop, derived from the statuses only'),
    sources: z.array(
      z.object({
        indicatorId: z.string(),
        source: z.enum(['sotkanet', 'statfin', 'custom']),
        title: ZNamed,
        organisation: z.string(),
        licence: z.string().describe('e.g. CC BY 4.0 (THL Sotkanet, Statistics Finland)'),
        attribution: z.string().describe('Credit to give when the values are shown or passed on'),
        dataUpdated: z.string().nullable(),
      }),
    ),
    usesOwnerValues: z.boolean().describe('Some values were reported by the measures’ owner parties'),
  })
  .meta({ id: 'AgreementReport' });

/** The annual follow-up report of an agreement (public; the DOCX and PDF/A files are at /agreements/{id}/report.docx|pdf). */
export const reportOperations = [
  op({
    operationId: 'getAgreementReport',
    method: 'get',
    path: '/agreements/:id/report',
    tag: 'goals',
    summary: 'An agreement’s annual follow-up report: totals, indicators with trends, strengths and areas to develop, goals and measures, sources',
    description:
      'The report for one year (default: the last full year). Only values of that year and earlier count for the indicators’ statuses; rows in the link’s scope get a status, the county and the whole country are comparison rows. Measures show their current status and newest public update, never internal notes. The same report as a document: `/agreements/{id}/report.docx` and `/agreements/{id}/report.pdf` (PDF/A-2b) with `?year=` and `?lang=fi|sv`. THL Sotkanet and Statistics Finland values are CC BY 4.0: keep the attribution in `sources`.',
    security: 'public',
    params: z.object({ id: z.string().uuid('invalid_uuid') }),
    query: z.object({
      year: z.coerce
        .number({ message: 'invalid_year' })
        .int('invalid_year')
        .min(MIN_REPORT_YEAR)
        .max(2200)
        .optional()
        .describe(`The year followed up, from ${MIN_REPORT_YEAR} to the current year; default the last full year`),
    }),
    errors: [404],
    response: ZReport,
    handler: async (ctx, { params, query }) => getAgreementReport(ctx, params.id, { year: query.year ?? null }),
  }),
];
