import { exportAgreementReport, getAgreementReport, type AgreementReport, type ReportFormat } from '#modules/goals/index.ts';
import { HTTP_STATUS, isAppError } from '#platform/errors.ts';
import { catalogs, translateError, translateIssue } from '#i18n/index.ts';
import { ctxOf, type RequestContext } from './app-context.ts';
import { langOf, load } from './run.server.ts';

/** A refused query (bad year or language): the field's label and the translated message, for a 400 answer. */
export interface ReportQueryError {
  field: string;
  label: string;
  message: string;
}

function queryError(request: Request, e: unknown): ReportQueryError[] | undefined {
  if (!isAppError(e) || e.kind !== 'invalid') return undefined;
  const lang = langOf(request);
  const t = catalogs[lang].reports;
  const labels: Record<string, string> = { year: t.chooseYear, lang: catalogs[lang].common.languageSwitcher };
  return e.issues.map((i) => ({ field: i.field, label: labels[i.field] ?? i.field, message: translateIssue(lang, i.code, i.params) }));
}

/**
 * The report page's data: the report for ?year (default: the last full year), or, when the year is refused, the
 * errors naming the field with the default year's report for the year choice (the page answers 400).
 */
export async function loadReportPage(
  request: Request,
  context: RequestContext,
  id: string,
): Promise<{ report: AgreementReport; errors: ReportQueryError[]; asked: string | null }> {
  const asked = new URL(request.url).searchParams.get('year');
  try {
    return { report: await getAgreementReport(ctxOf(context), id, { year: asked }), errors: [], asked };
  } catch (e) {
    const errors = queryError(request, e);
    // Anything else (an unknown agreement) becomes the usual error page.
    if (!errors) return load(request, () => Promise.reject(e));
    return { report: await load(request, () => getAgreementReport(ctxOf(context), id)), errors, asked };
  }
}

/**
 * Resource routes /agreements/:id/report.docx|pdf?year=&lang=fi|sv: the report as a file. The document language is
 * ?lang, else the page language (Finnish from English pages). A refused year or language answers 400 as text naming
 * the field, in the page language.
 */
export async function reportFileResponse(request: Request, context: RequestContext, id: string, format: ReportFormat): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const pageLang = langOf(request);
  const lang = params.get('lang') ?? (pageLang === 'sv' ? 'sv' : 'fi');
  try {
    const file = await exportAgreementReport(ctxOf(context), id, { year: params.get('year'), format, lang });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Content-Length': String(file.body.length),
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (e) {
    const errors = queryError(request, e);
    if (errors) {
      return new Response(`${errors.map((x) => `${x.label}: ${x.message}`).join('\n')}\n`, {
        status: 400,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Language': pageLang },
      });
    }
    if (isAppError(e)) return new Response(`${translateError(pageLang, e.code)}\n`, { status: HTTP_STATUS[e.kind], headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Language': pageLang } });
    throw e;
  }
}
