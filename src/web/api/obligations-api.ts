import { z } from 'zod';
import {
  getNationalObligations,
  getPartyObligations,
  getRegionObligations,
  nationalObligationsCsv,
  OBLIGATION_CODES,
  recordNegotiation,
  recordObligationDocument,
  ZDocumentInput,
  ZNegotiationInput,
  type DocumentRow,
  type NegotiationRow,
} from '#modules/obligations/index.ts';
import { op, RawBody } from './define.ts';

const ZStatus = z.enum(['met', 'due', 'overdue', 'not_yet_due']).meta({ id: 'ObligationStatus' });
const ZPeriod = z.object({ key: z.string().describe("'term:2025' (the council term that starts in 2025) or 'year:2024'"), kind: z.enum(['term', 'year']), startsOn: z.string(), endsOn: z.string() }).meta({ id: 'ObligationPeriod' });
const ZObligation = z
  .object({
    code: z.enum(OBLIGATION_CODES),
    law: z.string().describe("The provision as cited, 'THL' for THL guidance, '' for the agreement’s own follow-up"),
    finlexUrl: z.string().nullable(),
    obliged: z.enum(['county', 'each_municipality', 'county_and_each_municipality']),
    frequency: z.enum(['county_term', 'municipal_term', 'yearly']),
    evidence: z.array(z.enum(['negotiation', 'document', 'meeting'])),
    quote: z.string().nullable().describe('The law’s words in Finnish, as the cited source gives them'),
    source: z.string(),
  })
  .meta({ id: 'Obligation' });

const ZNegotiationOut = z
  .object({
    id: z.string().uuid(),
    countyCode: z.string(),
    obligationCode: z.enum(OBLIGATION_CODES),
    heldOn: z.string(),
    title: z.string(),
    participantIds: z.array(z.string().uuid()),
    minutes: z.object({ fileName: z.string(), mediaType: z.string(), sha256: z.string() }).nullable(),
    annulled: z.object({ at: z.string(), reason: z.string() }).nullable(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'ObligationNegotiation' });
const negotiationOut = (n: NegotiationRow): z.infer<typeof ZNegotiationOut> => ({
  ...n,
  obligationCode: n.obligationCode as z.infer<typeof ZNegotiationOut>['obligationCode'],
  annulled: n.annulled && { at: n.annulled.at.toISOString(), reason: n.annulled.reason },
});

const ZDocumentOut = z
  .object({
    id: z.string().uuid(),
    partyId: z.string().uuid(),
    obligationCode: z.enum(OBLIGATION_CODES),
    periodKey: z.string(),
    title: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    sha256: z.string(),
    decision: z.object({ body: z.string(), date: z.string(), section: z.string() }),
    annulled: z.object({ at: z.string(), reason: z.string() }).nullable(),
    rowVersion: z.number().int(),
  })
  .meta({ id: 'ObligationDocument' });
const documentOut = (d: DocumentRow): z.infer<typeof ZDocumentOut> => ({
  ...d,
  obligationCode: d.obligationCode as z.infer<typeof ZDocumentOut>['obligationCode'],
  annulled: d.annulled && { at: d.annulled.at.toISOString(), reason: d.annulled.reason },
});

const ZCounty = z.object({ code: z.string().regex(/^HVA[0-9]{2}$/, 'invalid_county_code') });

export const obligationOperations = [
  op({
    operationId: 'listObligations',
    method: 'get',
    path: '/obligations',
    tag: 'obligations',
    summary: 'All 22 cooperation regions × the statutory obligations in the current council term and year (open data)',
    description: 'Statuses are derived from the recorded evidence on today’s date in Helsinki. `Accept: text/csv` gives one row per region and obligation.',
    security: 'public',
    csv: 'One row per region and obligation: county_code, region_code, county_name_fi, obligation_code, period, period_ends_on, status, parties_met, parties_obliged',
    response: z
      .object({
        catalogueVersion: z.string(),
        today: z.string(),
        obligations: z.array(ZObligation),
        periods: z.record(z.string(), z.object({ key: z.string(), startsOn: z.string(), endsOn: z.string() })).describe('The current period of each obligation, by code'),
        regions: z.array(
          z.object({
            countyCode: z.string(),
            regionCode: z.string(),
            name: z.object({ fi: z.string(), sv: z.string(), en: z.string() }),
            cells: z.array(z.object({ obligationCode: z.enum(OBLIGATION_CODES), periodKey: z.string(), status: ZStatus, met: z.number().int(), obliged: z.number().int() })),
          }),
        ),
      })
      .meta({ id: 'NationalObligations' }),
    handler: async (ctx, _input, req) => {
      const n = await getNationalObligations(ctx);
      if (req.accepts(['application/json', 'text/csv']) === 'text/csv') return new RawBody('text/csv; charset=utf-8', nationalObligationsCsv(n));
      return {
        catalogueVersion: n.catalogueVersion,
        today: n.today,
        obligations: n.obligations.map((o) => ({ ...o, evidence: [...o.evidence] })),
        periods: n.periods,
        regions: n.regions.map((r) => ({ countyCode: r.region.countyCode, regionCode: r.region.regionCode, name: r.region.name, cells: r.cells })),
      };
    },
  }),
  op({
    operationId: 'getRegionObligations',
    method: 'get',
    path: '/regions/:code/obligations',
    tag: 'obligations',
    summary: 'A region’s obligations: every period with its status, the evidence that counts and the parties missing',
    security: 'public',
    params: ZCounty,
    errors: [404],
    response: z
      .object({
        catalogueVersion: z.string(),
        today: z.string(),
        countyCode: z.string(),
        parties: z.array(z.object({ id: z.string().uuid(), type: z.enum(['county', 'municipality']), code: z.string(), name: z.object({ fi: z.string(), sv: z.string(), en: z.string() }) })),
        obligations: z.array(
          z.object({
            obligation: ZObligation,
            obligedPartyIds: z.array(z.string().uuid()),
            periods: z.array(
              z.object({
                period: ZPeriod,
                status: ZStatus,
                missingPartyIds: z.array(z.string().uuid()),
                parties: z.array(z.object({ partyId: z.string().uuid(), status: ZStatus, evidenceIds: z.array(z.string().uuid()), deadline: z.string() })),
              }),
            ),
          }),
        ),
        negotiations: z.array(ZNegotiationOut),
        documents: z.array(ZDocumentOut),
        meetings: z.array(z.object({ id: z.string().uuid(), forumId: z.string().uuid(), startsAt: z.string(), kinds: z.array(z.string()), attendedPartyIds: z.array(z.string().uuid()) })).describe('Held forum meetings of kind 14 § or 7 § with their attendance'),
        nextDeadlines: z.array(z.object({ obligationCode: z.string(), periodKey: z.string(), deadline: z.string(), missingPartyIds: z.array(z.string().uuid()) })),
      })
      .meta({ id: 'RegionObligations' }),
    handler: async (ctx, { params }) => {
      const r = await getRegionObligations(ctx, params.code);
      return {
        catalogueVersion: r.catalogueVersion,
        today: r.today,
        countyCode: r.region.countyCode,
        parties: r.region.parties,
        obligations: r.obligations.map((o) => ({ ...o, obligation: { ...o.obligation, evidence: [...o.obligation.evidence] } })),
        negotiations: r.negotiations.map(negotiationOut),
        documents: r.documents.map(documentOut),
        meetings: r.meetings.map((m) => ({ id: m.id, forumId: m.forumId, startsAt: m.startsAt.toISOString(), kinds: m.kinds, attendedPartyIds: m.attendedPartyIds })),
        nextDeadlines: r.nextDeadlines,
      };
    },
  }),
  op({
    operationId: 'getPartyObligations',
    method: 'get',
    path: '/parties/:id/obligations',
    tag: 'obligations',
    summary: 'One party’s own list: the obligations it answers for, every period, its status and evidence',
    security: 'public',
    params: z.object({ id: z.string().uuid('invalid_uuid') }),
    errors: [404],
    response: z
      .object({
        partyId: z.string().uuid(),
        countyCode: z.string(),
        today: z.string(),
        rows: z.array(
          z.object({
            obligationCode: z.enum(OBLIGATION_CODES),
            period: ZPeriod,
            status: ZStatus,
            deadline: z.string(),
            evidence: z.array(z.object({ id: z.string(), kind: z.enum(['negotiation', 'document', 'meeting']), date: z.string(), title: z.string() })),
          }),
        ),
      })
      .meta({ id: 'PartyObligations' }),
    handler: async (ctx, { params }) => {
      const p = await getPartyObligations(ctx, params.id);
      return {
        partyId: p.partyId,
        countyCode: p.region.countyCode,
        today: p.today,
        rows: p.rows.map((r) => ({ obligationCode: r.obligation.code, period: r.period, status: r.status.status, deadline: r.status.deadline, evidence: r.evidence })),
      };
    },
  }),
  op({
    operationId: 'recordObligationNegotiation',
    method: 'post',
    path: '/regions/:code/obligations/negotiations',
    tag: 'obligations',
    summary: 'Record a negotiation held in the region (the county’s editor token), with its minutes as an optional file',
    description: 'As JSON, or as multipart/form-data with the minutes (PDF or DOCX, checked by content) in `minutes`; `participantIds` may then repeat.',
    security: 'authenticated',
    params: ZCounty,
    body: ZNegotiationInput,
    files: { minutes: 'The minutes (PDF or DOCX)' },
    status: 201,
    errors: [404],
    response: ZNegotiationOut,
    handler: async (ctx, { params, body, files }) => negotiationOut(await recordNegotiation(ctx, params.code, body, files.minutes)),
  }),
  op({
    operationId: 'recordObligationDocument',
    method: 'post',
    path: '/obligations/documents',
    tag: 'obligations',
    summary: 'Record a party’s report (welfare report, yearly or follow-up report) with its approval decision (the party’s editor token)',
    description: 'multipart/form-data: the fields below and the file (PDF or DOCX, checked by content) in `file`.',
    security: 'authenticated',
    body: ZDocumentInput,
    files: { file: 'The report (PDF or DOCX)' },
    status: 201,
    errors: [404],
    response: ZDocumentOut,
    handler: async (ctx, { body, files }) => documentOut(await recordObligationDocument(ctx, body, files.file)),
  }),
];
