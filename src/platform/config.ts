import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadMailConfig, type MailConfig } from './mail/config.ts';

/** All configuration comes from the environment, parsed once at start-up. */
const schema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** A session unused this long ends (ASVS L2 idle timeout), whatever its absolute lifetime (SESSION_DAYS). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Failed sign-ins to one account (any address) in 15 minutes before it is throttled. */
  LOGIN_ACCOUNT_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Accessibility feedback messages from one address in an hour. */
  FEEDBACK_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Requests a minute to /api/v1 from one address without credentials (or with a refused token); 0 turns the limit off. */
  API_RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(0).default(300),
  /** Requests a minute to /api/v1 with one API token; 0 turns the limit off. */
  API_RATE_LIMIT_TOKEN: z.coerce.number().int().min(0).default(1200),
  /** Memory for rendered public pages served to anonymous visitors (server/page-cache.ts); 0 turns it off. */
  PAGE_CACHE_MB: z.coerce.number().min(0).max(4096).default(32),
  /** Largest body of a form or a JSON request, in MB (a multipart body may carry files besides: see UPLOAD_MAX_MB). */
  BODY_MAX_MB: z.coerce.number().min(0.01).max(100).default(1),
  /** Largest file accepted in a form or API upload (scanned signature pages), in MB. */
  UPLOAD_MAX_MB: z.coerce.number().min(0.01).max(100).default(10),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_LABEL: z.string().default('Entra ID / Suomi.fi'),
  /** Allow plain-http issuers (tests and local development only). */
  OIDC_ALLOW_INSECURE: z.enum(['true', 'false']).default('false'),
  /** The server's clock starts at this instant and runs on in real time (browser tests, demonstrations); never in production. */
  CLOCK_START: z.string().datetime({ offset: true }).optional(),
});

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  publicUrl: string;
  sessionSecret: string;
  sessionDays: number;
  /** Idle timeout in minutes (SESSION_IDLE_MINUTES). Not set (configs built by hand in tests): 30. */
  sessionIdleMinutes?: number;
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  seedDemo: boolean;
  loginRateLimit: number;
  /** Failed sign-ins to one account in 15 minutes (LOGIN_ACCOUNT_RATE_LIMIT). Not set: 20. */
  loginAccountRateLimit?: number;
  /** Accessibility feedback per address and hour (FEEDBACK_RATE_LIMIT). Not set: 30. */
  feedbackRateLimit?: number;
  /** /api/v1 requests a minute per anonymous address (API_RATE_LIMIT_ANONYMOUS; 0 = no limit). Not set: 300. */
  apiRateLimit?: number;
  /** /api/v1 requests a minute per API token (API_RATE_LIMIT_TOKEN; 0 = no limit). Not set: 1200. */
  apiTokenRateLimit?: number;
  /** Bytes for the page cache (server/page-cache.ts); 0 = off. Not set: the default 32 MB. */
  pageCacheBytes?: number;
  /** Largest form or JSON body in bytes (BODY_MAX_MB; src/platform/body-limit.ts). Not set (configs built by hand in tests): 1 MB. */
  bodyMaxBytes?: number;
  /** Largest accepted upload in bytes (UPLOAD_MAX_MB). Not set (configs built by hand in tests): 10 MB. */
  uploadMaxBytes?: number;
  oidc?: { issuer: string; clientId: string; clientSecret?: string; label: string; allowInsecure: boolean };
  /** E-mail (src/platform/mail): SMTP_* and MAIL_FROM. Not set (configs built by hand in tests): no mail dispatcher. */
  mail?: MailConfig;
  /** CLOCK_START: the instant the server's clock starts from (tests and demonstrations); unset, the system clock. */
  clockStart?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = schema.parse(env);
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`;
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    sessionSecret: e.SESSION_SECRET ?? persistentSecret(dataDir),
    sessionDays: e.SESSION_DAYS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    secureCookies: e.SECURE_COOKIES ? e.SECURE_COOKIES === 'true' : publicUrl.startsWith('https:'),
    trustProxy: e.TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO === 'true',
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginAccountRateLimit: e.LOGIN_ACCOUNT_RATE_LIMIT,
    feedbackRateLimit: e.FEEDBACK_RATE_LIMIT,
    apiRateLimit: e.API_RATE_LIMIT_ANONYMOUS,
    apiTokenRateLimit: e.API_RATE_LIMIT_TOKEN,
    pageCacheBytes: Math.floor(e.PAGE_CACHE_MB * 1024 * 1024),
    bodyMaxBytes: Math.floor(e.BODY_MAX_MB * 1024 * 1024),
    uploadMaxBytes: Math.floor(e.UPLOAD_MAX_MB * 1024 * 1024),
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            label: e.OIDC_LABEL,
            allowInsecure: e.OIDC_ALLOW_INSECURE === 'true',
          }
        : undefined,
    mail: loadMailConfig(env, dataDir),
    clockStart: e.CLOCK_START,
  };
}

/** Without SESSION_SECRET a random secret is generated once and kept in the data folder. */
function persistentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
