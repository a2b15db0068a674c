import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { ServerBuild } from 'react-router';
import { readDataVersion } from '#platform/audit.ts';
import { helsinkiDate } from '#platform/clock.ts';
import { AppError, isAppError } from '#platform/errors.ts';
import type { AppServices } from '../src/web/app-context.ts';
import { createApiRouter } from '../src/web/api/router.ts';
import { refuseDeclaredLargeBodies } from './body-limits.ts';
import { sendErrorAnswer } from './error-answer.ts';
import { PageCache, versionSource } from './page-cache.ts';
import { pageRouteMatcher } from './limits.ts';
import { createPageHandler, reactRouterRenderer } from './pages.ts';
import { beginRequest } from './request-log.ts';

export interface AppOptions {
  services: Omit<AppServices, 'dataVersion' | 'extras'> & Partial<Pick<AppServices, 'extras'>>;
  build: ServerBuild | (() => Promise<ServerBuild>);
  clientDir: string;
}

/** The HTTP application: security headers, request ids and logs, static files, the API, and the React Router pages. */
export function createApp(opts: AppOptions) {
  const readVersion = () => readDataVersion(opts.services.db);
  // Rendered public pages for anonymous visitors, by data version (server/page-cache.ts); 32 MB unless configured.
  const pageCacheBytes = opts.services.config.pageCacheBytes ?? 32 * 1024 * 1024;
  const pageCache = pageCacheBytes > 0 ? new PageCache(pageCacheBytes, versionSource(opts.services.db), () => helsinkiDate(opts.services.clock.now())) : undefined;
  const services: AppServices = {
    ...opts.services,
    extras: opts.services.extras ?? {},
    dataVersion: pageCache ? () => pageCache.version() : readVersion,
  };
  const { config, log } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);

  app.use((req: Request, res: Response, next: NextFunction) => {
    res.locals.requestId = beginRequest(req, res, log, { trustProxy: config.trustProxy });
    next();
  });

  const oidcOrigin = config.oidc ? new URL(config.oidc.issuer).origin : undefined;
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: oidcOrigin ? ["'self'", oidcOrigin] : ["'self'"],
          upgradeInsecureRequests: config.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    next();
  });

  // TRACE and TRACK echo requests back (cross-site tracing): no route answers them, and they are not "not found".
  app.use((req, res, next) => {
    if (req.method !== 'TRACE' && req.method !== 'TRACK') return next();
    res.setHeader('Allow', 'GET, HEAD, POST, PUT, PATCH, DELETE');
    sendErrorAnswer(req, res, new AppError('http.method_not_allowed', 'method_not_allowed'));
  });

  // Bodies over their size limit are refused before anything reads them (issue 8 finding 3).
  app.use(refuseDeclaredLargeBodies(services));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await services.db.query('SELECT 1');
      res.json({ status: 'ready', database: services.db.kind });
    } catch (e) {
      log.warn('readiness check failed', { error: e });
      res.status(503).json({ status: 'unavailable' });
    }
  });

  app.use('/assets', express.static(path.join(opts.clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  app.use(express.static(opts.clientDir, { maxAge: '1h', index: false }));

  // Cross-site form posts are refused before any work (SameSite cookies and CSRF tokens are the other layers).
  app.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.path.startsWith('/api/')) return next();
    const origin = req.get('origin');
    if (origin && origin !== 'null' && new URL(origin).host !== req.get('host')) {
      res.status(403).type('text/plain').send('Cross-origin form posts are not accepted.');
      return;
    }
    next();
  });

  app.use('/api/v1', createApiRouter(services));
  for (const mount of (services.extras.routers as { path: string; router: express.Router }[] | undefined) ?? []) {
    app.use(mount.path, mount.router);
  }

  app.all(
    '/{*splat}',
    createPageHandler({
      services,
      render: reactRouterRenderer(opts.build, process.env.NODE_ENV === 'development' ? 'development' : 'production'),
      cache: pageCache,
      // Sign-in and accessibility feedback are limited per address (server/limits.ts), by the route React Router runs.
      routeOf: pageRouteMatcher(opts.build),
    }),
  );

  // The last word on a failed request: a domain error keeps its status (a database that cannot be reached is a
  // 503 with Retry-After, refused input a 400); anything else is a 500. The API answers a Problem, pages a page.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    if (isAppError(err)) {
      log.warn('request failed', { requestId: res.locals.requestId, code: err.code, kind: err.kind });
      return sendErrorAnswer(req, res, err);
    }
    log.error('unhandled error', { requestId: res.locals.requestId, error: err });
    sendErrorAnswer(req, res, undefined);
  });
  // Serve this: anonymous visitors' cached pages come straight from memory, everything else goes to Express.
  const handler = pageCache ? pageCache.frontDoor(app, { log, trustProxy: config.trustProxy }) : app;
  return { app, handler, services, pageCache };
}
