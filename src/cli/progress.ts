import type { Catalog } from '#i18n/index.ts';
import type { Progress } from '#modules/indicators/index.ts';
import type { CliIo } from './command.ts';

const WIDTH = 30;

export function bar(done: number, total: number): string {
  const share = total > 0 ? Math.min(done / total, 1) : 1;
  const filled = Math.round(share * WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)} %`;
}

/**
 * A progress bar on stderr fed by an importer's onProgress. On a terminal it redraws one line in place;
 * otherwise (a log, a test) it writes one line per phase when the phase ends, so logs stay short.
 */
export function progressBar(io: CliIo, t: Catalog['indicators']): { onProgress: (p: Progress) => void; end: () => void } {
  const tty = io.db === undefined && process.stderr.isTTY === true;
  let open = false;
  return {
    onProgress(p) {
      const line = `${t.progress[p.phase].padEnd(14)} ${bar(p.done, p.total)}${p.total > 1 ? `  ${p.done}/${p.total}` : ''}`;
      if (tty) {
        process.stderr.write(`\r${line}\x1b[K`);
        open = true;
      } else if (p.phase !== 'done' && p.done >= p.total) {
        io.err(line);
      }
    },
    end() {
      if (tty && open) process.stderr.write('\n');
      open = false;
    },
  };
}
