import { getSignatureScan } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-signature-scan';
import { ctxOf } from '../app-context.ts';
import { downloadResponse } from '../download.server.ts';
import { load } from '../run.server.ts';

/** Resource route: the scanned signature page of a wet-ink signature, as a download with its own stored (magic-byte checked) media type. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const file = await load(request, () => getSignatureScan(ctxOf(context), params.id, params.signatureId));
  return downloadResponse({ content: file.body, fileName: file.fileName, mediaType: file.mediaType }, { 'X-Content-SHA256': file.sha256, 'Cache-Control': 'private, no-store' });
}
