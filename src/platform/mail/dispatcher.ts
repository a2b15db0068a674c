import { systemClock, type Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import type { Logger } from '../log.ts';
import { describeMailError, isPermanentMailError, type Mailer } from './mailer.ts';
import { claimDueMail, hasDueMail, markMailFailed, markMailRetry, markMailSent, purgeSentMail, type ClaimedMail } from './outbox-queries.ts';

export interface DispatcherOptions {
  db: Db;
  mailer: Mailer;
  log: Logger;
  clock?: Clock;
  /** How often the running dispatcher looks for due messages (default 5 s). */
  pollMs?: number;
  /** Attempts before a message is given up as failed (default 30: about a day with the backoff below). */
  maxAttempts?: number;
  /** Sent messages are deleted after this many days (default 30); checked at most hourly while running. */
  keepSentDays?: number;
}

export interface DrainResult {
  sent: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Given up: refused permanently or out of attempts. */
  failed: number;
}

export interface MailDispatcher {
  /** Sends every message due now, one at a time, and returns what happened. Overlapping calls share one run. */
  drainOnce(): Promise<DrainResult>;
  /** Polls in the background until stop(). */
  start(): void;
  /** Stops polling and waits (at most `waitMs`) for the message being sent; one cut off is due again after its lease. */
  stop(waitMs?: number): Promise<void>;
}

/** While a message is being sent it is held this long; longer than the SMTP timeouts of one attempt. */
export const LEASE_MS = 10 * 60_000;
const HOUR = 3_600_000;

/** 30 s after the first failure, doubling, at most an hour apart. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), HOUR);
}

/**
 * Sends the outbox (outbox_message) through a Mailer. Safe with several server processes: a message is claimed
 * with FOR UPDATE SKIP LOCKED and held by a lease while it is being sent, outside any transaction (so a slow
 * SMTP server never holds a database lock, nor PGlite's single connection).
 */
export function createMailDispatcher(opts: DispatcherOptions): MailDispatcher {
  const { db, mailer } = opts;
  const log = opts.log.child({ component: 'mail-dispatcher' });
  const clock = opts.clock ?? systemClock;
  const pollMs = opts.pollMs ?? 5000;
  const maxAttempts = opts.maxAttempts ?? 30;
  const keepSentMs = (opts.keepSentDays ?? 30) * 24 * HOUR;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<DrainResult> | undefined;
  let lastPurge = 0;

  async function deliver(m: ClaimedMail, result: DrainResult): Promise<void> {
    try {
      await mailer.send(m);
    } catch (err) {
      const error = describeMailError(err);
      if (isPermanentMailError(err) || m.attempt >= maxAttempts) {
        await markMailFailed(db, m, error);
        result.failed++;
        log.error('mail given up', { outboxId: m.id, attempts: m.attempt, error });
      } else {
        const next = new Date(clock.now().getTime() + retryDelayMs(m.attempt));
        await markMailRetry(db, m, error, next);
        result.retrying++;
        log.warn('mail not sent; will retry', { outboxId: m.id, attempts: m.attempt, nextAttemptAt: next.toISOString(), error });
      }
      return;
    }
    await markMailSent(db, m, clock.now());
    result.sent++;
  }

  async function run(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
    if (!(await hasDueMail(db, clock.now()))) return result;
    while (!stopping) {
      const now = clock.now();
      const m = await claimDueMail(db, now, new Date(now.getTime() + LEASE_MS));
      if (!m) break;
      await deliver(m, result);
    }
    return result;
  }

  function drainOnce(): Promise<DrainResult> {
    current ??= run().finally(() => {
      current = undefined;
    });
    return current;
  }

  async function tick(): Promise<void> {
    try {
      await drainOnce();
      const now = clock.now().getTime();
      if (!stopping && now - lastPurge >= HOUR) {
        lastPurge = now;
        const purged = await purgeSentMail(db, new Date(now - keepSentMs));
        if (purged) log.info('sent mail purged from the outbox', { purged });
      }
    } catch (err) {
      log.error('mail dispatcher failed; trying again shortly', { error: err as Error });
    }
    if (!stopping) timer = setTimeout(() => void tick(), pollMs);
    timer?.unref();
  }

  return {
    drainOnce,
    start() {
      if (timer || stopping) return;
      timer = setTimeout(() => void tick(), 0);
      timer.unref();
      log.info('mail dispatcher started', { transport: mailer.kind });
    },
    async stop(waitMs = 5_000) {
      stopping = true;
      clearTimeout(timer);
      if (current) {
        let t: NodeJS.Timeout | undefined;
        const gaveUp = await Promise.race([
          current.then(() => false, () => false),
          new Promise<boolean>((resolve) => (t = setTimeout(() => resolve(true), waitMs))),
        ]);
        clearTimeout(t);
        if (gaveUp) log.warn('stopped while a message was being sent; it is sent again after its lease', { leaseMinutes: LEASE_MS / 60_000 });
      }
      mailer.close();
    },
  };
}
