import { z } from 'zod';
import { getParty, listCooperationRegions, listParties, PARTY_LANGUAGES, PARTY_TYPES, ZPartyListQuery, type Party } from '#modules/parties/index.ts';
import { nextPageLink, op } from './define.ts';

const ZName = z.object({ fi: z.string(), sv: z.string(), en: z.string() }).meta({ id: 'LocalisedName' });

export const ZPartyOut = z
  .object({
    id: z.string().uuid(),
    type: z.enum(PARTY_TYPES),
    code: z.string().describe('Statistics Finland code: 091 (municipality), HVA19 (county), MK17 (regional council)'),
    businessId: z.string().nullable().describe('Y-tunnus, check digit verified'),
    name: ZName,
    language: z.enum(PARTY_LANGUAGES).describe('fi, sv, or bilingual fi-sv / sv-fi (majority first)'),
    regionCode: z.string().nullable().describe('Maakunta code, two digits'),
    countyCode: z.string().nullable().describe('Wellbeing services county code (HVA01…HVA21, HVA90 Helsinki)'),
    population: z.number().int().nullable(),
    endedOn: z.string().nullable().describe('Set when the party has ceased (e.g. a merged municipality)'),
    successorId: z.string().uuid().nullable(),
  })
  .meta({ id: 'Party' });

export const partyOut = (p: Party): z.infer<typeof ZPartyOut> => ({
  id: p.id,
  type: p.type,
  code: p.code,
  businessId: p.businessId,
  name: p.name,
  language: p.language,
  regionCode: p.regionCode,
  countyCode: p.countyCode,
  population: p.population,
  endedOn: p.endedOn,
  successorId: p.successorId,
});

const ZRegionOut = z
  .object({
    code: z.string().describe('County code of the cooperation region (HVA01…HVA21, HVA90)'),
    type: z.enum(['wellbeing_services_county', 'city_of_helsinki']),
    name: ZName,
    regionCode: z.string(),
    regionName: ZName,
    population: z.number().int(),
    municipalityCount: z.number().int(),
    partyCount: z.number().int(),
  })
  .meta({ id: 'CooperationRegion' });

const list = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      total: z.number().int(),
      next: z.string().nullable().describe('URL of the next page, null on the last page'),
    })
    .meta({ id: name });

/** The use case's own query schema, so that what the OpenAPI document says is what is enforced (issue 8 finding 8). */
const q = ZPartyListQuery.shape;
const ZPartyQuery = z.object({
  type: q.type.describe('Party type'),
  region: q.region.describe('Maakunta code, e.g. 17'),
  county: q.county.describe('County code, e.g. HVA19'),
  q: q.q.describe('Text in a name, a code or a Business ID'),
  limit: q.limit.describe('Page size, 1–500 (default 50)'),
  offset: q.offset,
});

export const partyOperations = [
  op({
    operationId: 'listRegions',
    method: 'get',
    path: '/regions',
    tag: 'parties',
    summary: 'The 22 cooperation regions (21 wellbeing services counties and the City of Helsinki)',
    security: 'public',
    response: list(ZRegionOut, 'RegionList'),
    handler: async (ctx) => {
      const items = await listCooperationRegions(ctx);
      return {
        items: items.map((r) => ({
          code: r.code,
          type: r.type,
          name: r.name,
          regionCode: r.regionCode,
          regionName: r.regionName,
          population: r.population,
          municipalityCount: r.municipalityCount,
          partyCount: r.partyCount,
        })),
        total: items.length,
        next: null,
      };
    },
  }),
  op({
    operationId: 'listParties',
    method: 'get',
    path: '/parties',
    tag: 'parties',
    summary: 'Search parties by type, region, county and text; paginated',
    security: 'public',
    query: ZPartyQuery,
    response: list(ZPartyOut, 'PartyList'),
    handler: async (ctx, { query }, req) => {
      const res = await listParties(ctx, query);
      const next = nextPageLink(req, res);
      return { items: res.items.map(partyOut), total: res.total, next };
    },
  }),
  op({
    operationId: 'getParty',
    method: 'get',
    path: '/parties/:id',
    tag: 'parties',
    summary: 'One party with its decision-making bodies',
    security: 'public',
    params: z.object({ id: z.string().uuid('invalid_uuid') }),
    response: ZPartyOut.extend({
      bodies: z.array(z.object({ id: z.string().uuid(), kind: z.string(), name: ZName })),
    }).meta({ id: 'PartyDetails' }),
    errors: [404],
    handler: async (ctx, { params }) => {
      const d = await getParty(ctx, params.id);
      return { ...partyOut(d.party), bodies: d.bodies.map((b) => ({ id: b.id, kind: b.kind, name: b.name })) };
    },
  }),
];
