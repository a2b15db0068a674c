import { countOutbox, createMailDispatcher, createMailer, requeueFailedMail } from '#platform/mail/index.ts';
import { cliConfig, EXIT, withDatabase, type Command } from './command.ts';

/**
 * `send-mail [--retry-failed]`: sends every message due in the outbox once and reports what happened. The server
 * does this continuously; the command is for PostgreSQL set-ups that send from cron, or after fixing SMTP settings.
 * Exit 1 when a message could not be sent.
 */
export const sendMailCommand: Command = {
  name: 'send-mail',
  synopsis: '[--retry-failed]',
  options: {
    'retry-failed': { type: 'boolean', help: 'retryFailed' },
  },
  positionals: 0,
  async exec(run) {
    const { io, t } = run;
    const mail = cliConfig(io.env).mail!;
    const result = await withDatabase(
      run,
      'send-mail',
      async (ctx) => {
        if (run.values['retry-failed']) io.out(t.mailRequeued({ count: await requeueFailedMail(ctx.db) }));
        const mailer = createMailer(mail, ctx.log);
        io.out(t.mailTransport({ kind: mailer.kind, file: mail.logFile }));
        const dispatcher = createMailDispatcher({ db: ctx.db, clock: ctx.clock, log: ctx.log, mailer });
        try {
          return { ...(await dispatcher.drainOnce()), left: await countOutbox(ctx.db) };
        } finally {
          mailer.close();
        }
      },
      { reference: false },
    );
    io.out(t.mailDrained({ sent: result.sent, retrying: result.retrying, failed: result.failed }));
    if (result.left.pending || result.left.failed) io.out(t.mailWaiting(result.left));
    return result.retrying || result.failed ? EXIT.failed : EXIT.ok;
  },
};
