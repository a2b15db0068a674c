import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Time is an input (docs/architecture.md): use cases and pages read `ctx.clock`, and SQL never decides "now"
 * on its own. Tests pin one clock for the code and the server they call, so a rule that read the real clock
 * instead would pass on the day it was written and fail later. This guard finds such reads in the source.
 */
const ROOT = path.resolve(import.meta.dirname, '..');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && ext.test(d.name) && !/\.test\.tsx?$|\.test-support\.ts$/.test(d.name))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)));
}

/** `file:line  text` for every line matching `pattern`, outside comments. */
function findings(list: string[], pattern: RegExp, allowed: (line: string, file: string) => boolean = () => false): string[] {
  return list.flatMap((f) =>
    readFileSync(path.join(ROOT, f), 'utf8')
      .split('\n')
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => !/^\s*(\/\/|\*|\/\*|--)/.test(line) && pattern.test(line) && !allowed(line, f))
      .map(({ line, i }) => `${f}:${i + 1}  ${line.trim()}`),
  );
}

const DB_CLOCK = /\b(now\(\)|current_date|current_timestamp|localtimestamp|localtime|transaction_timestamp|statement_timestamp|clock_timestamp)\b/i;

describe('where the time comes from', () => {
  it('no SQL reads the database clock, except column defaults that only stamp a row', () => {
    const sql = findings(files('db/migrations', /\.sql$/), DB_CLOCK, (line) => /\bDEFAULT now\(\)/i.test(line));
    const code = findings(
      [...files('src', /\.tsx?$/), ...files('server', /\.ts$/)],
      DB_CLOCK,
      // performance.now() measures durations; the migration table's own stamp is bookkeeping.
      (line, file) => /performance\.now\(\)/.test(line) || (file.endsWith('migrate.ts') && /DEFAULT now\(\)/.test(line)),
    );
    expect([...sql, ...code]).toEqual([]);
  });

  it('modules and pages take the time from ctx.clock, never from the system clock', () => {
    const found = findings([...files('src/modules', /\.tsx?$/), ...files('src/web', /\.tsx?$/)], /\bnew Date\(\)|\bDate\.now\(\)/);
    expect(found).toEqual([]);
  });
});
