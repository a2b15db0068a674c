import type { DocumentModel } from './model.ts';

export interface ExportTiming {
  runs: number;
  /** Wall-clock milliseconds of each measured run, in order. */
  ms: number[];
  minMs: number;
  medianMs: number;
  maxMs: number;
  /** Size of the last output, in bytes. */
  bytes: number;
}

/**
 * Times an export function (renderDocx, renderPdf, …) on one model: `warmup` untimed runs (module
 * loading, font parsing, JIT), then `runs` timed ones, one after another. Keeps no state between calls.
 */
export async function timeExport(
  render: (model: DocumentModel) => Promise<Uint8Array>,
  model: DocumentModel,
  { runs = 5, warmup = 1 }: { runs?: number; warmup?: number } = {},
): Promise<ExportTiming> {
  if (!Number.isInteger(runs) || runs < 1) throw new Error('timeExport: runs must be a positive integer');
  for (let i = 0; i < warmup; i++) await render(model);
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const out = await render(model);
    ms.push(performance.now() - start);
    bytes = out.byteLength;
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { runs, ms, minMs: sorted[0]!, medianMs, maxMs: sorted[sorted.length - 1]!, bytes };
}
