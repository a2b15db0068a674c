import { catalogs } from '#i18n/index.ts';
import type { Ctx } from '#platform/context.ts';
import { renderDocx, renderPdf } from '#platform/documents/index.ts';
import { invalid } from '#platform/errors.ts';
import { getAgreementReport, type ReportQuery } from './get-agreement-report.ts';
import { buildReportDocument, REPORT_LANGS, type ReportLang } from './report-document.ts';

export type ReportFormat = 'docx' | 'pdf';

export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  year: number;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * The annual follow-up report as DOCX (to paste into a welfare report or attach to an agenda) or PDF/A-2b (to
 * archive), in Finnish or Swedish. Public like the report page; prepared with the clock's date.
 */
export async function exportAgreementReport(ctx: Ctx, agreementId: string, input: ReportQuery & { format: ReportFormat; lang: string }): Promise<ReportFile> {
  const report = await getAgreementReport(ctx, agreementId, input);
  if (!(REPORT_LANGS as readonly string[]).includes(input.lang)) throw invalid([{ field: 'lang', code: 'invalid_choice' }]);
  const lang = input.lang as ReportLang;
  const model = buildReportDocument(report, lang, ctx.clock.now());
  const body = input.format === 'docx' ? await renderDocx(model) : await renderPdf(model);
  return {
    fileName: `${catalogs[lang].reports.fileStem}-${report.year}-${lang}.${input.format}`,
    contentType: CONTENT_TYPES[input.format],
    body,
    year: report.year,
  };
}
