// `npm test`: type check (a missing translation key fails it), then every vitest project.
// Integration tests run on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let status = run('npx', ['react-router', 'typegen']);
if (status === 0) status = run('npx', ['tsc', '--noEmit']);
if (status !== 0) {
  console.error('type check failed');
  process.exit(status);
}
if (run('npx', ['react-router', 'build']) !== 0) process.exit(1);
const extra = process.argv.slice(2);
status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=./tests/support/summary-reporter.ts', ...extra], { TZ: 'Europe/Helsinki' });
process.exit(status);
