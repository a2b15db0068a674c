import { create as contentDisposition } from 'content-disposition';
import { getSignatureScan } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-signature-scan';
import { ctxOf } from '../app-context.ts';
import { load } from '../run.server.ts';

/**
 * Resource route: the scanned signature page of a wet-ink signature, as a download with its own stored
 * (magic-byte checked) media type. Never rendered inline; `X-Content-Type-Options: nosniff` comes from the
 * server's security headers (server/app.ts, helmet) on every response.
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const file = await load(request, () => getSignatureScan(ctxOf(context), params.id, params.signatureId));
  return new Response(new Uint8Array(file.body), {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Disposition': contentDisposition(file.fileName, { type: 'attachment' }),
      'Content-Length': String(file.body.length),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-SHA256': file.sha256,
      'Cache-Control': 'private, no-store',
    },
  });
}
