import { sessionCookieName } from '#platform/auth/cookies.ts';
import { z } from 'zod';
import { DEFAULT_API_RATE_LIMIT, DEFAULT_API_TOKEN_RATE_LIMIT } from '#platform/rate-limit.ts';
import type { Operation } from './define.ts';

const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable error code, e.g. parties.not_found'),
    detail: z.string().describe('Message in the language asked for (?lang= or Accept-Language)'),
    requestId: z.string(),
    errors: z.array(
      z.object({
        field: z.string().describe('The field at fault: its name, a dotted path, `body`, `query` or `path`'),
        code: z.string().describe('Stable code of the issue, e.g. required, too_big'),
        message: z.string().describe('The issue in the language asked for'),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('Values in the message, e.g. `{ "max": 200 }`'),
      }),
    ),
    current: z.unknown().optional().describe('On 409 after a stale write: the current state of the resource, to show beside the caller’s'),
  })
  .meta({ id: 'Problem' });

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input; `errors` names each field',
  401: 'Credentials missing or invalid',
  403: 'Not allowed for this caller',
  404: 'Not found',
  409: 'Conflict: changed by someone else, or not allowed in this state',
  413: 'The body is over the size limit (BODY_MAX_MB; with files UPLOAD_MAX_MB each)',
  429: 'Too many requests: over the rate limit of the caller (see the API description); retry after `Retry-After` seconds',
  500: 'Internal error',
};

const perMinute = (n: number) => (n > 0 ? `${n} requests a minute` : 'any number of requests (no limit configured)');

/** Headers of a 429 (src/web/api/api-limits.ts). */
const RATE_LIMIT_HEADERS = {
  'Retry-After': { description: 'Seconds until the current window ends and requests are accepted again', schema: { type: 'integer', minimum: 1 } },
  RateLimit: { description: 'The limit’s remaining requests (r) and seconds until it resets (t), IETF draft', schema: { type: 'string' } },
  'RateLimit-Policy': { description: 'The limit: requests (q) per window of seconds (w), IETF draft', schema: { type: 'string' } },
};

/** What each tag covers; a tag used by an operation must be described here (the OpenAPI lint test checks it). */
const TAG_TEXT: Record<string, string> = {
  goals: 'Shared, measurable goals of an agreement: measures, followed indicators and their statuses (public); values recorded by the owner parties’ systems.',
  'open-data': 'Open data of the shared situational picture: indicator values (THL Sotkanet, Statistics Finland, parties’ own data) with their licence and attribution, as JSON or CSV. Public.',
  parties: 'Cooperation regions and their parties (municipalities, wellbeing services counties, the City of Helsinki, regional councils) with their decision-making bodies. Public.',
  tokens: 'API tokens for integrations, each scoped to one party and one role; managed by the party’s administrators.',
  audit: 'The append-only audit trail of changes and sign-ins; for party administrators (their own parties) and platform administrators.',
  forums: 'Standing forums of a cooperation region (members with roles) and their meetings; public forums for everyone, internal ones for the region’s parties and the forums’ members.',
  obligations:
    'The statutory obligations monitor (hyvinvointialuelaki 14 §, sote-järjestämislaki 7 §, welfare reports, the agreement’s follow-up): catalogue, periods, derived statuses and evidence per region and party, and the national overview as open data. Public to read; negotiations recorded by the county’s editors, reports by each party’s editors.',
  agreements:
    'Strategic cooperation agreements: versions (public once sent to a comment round or to approval), comments (parties only), decisions and signatures (each party for itself), and the approval overview.',
};

/** Descriptions of common parameters that an operation's schema leaves undescribed. */
const PARAM_TEXT: Record<string, string> = {
  limit: 'Page size',
  offset: 'Number of items to skip (default 0)',
};

/** `/parties/{id}/tokens` → the `id` names a party: "Identifier of the party". */
function pathParamText(oaPath: string, name: string): string {
  const segs = oaPath.split('/');
  const before = segs[segs.indexOf(`{${name}}`) - 1] ?? '';
  const noun = before.replace(/ies$/, 'y').replace(/s$/, '').replace(/[-_]/g, ' ');
  return noun ? `Identifier of the ${noun}` : `The ${name}`;
}

const ACCESS_TEXT = {
  public: 'Public: no credentials needed.',
  authenticated:
    'Needs credentials: an API token (`Authorization: Bearer …`) or a signed-in session cookie; session-authenticated writes also send the session’s CSRF token in `X-CSRF-Token`.',
};

/** OpenAPI 3.1 document generated from the operation definitions (zod → JSON Schema). */
export function buildOpenApi(ops: Operation[], serverUrl: string, limits: { anonymousPerMinute: number; tokenPerMinute: number } = { anonymousPerMinute: DEFAULT_API_RATE_LIMIT, tokenPerMinute: DEFAULT_API_TOKEN_RATE_LIMIT }) {
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  /** zod → JSON Schema; named schemas (.meta({ id })) are hoisted into components.schemas and referenced. */
  const collect = (s: z.ZodType, io: 'input' | 'output'): unknown => {
    const raw = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
    const json = JSON.parse(JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<string, unknown>;
    const { $defs, $schema, ...rest } = json as { $defs?: Record<string, unknown>; $schema?: string };
    void $schema;
    Object.assign(schemas, $defs ?? {});
    const id = (z.globalRegistry.get(s) as { id?: string } | undefined)?.id;
    if (id) {
      // A named root comes back as `{ $ref: '#/$defs/<id>' }` with its body in $defs (already copied above);
      // storing the bare $ref would make the component point at itself.
      const selfRef = (rest as { $ref?: string }).$ref === `#/components/schemas/${id}`;
      if (!selfRef) schemas[id] = rest;
      return { $ref: `#/components/schemas/${id}` };
    }
    return rest;
  };
  for (const o of ops) {
    const oaPath = o.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    const addParams = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
      if (!schema) return;
      const js = collect(schema, 'input') as { properties?: Record<string, { description?: string }>; required?: string[] };
      for (const [name, prop] of Object.entries(js.properties ?? {})) {
        const describe = (n: string) => prop.description ?? (where === 'path' ? pathParamText(oaPath, n) : PARAM_TEXT[n]);
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: prop,
          ...(describe(name) ? { description: describe(name) } : {}),
        });
      }
    };
    addParams(o.params, 'path');
    addParams(o.query, 'query');
    parameters.push({ name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['fi', 'sv', 'en'] }, description: 'Language of error messages' });
    const errorStatuses = [...new Set([400, ...(o.security === 'authenticated' ? [401, 403] : []), ...(o.errors ?? []), 429, 500])].sort();
    const responses: Record<string, unknown> = {
      [String(o.status ?? 200)]:
        o.status === 204
          ? { description: 'Done' }
          : {
              description: 'OK',
              content: o.binary
                ? Object.fromEntries(o.binary.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]))
                : {
                    'application/json': { schema: collect(o.response, 'output') },
                    ...(o.csv ? { 'text/csv': { schema: { type: 'string', description: o.csv } } } : {}),
                  },
            },
    };
    for (const s of errorStatuses) {
      responses[String(s)] = {
        description: STATUS_TEXT[s] ?? 'Error',
        ...(s === 429 ? { headers: RATE_LIMIT_HEADERS } : {}),
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    paths[oaPath] ??= {};
    paths[oaPath][o.method] = {
      operationId: o.operationId,
      tags: [o.tag],
      summary: o.summary,
      description: `${o.description ?? `${o.summary}.`}\n\n${ACCESS_TEXT[o.security]}`,
      parameters,
      ...(o.body ? { requestBody: { required: true, content: requestContent(o, collect(o.body, 'input')) } } : {}),
      responses,
      security: o.security === 'public' ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
    };
  }
  collect(ZProblem, 'output');
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kumppanuus API',
      version: '1.0.0',
      description:
        'Strategic cooperation of a wellbeing services county, its municipalities and the regional council. Lists are `{ items, total, next }`; errors are `application/problem+json` with a stable `code`.\n\n' +
        `Rate limits: callers without credentials may make ${perMinute(limits.anonymousPerMinute)} from one address (a request with a refused token counts there too), each API token ${perMinute(limits.tokenPerMinute)}; signed-in browser sessions are not limited. Every counted response carries the \`RateLimit\` and \`RateLimit-Policy\` headers (IETF draft); over the limit the answer is 429 with \`Retry-After\` (seconds) and a Problem with the code \`api.rate_limited\`. The counts are shared by all instances of the installation.`,
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: `${serverUrl.replace(/\/+$/, '')}/api/v1`, description: 'This installation' }],
    tags: [...new Set(ops.map((o) => o.tag))].map((name) => (TAG_TEXT[name] ? { name, description: TAG_TEXT[name] } : { name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token scoped to one party and role' },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: sessionCookieName(serverUrl.startsWith('https:')),
          description: 'The web session: `__Host-kp_session` over HTTPS (secure cookies), `kp_session` over plain HTTP',
        },
      },
    },
  };
}

/** JSON, and for operations that take files also multipart/form-data: the same fields plus the files. */
function requestContent(o: Operation, json: unknown): Record<string, unknown> {
  if (!o.files) return { 'application/json': { schema: json } };
  const files = Object.fromEntries(Object.entries(o.files).map(([name, description]) => [name, { type: 'string', format: 'binary', description }]));
  return {
    'application/json': { schema: json },
    'multipart/form-data': { schema: { allOf: [json, { type: 'object', properties: files }] } },
  };
}
