import { sniffScanType } from '#modules/agreements/index.ts';
import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import type { Sql } from '#platform/db/db.ts';
import { invalid, notFound, type FieldIssue } from '#platform/errors.ts';
import { cleanFileName, megabytes, type UploadedFile } from '#platform/uploads.ts';
import { createHash } from 'node:crypto';
import { obligationByCode, type Obligation } from './catalogue.ts';
import { listRegions, type RegionInfo } from './obligation-queries.ts';
import { periodOn } from './terms.ts';

export async function regionOr404(sql: Sql, countyCode: string): Promise<RegionInfo> {
  const [r] = /^HVA\d{2}$/.test(countyCode) ? await listRegions(sql, countyCode) : [];
  if (!r) throw notFound('obligations.region_not_found');
  return r;
}

export const todayOf = (ctx: Ctx) => helsinkiDate(ctx.clock.now());

/** A negotiation's date must be in a period of its obligation and not in the future; its participants in the region. */
export function checkNegotiation(o: Obligation, region: RegionInfo, heldOn: string, participantIds: readonly string[], today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!o.evidence.includes('negotiation')) issues.push({ field: 'obligationCode', code: 'obligation_not_negotiated' });
  if (Number.isNaN(Date.parse(`${heldOn}T00:00:00Z`))) issues.push({ field: 'heldOn', code: 'invalid_date' });
  else if (heldOn > today) issues.push({ field: 'heldOn', code: 'date_in_future' });
  else if (!periodOn(o.frequency, heldOn)) issues.push({ field: 'heldOn', code: 'date_outside_term' });
  const known = new Set(region.parties.map((p) => p.id));
  if (participantIds.some((p) => !known.has(p))) issues.push({ field: 'participantIds', code: 'participant_not_in_region' });
  return issues;
}

export function obligationOr400(code: string): Obligation {
  const o = obligationByCode(code);
  if (!o) throw invalid([{ field: 'obligationCode', code: 'invalid_choice' }]);
  return o;
}

export type DocumentMediaType = 'application/pdf' | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The type of a report by its content, whatever its name says: PDF by the check used for signature scans
 * (sniffScanType), DOCX as a ZIP package that holds word/document.xml.
 */
export function sniffDocumentType(bytes: Uint8Array): DocumentMediaType | null {
  if (sniffScanType(bytes) === 'application/pdf') return 'application/pdf';
  const zip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return null;
}

/** Checks an uploaded file (size, empty, type by content); `allowed` decides which types pass. */
export function checkFile(
  file: UploadedFile | undefined,
  field: string,
  sniff: (b: Uint8Array) => string | null,
  issues: FieldIssue[],
  required: boolean,
): { content: Buffer; fileName: string; mediaType: string; sha256: string } | null {
  if (!file || (file.bytes.length === 0 && !file.fileName)) {
    if (required) issues.push({ field, code: 'required' });
    return null;
  }
  if (file.truncated || file.bytes.length > file.maxBytes) issues.push({ field, code: 'file_too_large', params: { max: megabytes(file.maxBytes) } });
  else if (file.bytes.length === 0) issues.push({ field, code: 'file_empty' });
  else {
    const mediaType = sniff(file.bytes);
    if (!mediaType) issues.push({ field, code: 'document_type_not_allowed' });
    else {
      const ext = mediaType === 'application/pdf' ? 'pdf' : 'docx';
      return { content: file.bytes, fileName: cleanFileName(file.fileName) || `document.${ext}`, mediaType, sha256: createHash('sha256').update(file.bytes).digest('hex') };
    }
  }
  return null;
}
