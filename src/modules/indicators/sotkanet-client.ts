import { AppError, notFound } from '#platform/errors.ts';

export const DEFAULT_SOTKANET_BASE_URL = 'https://sotkanet.fi/rest/1.1';

/** SOTKANET_BASE_URL, else THL's public API. Tests point it at a local server. */
export function sotkanetBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.SOTKANET_BASE_URL?.trim() || DEFAULT_SOTKANET_BASE_URL).replace(/\/+$/, '');
}

export type FetchLike = (url: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;

/**
 * GET from the Sotkanet REST API; returns the body's bytes (decoded and checked by the importer) and the URL.
 * Query parameters may repeat (`years=2020&years=2021`). No authentication; a timeout guards a stalled server.
 */
export async function sotkanetGet(
  baseUrl: string,
  path: string,
  params: readonly [string, string][] = [],
  opts: { fetch?: FetchLike; timeoutMs?: number } = {},
): Promise<{ url: string; body: Uint8Array }> {
  const url = new URL(baseUrl + path);
  for (const [k, v] of params) url.searchParams.append(k, v);
  const doFetch = opts.fetch ?? (globalThis.fetch as FetchLike);
  let res: Response;
  try {
    res = await doFetch(url.toString(), {
      signal: AbortSignal.timeout(opts.timeoutMs ?? 120_000),
      headers: { accept: 'application/json', 'user-agent': 'Kumppanuus (indicator import)' },
    });
  } catch (e) {
    throw new AppError('indicators.fetch_failed', 'invalid', [], { url: url.toString(), reason: String((e as Error).message ?? e) });
  }
  if (res.status === 404) throw notFound('indicators.source_not_found');
  if (!res.ok) throw new AppError('indicators.fetch_failed', 'invalid', [], { url: url.toString(), status: res.status });
  return { url: url.toString(), body: new Uint8Array(await res.arrayBuffer()) };
}
