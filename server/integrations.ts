import { sendDeadlineReminders, updateAgreementStatuses } from '#modules/agreements/index.ts';
import { sendMeetingReminders } from '#modules/forums/index.ts';
import { sendObligationReminders } from '#modules/obligations/index.ts';
import { resolveApiToken } from '#modules/tokens/index.ts';
import { createOidcClient } from '#platform/auth/oidc.ts';
import { createMailDispatcher, createMailer } from '#platform/mail/index.ts';
import type { AppServices } from '../src/web/app-context.ts';
import { createOidcRouter } from './oidc.ts';
import { systemCtx } from './services.ts';

/**
 * Wires optional integrations into `services.extras` (API token resolver, OIDC routes, mail).
 * Each is configured by environment; see README.
 */
export async function installOptionalIntegrations(
  services: Omit<AppServices, 'dataVersion' | 'extras'> & { extras: Record<string, unknown> },
): Promise<{ stop(): Promise<void> }> {
  const stops: (() => Promise<void>)[] = [];
  /** Runs a background job now and then hourly, as the system actor; a failure is logged, not thrown. */
  const everyHour = (label: string, job: (ctx: ReturnType<typeof systemCtx>) => Promise<unknown>) => {
    const run = () => job(systemCtx(services.db, services.log, label, services.clock)).catch((err: unknown) => services.log.error(`${label} failed`, { error: String(err) }));
    const timer = setInterval(run, 3_600_000);
    timer.unref();
    void run();
    stops.push(async () => clearInterval(timer));
  };
  // API tokens (src/web/api/router.ts asks this for `Authorization: Bearer …`).
  services.extras.resolveApiToken = (token: string) => resolveApiToken(services.db, services.clock, token);
  // Sign-in with the organisation's identity provider when OIDC_ISSUER and OIDC_CLIENT_ID are set.
  if (services.config.oidc) {
    const routers = (services.extras.routers ??= []) as { path: string; router: unknown }[];
    routers.push({ path: '/auth/oidc', router: createOidcRouter(services, createOidcClient(services.config.oidc)) });
  }
  // E-mail: sends the outbox (SMTP_* or, without them, DATA_DIR/mail.log). Configs built by hand in tests have no `mail`.
  if (services.config.mail) {
    const dispatcher = createMailDispatcher({ db: services.db, clock: services.clock, log: services.log, mailer: createMailer(services.config.mail, services.log) });
    dispatcher.start();
    stops.push(() => dispatcher.stop());
    // Comment-round deadline reminders (three days before; each round once): at start-up, then hourly.
    everyHour('deadline-reminders', sendDeadlineReminders);
    // Meeting reminders to invitees who have not answered, and legal obligation deadlines (90 and 30 days before,
    // and once passed) to the editors of the parties without evidence: each exactly once, claimed in the database.
    everyHour('meeting-reminders', sendMeetingReminders);
    everyHour('obligation-reminders', sendObligationReminders);
  }
  // Agreement statuses follow the calendar (signed → in force → expired / superseded): stored and audited at
  // start-up, then hourly. Pages do not wait for it: they compute the status of the day themselves.
  everyHour('agreement-statuses', updateAgreementStatuses);
  /** Stops background work (the server calls it on SIGTERM, before closing the database). */
  return { stop: async () => void (await Promise.all(stops.map((s) => s()))) };
}
