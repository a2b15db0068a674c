import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogs, isLang } from '#i18n/index.ts';
import { backupCommand } from './backup.ts';
import { EXIT, processIo, runCommand, type CliIo, type Command } from './command.ts';
import { createTokenCommand } from './create-token.ts';
import { createUserCommand } from './create-user.ts';
import { fetchSotkanetCommand } from './fetch-sotkanet.ts';
import { importIndicatorsCommand } from './import-indicators.ts';
import { importReferenceCommand } from './import-reference.ts';
import { migrateCommand } from './migrate.ts';
import { restoreCommand } from './restore.ts';
import { seedDemoCommand } from './seed-demo.ts';
import { sendMailCommand } from './send-mail.ts';

/** `npm run cli -- <command> [options]`: operator tasks, acting as the system actor 'cli:<command>'. */
export const COMMANDS: readonly Command[] = [
  migrateCommand,
  seedDemoCommand,
  importReferenceCommand,
  importIndicatorsCommand,
  fetchSotkanetCommand,
  createUserCommand,
  createTokenCommand,
  backupCommand,
  restoreCommand,
  sendMailCommand,
];

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const langArg = argv.find((a, i) => argv[i - 1] === '--lang' || a.startsWith('--lang='))?.replace(/^--lang=/, '');
  const t = catalogs[isLang(langArg) ? langArg : 'fi'].cli;
  const cmd = COMMANDS.find((c) => c.name === name);
  if (cmd) return runCommand(cmd, rest, io);
  const help = [
    t.usage,
    '',
    t.commandsHeading,
    ...COMMANDS.map((c) => `  ${c.name.padEnd(18)}${t.commands[c.name]}`),
    '',
    t.helpHint,
    t.configHint,
  ].join('\n');
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(help);
    return EXIT.ok;
  }
  if (name !== undefined && !name.startsWith('-')) io.err(t.unknownCommand({ command: name }));
  io.err(help);
  return EXIT.usage;
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  process.exitCode = await runCli(process.argv.slice(2), processIo());
}
