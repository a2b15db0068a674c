import { helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import type { Sql } from '#platform/db/db.ts';
import { invalid, notFound, type FieldIssue } from '#platform/errors.ts';
import { DOCX, PDF } from '#platform/uploads.ts';
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

/** A report or minutes: PDF or DOCX, checked by content. */
export const REPORT_TYPES = [PDF, DOCX] as const;
