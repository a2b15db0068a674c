// `npm run test:future [scenario…] [-- vitest args]`: the whole `npm test` with the system clock moved by libfaketime (Debian's
// `faketime` package), to prove that no test depends on the day or hour it runs on. Each scenario moves every
// process the run starts (vitest, its workers, test servers, PGlite) to the same moved time, which then runs on
// in real time; a PostgreSQL server started outside the run keeps the real time, as a database host may.
// A full run takes as long as `npm test`, so .ci/run does not do this on every submission. Chromium itself keeps
// the real clock (tests/browser/support.ts): the browser is the visitor's machine, and faked it crawls.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const LIB = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/faketime/libfaketime.so.1'].find((f) => existsSync(f));
/** Where each scenario starts (UTC). The type check and build take a few minutes, so the change falls mid-run. */
const SCENARIOS = {
  // Two years ahead of today.
  'two-years': () => Date.now() + 730 * 86_400_000,
  // Helsinki moves its clocks 03:00 → 04:00 on 28.3.2027 (01:00 UTC).
  'dst-spring': () => Date.parse('2027-03-28T00:52:00Z'),
  // …and 04:00 → 03:00 on 31.10.2027 (01:00 UTC): an hour that repeats.
  'dst-autumn': () => Date.parse('2027-10-31T00:52:00Z'),
  // Helsinki midnight at a year's end: 1.1.2029 00:00 is 31.12.2028 22:00 UTC.
  midnight: () => Date.parse('2028-12-31T21:52:00Z'),
};

if (!LIB) {
  console.error('libfaketime not found: apt-get install -y faketime');
  process.exit(2);
}
// Arguments after `--` go to vitest (e.g. `-- --project browser` to repeat one project).
const sep = process.argv.indexOf('--');
const asked = process.argv.slice(2, sep === -1 ? undefined : sep);
const passOn = sep === -1 ? [] : process.argv.slice(sep + 1);
const unknown = asked.filter((s) => !(s in SCENARIOS));
if (unknown.length) {
  console.error(`unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const results = [];
for (const name of asked.length ? asked : Object.keys(SCENARIOS)) {
  const target = SCENARIOS[name]();
  const offsetSeconds = Math.round((target - Date.now()) / 1000);
  console.log(`\n=== ${name}: the clock starts at ${new Date(target).toISOString()} (offset ${offsetSeconds} s) ===\n`);
  const env = {
    ...process.env,
    LD_PRELOAD: [LIB, process.env.LD_PRELOAD].filter(Boolean).join(' '),
    FAKETIME: `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}`,
    // Timers and elapsed-time measurements keep the real monotonic clock.
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
  };
  const status = spawnSync(process.execPath, ['scripts/test.mjs', ...passOn], { cwd: root, stdio: 'inherit', env }).status ?? 1;
  results.push({ name, status });
}
for (const r of results) console.log(`${r.status === 0 ? 'passed' : 'FAILED'}  ${r.name}`);
process.exit(results.some((r) => r.status !== 0) ? 1 : 0);
