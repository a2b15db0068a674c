import { exportAgreementVersion, type ExportFormat, type ExportLang } from '#modules/agreements/index.ts';
import { ctxOf, type RequestContext } from './app-context.ts';
import { langOf, load } from './run.server.ts';

/**
 * Resource routes /agreements/:id/versions/:n/export.docx|pdf?lang=fi|sv: the version as a file, visible like
 * the version page. The document language is ?lang, else the page language (Finnish from English pages).
 */
export async function exportResponse(request: Request, context: RequestContext, params: { id: string; number: string }, format: ExportFormat): Promise<Response> {
  const asked = new URL(request.url).searchParams.get('lang');
  const pageLang = langOf(request);
  const lang: ExportLang = asked === 'fi' || asked === 'sv' ? asked : pageLang === 'sv' ? 'sv' : 'fi';
  const file = await load(request, () => exportAgreementVersion(ctxOf(context), params.id, Number(params.number), format, lang));
  return new Response(new Uint8Array(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Content-Length': String(file.body.length),
      'X-Content-SHA256': file.sha256,
      'Cache-Control': 'private, no-store',
    },
  });
}
