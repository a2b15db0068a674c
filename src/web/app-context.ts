import type { Actor } from '#platform/actor.ts';
import type { Clock } from '#platform/clock.ts';
import type { Config } from '#platform/config.ts';
import type { Ctx } from '#platform/context.ts';
import type { Db } from '#platform/db/db.ts';
import type { Logger } from '#platform/log.ts';

/** Long-lived services, created once by the server entry (server/app.ts) and shared by every request. */
export interface AppServices {
  db: Db;
  clock: Clock;
  log: Logger;
  config: Config;
  /** Cache of rendered public pages keyed by data version (see server/page-cache.ts). */
  dataVersion: () => Promise<number>;
  /** Optional integrations, set by the server entry when configured. */
  extras: Record<string, unknown>;
}

export interface CurrentUser {
  id: string;
  displayName: string;
  isPlatformAdmin: boolean;
  memberships: { partyId: string; role: string }[];
}

/** What every loader and action gets as `context`. */
export interface RequestContext {
  services: AppServices;
  actor: Actor;
  user: CurrentUser | null;
  /** The token every form must echo back in `_csrf`. */
  csrfToken: string;
  /** The raw session cookie value (for sign-out). */
  sessionToken?: string;
  requestId: string;
  log: Logger;
}

declare module 'react-router' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}

/** The use-case context for this request. */
export function ctxOf(context: RequestContext): Ctx {
  return {
    db: context.services.db,
    clock: context.services.clock,
    actor: context.actor,
    requestId: context.requestId,
    log: context.log,
  };
}
