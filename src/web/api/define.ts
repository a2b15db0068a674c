import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Actor } from '#platform/actor.ts';
import { bodyLimit, BodyTooLargeError, bodyTooLarge, DEFAULT_BODY_MAX_BYTES, limitedBody } from '#platform/body-limit.ts';
import { AppError, isAppError } from '#platform/errors.ts';
import { zodIssues } from '#platform/validation.ts';
import { isLang, type Lang } from '#i18n/index.ts';
import type { AppServices } from '../app-context.ts';
import { countApiRequest } from './api-limits.ts';
import { sendInternalProblem, sendProblem } from './problem.ts';
import type { Ctx } from '#platform/context.ts';
import { DEFAULT_UPLOAD_MAX_BYTES, type UploadedFile } from '#platform/uploads.ts';
import { isMultipart, parseMultipart } from '../multipart.server.ts';

/**
 * One API operation: its HTTP shape (zod schemas for path, query, body and response) and a handler
 * that calls one use case. The same definitions serve requests and generate /api/v1/openapi.json.
 */
export interface Operation<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path below /api/v1, e.g. '/parties/:id'. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** 'public' needs no credentials; 'authenticated' needs a bearer token or a session. */
  security: 'public' | 'authenticated';
  params?: P;
  query?: Q;
  body?: B;
  response: z.ZodType;
  /** Status of a successful response (200 unless given). */
  status?: number;
  /** When the operation can also answer text/csv (the handler returns a RawBody): what the CSV holds. */
  csv?: string;
  /** Statuses of the problem responses this operation can give besides 400/401/403/500. */
  errors?: number[];
  /**
   * Files the operation also accepts when the body is sent as multipart/form-data (the other fields then
   * come as form fields): field name → description. Read with the configured size limit (UPLOAD_MAX_MB).
   */
  files?: Record<string, string>;
  /** A file response (the handler returns a RawBody with the bytes): the media types it can have. */
  binary?: string[];
  handler: (ctx: Ctx, input: { params: z.output<P>; query: z.output<Q>; body: z.output<B>; files: Record<string, UploadedFile> }, req: Request) => Promise<unknown>;
}

/** A handler's answer that is not JSON (e.g. CSV): sent as is with its content type. */
export class RawBody {
  constructor(
    readonly contentType: string,
    readonly body: string | Buffer,
    readonly headers: Record<string, string> = {},
  ) {}
}

export const op = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(o: Operation<P, Q, B>) => o as unknown as Operation;

export type ResolveActor = (services: AppServices, req: Request, res: Response) => Promise<Actor | AppError>;

/** Language for messages: ?lang=, then Accept-Language, then Finnish. */
export function apiLang(req: Request): Lang {
  const q = req.query.lang;
  if (isLang(q)) return q;
  const accepted = req.acceptsLanguages('fi', 'sv', 'en');
  return isLang(accepted) ? accepted : 'fi';
}

export function mountOperations(services: AppServices, ops: Operation[], resolveActor: ResolveActor): Router {
  const router = express.Router();
  router.use(jsonBody(services.config.bodyMaxBytes ?? DEFAULT_BODY_MAX_BYTES));
  for (const o of ops) {
    router[o.method](o.path, async (req: Request, res: Response) => {
      const lang = apiLang(req);
      try {
        const actor = await resolveActor(services, req, res);
        const limited = await countApiRequest(services, req, res, actor);
        if (limited) return sendProblem(res, lang, limited);
        if (actor instanceof AppError) return sendProblem(res, lang, actor);
        res.locals.actor = actor; // for the request's log line (server/request-log.ts)
        if (o.security === 'authenticated' && actor.kind === 'public') return sendProblem(res, lang, new AppError('auth.sign_in_required', 'unauthenticated'));
        const parse = <S extends z.ZodType>(schema: S | undefined, value: unknown, where: string) => {
          if (!schema) return undefined;
          // A NUL cannot be stored or searched for in PostgreSQL text: refused here, naming the field.
          const nul = nulPath(value);
          if (nul !== undefined) throw new AppError('validation.invalid_input', 'invalid', [{ field: nul || where, code: 'invalid' }]);
          const r = schema.safeParse(value ?? {});
          if (!r.success) throw new AppError('validation.invalid_input', 'invalid', zodIssues(r.error).map((i) => ({ ...i, field: i.field === '_' ? where : i.field })));
          return r.data;
        };
        const { lang: asked, ...query } = req.query as Record<string, unknown>;
        // ?lang= is documented as fi, sv or en: anything else is refused like any other parameter.
        if (asked !== undefined && !isLang(asked)) throw new AppError('validation.invalid_input', 'invalid', [{ field: 'lang', code: 'invalid_choice' }]);
        let rawBody: unknown = req.body;
        let files: Record<string, UploadedFile> = {};
        if (o.files && isMultipart(req.get('content-type'))) {
          const maxFileBytes = services.config.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES;
          const limit = bodyLimit(services.config, req.get('content-type'));
          const parsed = await parseMultipart(req.headers as Record<string, string>, limitedBody(req, limit), { fileFields: Object.keys(o.files), maxFileBytes }).catch((e: unknown) => {
            if (!(e instanceof BodyTooLargeError)) throw e;
            res.setHeader('Connection', 'close');
            throw bodyTooLarge(limit);
          });
          // A repeated field (e.g. participantIds) keeps all its values.
          rawBody = Object.fromEntries(Object.entries(parsed.lists).map(([k, v]) => [k, v.length > 1 ? v : v[0]]));
          files = parsed.files;
        }
        const input = {
          params: parse(o.params, req.params, 'path'),
          query: parse(o.query, query, 'query'),
          body: parse(o.body, rawBody, 'body'),
          files,
        };
        const ctx: Ctx = { db: services.db, clock: services.clock, actor, requestId: String(res.locals.requestId), log: services.log.child({ requestId: res.locals.requestId }) };
        const result = await o.handler(ctx, input as never, req);
        if (o.status === 204) return void res.status(204).end();
        if (result instanceof RawBody) return void res.status(o.status ?? 200).set(result.headers).type(result.contentType).send(result.body);
        res.status(o.status ?? 200).json(result);
      } catch (e) {
        if (isAppError(e)) return sendProblem(res, lang, e);
        services.log.error('api error', { requestId: res.locals.requestId, error: e });
        sendInternalProblem(res, lang);
      }
    });
  }
  return router;
}

/** The dotted path of the first string holding a NUL character in `value` ('' for `value` itself), if any. */
function nulPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [k, v] of Object.entries(value)) {
    const found = nulPath(v, path ? `${path}.${k}` : k);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Reads a JSON body into `req.body`, at most `limit` bytes: a declared length over it was refused before
 * (server/body-limits.ts), a body streamed past it is cut off there with a 413 problem and the connection
 * closed (express.json would read such a body to its end before answering).
 */
function jsonBody(limit: number) {
  return async (req: Request, res: Response, next: (e?: unknown) => void) => {
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(req.get('content-type') ?? '') || (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined)) return next();
    const chunks: Buffer[] = [];
    try {
      for await (const c of limitedBody(req, limit)) chunks.push(c as Buffer);
    } catch (e) {
      if (!(e instanceof BodyTooLargeError)) return next(e);
      res.setHeader('Connection', 'close');
      return sendProblem(res, apiLang(req), bodyTooLarge(limit));
    }
    const text = Buffer.concat(chunks).toString('utf8');
    try {
      req.body = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      return sendProblem(res, apiLang(req), new AppError('validation.invalid_input', 'invalid', [{ field: 'body', code: 'invalid_json' }]));
    }
    next();
  };
}

/** The `next` link of a paginated list: this request's URL with the following offset, or null on the last page. */
export function nextPageLink(req: Request, page: { offset: number; limit: number; total: number }): string | null {
  const nextOffset = page.offset + page.limit;
  if (nextOffset >= page.total) return null;
  const u = new URL(req.originalUrl, 'http://x');
  u.searchParams.set('offset', String(nextOffset));
  u.searchParams.set('limit', String(page.limit));
  return `${u.pathname}${u.search}`;
}
