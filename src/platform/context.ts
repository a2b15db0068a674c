import type { Actor } from './actor.ts';
import type { Clock } from './clock.ts';
import type { Db } from './db/db.ts';
import type { Logger } from './log.ts';

/** Everything a use case needs from its caller. */
export interface Ctx {
  db: Db;
  clock: Clock;
  actor: Actor;
  requestId: string;
  log: Logger;
}
