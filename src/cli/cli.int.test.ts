import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addPartyBody, getParty, getPartyByCode } from '#modules/parties/index.ts';
import { fixedClock } from '#platform/clock.ts';
import type { Db } from '#platform/db/db.ts';
import { openPglite } from '#platform/db/pglite.ts';
import { REFERENCE_DIR } from '../modules/parties/reference-data.ts';
import { createTestDb, TEST_DB_KIND, testCtx } from '../../tests/support/db.ts';
import { backupCommand } from './backup.ts';
import type { CliIo } from './command.ts';
import { createTokenCommand } from './create-token.ts';
import { createUserCommand } from './create-user.ts';
import { importReferenceCommand } from './import-reference.ts';
import { runCli } from './main.ts';
import { restoreCommand } from './restore.ts';
import { runCommand } from './command.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kp-cli-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Captures what a command prints; `db` makes it use the test database instead of DATA_DIR/DATABASE_URL. */
function captureIo(opts: { db?: Db; env?: NodeJS.ProcessEnv; stdin?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    env: opts.env ?? {},
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readStdin: async () => opts.stdin ?? '',
    db: opts.db,
    clock: fixedClock('2026-11-23T08:00:00Z'),
  };
  return { io, out, err, text: () => out.join('\n'), errors: () => err.join('\n') };
}

/** The shipped classification (CRLF in the repository; LF here so edited lines stay whole). */
const SHIPPED = readFileSync(path.join(REFERENCE_DIR, 'municipalities.csv'), 'utf8').replace(/\r\n/g, '\n');
const SHIPPED_CHANGES = path.join(REFERENCE_DIR, 'municipality_changes.csv');
const HEADER = SHIPPED.split('\n', 1)[0]!;
const PERTUNMAA =
  '588,Pertunmaa,Pertunmaa,Pertunmaa,10,Etelä-Savo,Södra Savolax,HVA12,Etelä-Savon hyvinvointialue,Södra Savolax välfärdsområde,1708,2023,fi,0,';

let n = 0;
function csvFile(text: string): string {
  const f = path.join(tmp, `file-${++n}.csv`);
  writeFileSync(f, text);
  return f;
}
/** The shipped classification with one line changed. */
function withLine(code: string, edit: (cols: string[]) => string[]): string {
  return SHIPPED.split('\n')
    .map((l) => (l.startsWith(`${code},`) ? edit(l.split(',')).join(',') : l))
    .join('\n');
}

describe('import-reference', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.close());

  /** A fingerprint of every party and the audit trail length: equal before and after means nothing changed. */
  async function state() {
    const parties = await db.query(`SELECT id, code, name_fi, name_sv, region_code, ended_on, successor_id, row_version FROM party ORDER BY id`);
    const audit = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    return { parties: JSON.stringify(parties), audit: audit[0]!.n };
  }

  it('renames a municipality from the file, audits it as the CLI, and reports the summary', async () => {
    const file = csvFile(withLine('005', (c) => [c[0]!, 'Alajärven kaupunki', ...c.slice(2)]));
    const before = await getPartyByCode(testCtx(db), '005');
    const run = captureIo({ db });
    expect(await runCommand(importReferenceCommand, [file], run.io)).toBe(0);

    const after = await getPartyByCode(testCtx(db), '005');
    expect(after.id).toBe(before.id);
    expect(after.name.fi).toBe('Alajärven kaupunki');
    expect(after.rowVersion).toBe(before.rowVersion + 1);
    expect(run.text()).toContain('Päivitettyjä kuntia: 1 (005)');
    expect(run.text()).toContain('Ennallaan: 307');
    const audit = await db.query<{ actor_label: string; summary: { before: { name_fi: string }; after: { name_fi: string } } }>(
      `SELECT actor_label, summary FROM audit_event WHERE party_id = $1 AND action = 'party.update_reference'`,
      [after.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_label).toBe('system:cli:import-reference');
    expect(audit[0]!.summary.before.name_fi).toBe('Alajärvi');
    expect(audit[0]!.summary.after.name_fi).toBe('Alajärven kaupunki');
  });

  it('merges 588 into 507: the old party ends, keeps its id, bodies and audit history, and points to its successor', async () => {
    const ctx = testCtx(db);
    // Pertunmaa exists first (as before 2025), with a body.
    const add = captureIo({ db });
    expect(await runCommand(importReferenceCommand, [csvFile(`${SHIPPED.trimEnd()}\n${PERTUNMAA}\n`)], add.io)).toBe(0);
    expect(add.text()).toContain('Uusia kuntia: 1 (588)');
    const pertunmaa = await getPartyByCode(ctx, '588');
    await addPartyBody(ctx, pertunmaa.id, { kind: 'kunnanhallitus', nameFi: 'Kunnanhallitus', position: 0 });

    // The next classification no longer lists 588; the changes file (the shipped one) merges it into 507.
    const merge = captureIo({ db });
    expect(await runCommand(importReferenceCommand, [csvFile(SHIPPED), '--changes', SHIPPED_CHANGES], merge.io)).toBe(0);
    expect(merge.text()).toContain('Kuntaliitoksia: 1 (588 → 507 2025-01-01)');

    const mantyharju = await getPartyByCode(ctx, '507');
    const merged = await getParty(ctx, pertunmaa.id);
    expect(merged.party.id).toBe(pertunmaa.id);
    expect(merged.party.endedOn).toBe('2025-01-01');
    expect(merged.party.successorId).toBe(mantyharju.id);
    expect(merged.successor?.code).toBe('507');
    expect(merged.bodies.map((b) => b.name.fi)).toEqual(['Kunnanhallitus']);
    await expect(getPartyByCode(ctx, '588')).rejects.toMatchObject({ code: 'parties.not_found' });
    const history = await db.query<{ action: string }>('SELECT action FROM audit_event WHERE party_id = $1 ORDER BY id', [pertunmaa.id]);
    expect(history.map((h) => h.action)).toEqual(['party.create', 'party_body.create', 'party.merge']);

    // Importing the same files again changes nothing.
    const again = captureIo({ db });
    expect(await runCommand(importReferenceCommand, [csvFile(SHIPPED), '--changes', SHIPPED_CHANGES], again.io)).toBe(0);
    expect(again.text()).toContain('Kuntaliitoksia: 0');
  });

  it('rejects a row with an extra field whole, naming line and column; nothing changes', async () => {
    const lines = withLine('009', (c) => [c[0]!, 'Alavieskan kunta', ...c.slice(2)]).split('\n');
    lines[5] = `${lines[5]},extra`;
    const before = await state();
    const run = captureIo({ db });
    expect(await runCommand(importReferenceCommand, [csvFile(lines.join('\n'))], run.io)).toBe(1);
    expect(run.errors()).toMatch(/Rivi 6, sarake 16: tiedoston rakenne on virheellinen/);
    expect(run.errors()).toContain('Tiedosto hylättiin; mitään ei muutettu.');
    expect(await state()).toEqual(before);
  });

  it('rejects a bad code and an unknown region whole, listing every issue in the chosen language', async () => {
    const text = [
      HEADER,
      '005,Alajärvi uusi,Alajärvi,Alajärvi,14,,,HVA16,,,9078,2024,fi,0,2',
      '5x1,Virhekunta,Felkommun,Error,14,,,HVA16,,,100,2024,fi,0,',
      '009,Alavieska,Alavieska,Alavieska,99,,,HVA19,,,2410,2024,fi,0,4',
    ].join('\n');
    const file = csvFile(text);
    const before = await state();

    const fi = captureIo({ db });
    expect(await runCommand(importReferenceCommand, [file], fi.io)).toBe(1);
    expect(fi.err).toContain(`${file}: Rivi 3, sarake code: ”5x1” ei ole kolminumeroinen kuntakoodi.`);
    expect(fi.err).toContain(`${file}: Rivi 4, sarake region_code: tuntematon maakunta ”99”.`);

    const sv = captureIo({ db });
    expect(await runCommand(importReferenceCommand, [file, '--lang', 'sv'], sv.io)).toBe(1);
    expect(sv.errors()).toContain('Rad 3, kolumn code');
    const en = captureIo({ db });
    expect(await runCommand(importReferenceCommand, [file, '--lang', 'en'], en.io)).toBe(1);
    expect(en.err).toContain(`${file}: Line 4, column region_code: unknown region “99”.`);
    expect(en.errors()).toContain('The file was rejected; nothing changed.');

    expect(await state()).toEqual(before);
    // The valid first row was not applied either: the file is rejected whole.
    expect((await getPartyByCode(testCtx(db), '005')).name.fi).not.toBe('Alajärvi uusi');
  });

  it('names the changes file when a merger points to an unknown municipality', async () => {
    const changes = csvFile('effective_date,old_code,new_code\n2025-01-01,005,998\n');
    const run = captureIo({ db });
    expect(await runCommand(importReferenceCommand, [csvFile(SHIPPED), '--changes', changes], run.io)).toBe(1);
    expect(run.err[0]).toBe(`${changes}: Rivi 2: yhdistetty kunta 005 on yhä kuntaluettelossa.`);
    expect(run.errors()).toContain(`${changes}: Rivi 2, sarake new_code: kuntaa 998 ei ole luettelossa eikä palvelussa.`);
  });

  it('reports an unreadable file and wrong usage with distinct exit codes', async () => {
    const missing = captureIo({ db });
    expect(await runCommand(importReferenceCommand, [path.join(tmp, 'nope.csv')], missing.io)).toBe(1);
    expect(missing.errors()).toContain('ENOENT');
    const usage = captureIo({ db });
    expect(await runCommand(importReferenceCommand, [], usage.io)).toBe(2);
    expect(await runCommand(importReferenceCommand, ['a.csv', '--bogus'], usage.io)).toBe(2);
  });
});

describe('create-user and create-token', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.close());

  it('creates an account with a password from stdin and roles by party code, audited as the CLI', async () => {
    const run = captureIo({ db, stdin: 'a-long-enough-password\n' });
    const code = await runCommand(
      createUserCommand,
      ['--email', 'Ops@Example.fi', '--name', 'Olli Operaattori', '--title', 'Ylläpitäjä', '--password-stdin', '--party', '564', '--role', 'admin', '--party', 'HVA19', '--role', 'viewer'],
      run.io,
    );
    expect(run.errors()).toBe('');
    expect(code).toBe(0);
    expect(run.text()).toContain('Käyttäjä ops@example.fi luotiin');
    const rows = await db.query<{ role: string; code: string }>(
      `SELECT m.role::text, p.code FROM membership m JOIN party p ON p.id = m.party_id JOIN app_user u ON u.id = m.user_id
        WHERE u.email = 'ops@example.fi' ORDER BY p.code`,
    );
    expect(rows).toEqual([
      { role: 'admin', code: '564' },
      { role: 'viewer', code: 'HVA19' },
    ]);
    const audit = await db.query<{ actor_label: string }>(`SELECT DISTINCT actor_label FROM audit_event WHERE action IN ('user.create', 'membership.grant')`);
    expect(audit.map((a) => a.actor_label)).toEqual(['system:cli:create-user']);
    const { signInWithPassword } = await import('#modules/accounts/index.ts');
    await expect(signInWithPassword(testCtx(db, { kind: 'public' }), { email: 'ops@example.fi', password: 'a-long-enough-password' }, 1)).resolves.toBeTruthy();
  });

  it('refuses unpaired --party/--role, an unknown party and an invalid email, creating nothing', async () => {
    const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user'))[0]!.n;
    const before = await count();
    const unpaired = captureIo({ db });
    expect(await runCommand(createUserCommand, ['--email', 'a@b.fi', '--name', 'A', '--party', '564'], unpaired.io)).toBe(2);
    expect(unpaired.errors()).toContain('--role');
    const unknown = captureIo({ db });
    expect(await runCommand(createUserCommand, ['--email', 'a@b.fi', '--name', 'A', '--party', '999', '--role', 'admin'], unknown.io)).toBe(1);
    expect(unknown.errors()).toContain('Osapuolta, jonka koodi on 999, ei ole');
    const bad = captureIo({ db });
    expect(await runCommand(createUserCommand, ['--email', 'not-an-email', '--name', 'A', '--lang', 'en'], bad.io)).toBe(1);
    expect(bad.errors()).toContain('--email: Enter an e-mail address like name@example.fi.');
    expect(await count()).toBe(before);
  });

  it('creates an API token for a party and prints the secret once', async () => {
    const run = captureIo({ db });
    expect(await runCommand(createTokenCommand, ['--party', '244', '--role', 'editor', '--name', 'Asianhallinta', '--expires', '2027-03-31'], run.io)).toBe(0);
    const secret = run.out.at(-1)!;
    expect(secret).toMatch(/^kp_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const { resolveApiToken } = await import('#modules/tokens/index.ts');
    const actor = await resolveApiToken(db, fixedClock('2026-11-23T08:00:00Z'), secret);
    expect(actor).toMatchObject({ kind: 'token', role: 'editor', partyId: (await getPartyByCode(testCtx(db), '244')).id });
    const past = captureIo({ db });
    expect(await runCommand(createTokenCommand, ['--party', '244', '--role', 'editor', '--name', 'x', '--expires', '2020-01-01'], past.io)).toBe(1);
    expect(past.errors()).toContain('--expires: Päivämäärä ei voi olla menneisyydessä.');
  });
});

describe.runIf(TEST_DB_KIND === 'pglite')('backup and restore on PGlite', () => {
  it('restores the state of the backup: a change made after it is gone; the replaced folder is kept aside', async () => {
    const dataDir = path.join(tmp, 'pglite-data');
    const dir = path.join(dataDir, 'pglite');
    // A migrated database with reference data, as after the server's first start.
    mkdirSync(dir, { recursive: true });
    const seeded = await PGlite.create(dir, { loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
    await seeded.close();
    const env = { DATA_DIR: dataDir };
    const file = path.join(tmp, 'backup.tar.gz');

    expect(await runCommand(createUserCommand, ['--email', 'before@example.fi', '--name', 'Before'], captureIo({ env }).io)).toBe(0);
    const backup = captureIo({ env });
    expect(await runCommand(backupCommand, [file], backup.io)).toBe(0);
    expect(backup.text()).toContain(`Varmuuskopio kirjoitettiin: ${file}`);
    expect(await runCommand(backupCommand, [file], captureIo({ env }).io)).toBe(1); // never overwrites
    expect(await runCommand(createUserCommand, ['--email', 'after@example.fi', '--name', 'After'], captureIo({ env }).io)).toBe(0);

    const refused = captureIo({ env });
    expect(await runCommand(restoreCommand, [file], refused.io)).toBe(1);
    expect(refused.errors()).toContain('ei ole tyhjä');

    const restore = captureIo({ env });
    expect(await runCommand(restoreCommand, [file, '--force'], restore.io)).toBe(0);
    const aside = readdirSync(dataDir).find((d) => d.startsWith('pglite.before-restore-'));
    expect(aside).toBeDefined();
    expect(restore.text()).toContain(path.join(dataDir, aside!));

    const emails = async (d: string) => {
      const p = await PGlite.create(d);
      try {
        return (await p.query<{ email: string }>('SELECT email FROM app_user ORDER BY email')).rows.map((r) => r.email);
      } finally {
        await p.close();
      }
    };
    expect(await emails(dir)).toEqual(['before@example.fi']);
    expect(await emails(path.join(dataDir, aside!))).toEqual(['after@example.fi', 'before@example.fi']);
    const p = await PGlite.create(dir);
    const audit = (await p.query<{ actor_label: string }>(`SELECT actor_label FROM audit_event WHERE action = 'database.restore'`)).rows;
    await p.close();
    expect(audit).toEqual([{ actor_label: 'system:cli:restore' }]);
  });

  it('refuses to touch a PGlite folder another process holds open', async () => {
    const dataDir = path.join(tmp, 'busy-data');
    mkdirSync(path.join(dataDir, 'pglite'), { recursive: true });
    await (await PGlite.create(path.join(dataDir, 'pglite'), { loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) })).close();
    // Held as the server holds it: under the folder's lock (ADR 0010).
    const holder = await openPglite(path.join(dataDir, 'pglite'));
    try {
      const run = captureIo({ env: { DATA_DIR: dataDir } });
      expect(await runCommand(backupCommand, [path.join(tmp, 'busy.tar.gz')], run.io)).toBe(1);
      expect(run.errors()).toContain(`on toisen prosessin käytössä: prosessi ${process.pid}`);
      expect(existsSync(path.join(tmp, 'busy.tar.gz'))).toBe(false);
      const restore = captureIo({ env: { DATA_DIR: dataDir } });
      expect(await runCommand(restoreCommand, [SHIPPED_CHANGES], restore.io)).toBe(1);
      expect(restore.errors()).toContain(`on toisen prosessin käytössä: prosessi ${process.pid}`);
    } finally {
      await holder.close();
    }
  });

  it('refuses a file that is not a backup and leaves the database as it was', async () => {
    const dataDir = path.join(tmp, 'pglite-data');
    const run = captureIo({ env: { DATA_DIR: dataDir } });
    expect(await runCommand(restoreCommand, [SHIPPED_CHANGES, '--force'], run.io)).toBe(1);
    expect(run.errors()).toContain('ei ole tämän palvelun varmuuskopio');
    expect(readdirSync(dataDir).filter((d) => d.includes('restoring'))).toEqual([]);
  });
});

describe.runIf(TEST_DB_KIND === 'postgres')('backup and restore on PostgreSQL', () => {
  const hasTools = ['pg_dump', 'pg_restore'].every((t) => spawnSync(t, ['--version']).status === 0);
  let url: string;
  let name: string;
  const admin = () => new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  beforeAll(async () => {
    name = `kp_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const a = admin();
    await a.connect();
    await a.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    await a.end();
    const u = new URL(process.env.TEST_DATABASE_URL!);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    const a = admin();
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });

  it('restores the state of the backup with pg_restore: a change made after it is gone', async (t) => {
    if (!hasTools) t.skip('pg_dump/pg_restore are not installed (apt-get install postgresql-client; .ci/run does it)');
    const env = { DATABASE_URL: url };
    const file = path.join(tmp, 'backup.dump');
    expect(await runCommand(createUserCommand, ['--email', 'before@example.fi', '--name', 'Before'], captureIo({ env }).io)).toBe(0);
    const backup = captureIo({ env });
    expect(await runCommand(backupCommand, [file], backup.io)).toBe(0);
    expect(backup.errors()).toBe('');
    expect(await runCommand(createUserCommand, ['--email', 'after@example.fi', '--name', 'After'], captureIo({ env }).io)).toBe(0);

    const refused = captureIo({ env });
    expect(await runCommand(restoreCommand, [file], refused.io)).toBe(1);
    expect(refused.errors()).toContain('ei ole tyhjä');

    const restore = captureIo({ env });
    expect(await runCommand(restoreCommand, [file, '--force'], restore.io)).toBe(0);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      expect((await c.query('SELECT email FROM app_user ORDER BY email')).rows.map((r) => r.email)).toEqual(['before@example.fi']);
      expect((await c.query(`SELECT actor_label FROM audit_event WHERE action = 'database.restore'`)).rows).toEqual([
        { actor_label: 'system:cli:restore' },
      ]);
      // The append-only triggers came back with the restore.
      await expect(c.query('DELETE FROM audit_event')).rejects.toThrow();
    } finally {
      await c.end();
    }
  });
});

describe.runIf(TEST_DB_KIND === 'pglite')('the command line entry', () => {
  it('`npm run cli -- --help` lists every command and exits 0', () => {
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', '--help', '--lang', 'en'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    for (const c of ['migrate', 'seed-demo', 'import-reference', 'create-user', 'create-token', 'backup', 'restore']) expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('Usage: npm run cli -- <command> [options]');
  });

  it('an unknown command prints the help and exits 2', async () => {
    const run = captureIo();
    expect(await runCli(['frobnicate'], run.io)).toBe(2);
    expect(run.err[0]).toBe('Tuntematon komento ”frobnicate”.');
  });
});
