import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ZodError } from 'zod';
import { catalogs, isLang, translateError, translateIssue, type Catalog, type Lang } from '#i18n/index.ts';
import { loadReferenceData } from '#modules/parties/index.ts';
import { systemClock, type Clock } from '#platform/clock.ts';
import { loadConfig, type Config } from '#platform/config.ts';
import type { Ctx } from '#platform/context.ts';
import { BackupError, openPgliteExclusive } from '#platform/db/backup.ts';
import type { Db } from '#platform/db/db.ts';
import { migrate } from '#platform/db/migrate.ts';
import { openPostgres } from '#platform/db/postgres.ts';
import { isAppError, type AppError } from '#platform/errors.ts';
import { createLogger, type Logger } from '#platform/log.ts';

export type CliText = Catalog['cli'];

/** Exit codes: 0 done, 1 refused or failed, 2 wrong usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** What a command touches outside itself; tests pass their own (a test database, captured output). */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  readStdin(): Promise<string>;
  /** A database to use instead of the configured one (tests). It is not closed by the command. */
  db?: Db;
  clock?: Clock;
}

export function processIo(): CliIo {
  return {
    env: process.env,
    out: (l) => process.stdout.write(l + '\n'),
    err: (l) => process.stderr.write(l + '\n'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** A refusal with a translated message. */
export class CliFailure extends Error {
  constructor(
    readonly render: (t: CliText) => string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super('cli failure');
    this.name = 'CliFailure';
  }
}

type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & {
  /** Help text key; the option is listed under its name. */
  help: keyof CliText['options'];
  /** Placeholder in help: --changes FILE. */
  arg?: string;
};

export interface CommandRun {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  io: CliIo;
  t: CliText;
  lang: Lang;
}

export interface Command {
  name: keyof CliText['commands'];
  /** Synopsis after the command name, e.g. 'FILE [--changes FILE]'. */
  synopsis: string;
  options: Record<string, OptionSpec>;
  /** How many positional arguments the command takes. */
  positionals: number;
  exec(run: CommandRun): Promise<number>;
}

const COMMON: Record<string, OptionSpec> = {
  lang: { type: 'string', help: 'lang', arg: 'fi|sv|en' },
  help: { type: 'boolean', short: 'h', help: 'help' },
};

/** Runs one command: parses its arguments, prints help or translated errors, returns the exit code. */
export async function runCommand(cmd: Command, argv: string[], io: CliIo): Promise<number> {
  const lang = langOf(argv);
  const t = catalogs[lang].cli;
  const options = { ...cmd.options, ...COMMON };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.entries(options).map(([k, { help: _h, arg: _a, ...o }]) => [k, o])),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    io.err(t.badArguments({ reason: (e as Error).message }));
    io.err(commandHelp(cmd, t));
    return EXIT.usage;
  }
  if (parsed.values.help) {
    io.out(commandHelp(cmd, t));
    return EXIT.ok;
  }
  if (parsed.values.lang !== undefined && !isLang(parsed.values.lang)) {
    io.err(t.badChoice({ option: '--lang', value: String(parsed.values.lang), allowed: 'fi, sv, en' }));
    return EXIT.usage;
  }
  if (parsed.positionals.length !== cmd.positionals) {
    io.err(t.badArguments({ reason: `${cmd.name} ${cmd.synopsis}` }));
    return EXIT.usage;
  }
  try {
    return await cmd.exec({ values: parsed.values as CommandRun['values'], positionals: parsed.positionals, io, t, lang });
  } catch (e) {
    return reportFailure(e, io, t, lang);
  }
}

export function reportFailure(e: unknown, io: CliIo, t: CliText, lang: Lang, fieldLabel: (f: string) => string = optionOf): number {
  if (e instanceof CliFailure) {
    io.err(e.render(t));
    return e.exitCode;
  }
  if (e instanceof BackupError) {
    io.err(backupMessage(e, t));
    return EXIT.failed;
  }
  if (isAppError(e)) {
    io.err(`${t.failed} ${translateError(lang, e.code)}`);
    for (const line of issueLines(e, lang, fieldLabel)) io.err(`  ${line}`);
    return EXIT.failed;
  }
  if (e instanceof ZodError) {
    io.err(t.badConfig({ reason: e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }));
    return EXIT.failed;
  }
  io.err(`${t.failed} ${(e as Error)?.message ?? String(e)}`);
  return EXIT.failed;
}

export function issueLines(e: AppError, lang: Lang, fieldLabel: (f: string) => string = optionOf): string[] {
  return e.issues.map((i) => `${fieldLabel(i.field)}: ${translateIssue(lang, i.code, i.params)}`);
}

/** Use-case field names → the option that carries them. */
function optionOf(field: string): string {
  const map: Record<string, string> = {
    email: '--email',
    displayName: '--name',
    name: '--name',
    title: '--title',
    password: '--password',
    role: '--role',
    expiresOn: '--expires',
  };
  if (map[field]) return map[field]!;
  if (/^memberships\.\d+\.role$/.test(field)) return '--role';
  if (/^memberships\.\d+/.test(field)) return '--party';
  return field;
}

function backupMessage(e: BackupError, t: CliText): string {
  const f = e.failure;
  switch (f.reason) {
    case 'in_use':
      return t.databaseInUse({ dir: f.dir, pid: f.holder.pid, host: f.holder.host, label: f.holder.label, startedAt: f.holder.startedAt });
    case 'no_database':
      return t.noDatabase({ dir: f.dir });
    case 'not_a_backup':
      return t.notABackup({ file: f.file, reason: f.detail });
    case 'tool_missing':
      return t.toolMissing({ tool: f.tool });
    case 'tool_failed':
      return [t.toolFailed({ tool: f.tool, code: f.code }), f.stderr].filter(Boolean).join('\n');
  }
}

function langOf(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'fi';
  const v = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return isLang(v) ? v : 'fi';
}

export function commandHelp(cmd: Command, t: CliText): string {
  const options = { ...cmd.options, ...COMMON };
  const rows = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.arg ? ` ${o.arg}` : ''}${o.multiple ? ' …' : ''}`;
    return [flag, t.options[o.help]] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length));
  return [
    `npm run cli -- ${cmd.name} ${cmd.synopsis}`.trimEnd(),
    '',
    t.commands[cmd.name],
    '',
    t.optionsHeading,
    ...rows.map(([f, h]) => `  ${f.padEnd(width)}  ${h}`),
  ].join('\n');
}

/** Configuration as the server reads it. The command line needs no session secret, so none is created. */
export function cliConfig(env: NodeJS.ProcessEnv): Config {
  return loadConfig({ ...env, SESSION_SECRET: env.SESSION_SECRET || 'not-used-by-the-command-line-'.padEnd(32, '-') });
}

export function pgliteDir(config: Config): string {
  return path.join(config.dataDir, 'pglite');
}

export function cliLogger(io: CliIo, command: string): Logger {
  const level = (['debug', 'info', 'warn', 'error'] as const).find((l) => l === io.env.LOG_LEVEL) ?? 'warn';
  return createLogger(level, { service: 'kumppanuus-cli', command }, io.err);
}

/** The use-case context of a command: the system actor labelled 'cli:<command>', so every change is audited. */
export function cliCtx(db: Db, io: CliIo, command: string): Ctx {
  return {
    db,
    clock: io.clock ?? systemClock,
    actor: { kind: 'system', label: `cli:${command}` },
    requestId: `cli:${command}:${randomUUID().slice(0, 8)}`,
    log: cliLogger(io, command),
  };
}

/** Opens the configured database (PGlite refused while another process holds it). */
export async function openConfiguredDb(config: Config): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, 2);
  return (await openPgliteExclusive(pgliteDir(config))).db;
}

/**
 * Runs `fn` with the database migrated and, like the server's first start, the shipped reference data
 * loaded. Reports what it applied. Closes the database unless the caller (a test) passed it in.
 */
export async function withDatabase<T>(
  run: CommandRun,
  command: string,
  fn: (ctx: Ctx) => Promise<T>,
  opts: { reference?: boolean } = { reference: true },
): Promise<T> {
  const { io, t } = run;
  const db = io.db ?? (await openConfiguredDb(cliConfig(io.env)));
  try {
    const applied = await migrate(db);
    if (applied.length) io.out(t.migrationsApplied({ list: applied.join(', ') }));
    const ctx = cliCtx(db, io, command);
    if (opts.reference !== false) {
      const loaded = await loadReferenceData(ctx);
      if (loaded) io.out(t.referenceLoaded({ count: loaded }));
    }
    return await fn(ctx);
  } finally {
    if (!io.db) await db.close();
  }
}

export function required(run: CommandRun, name: string): string {
  const v = run.values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new CliFailure((t) => t.missingOption({ option: `--${name}` }), EXIT.usage);
  return v;
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
