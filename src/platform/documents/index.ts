/**
 * Document export layer: a structured document model rendered to DOCX (case-management agendas)
 * and PDF/A-2b (archiving). See docs/decisions/0007-documents.md.
 */
export * from './model.ts';
export { renderDocx } from './docx.ts';
export { renderPdf } from './pdf.ts';
export { timeExport, type ExportTiming } from './timing.ts';
