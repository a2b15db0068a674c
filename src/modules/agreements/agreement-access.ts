import type { Sql } from '#platform/db/db.ts';
import { invalid, notFound, type FieldIssue } from '#platform/errors.ts';
import type { Agreement } from './agreement.ts';
import type { AgreementSubject } from './agreement-policy.ts';
import { findAgreement } from './agreement-queries.ts';

/** Shared steps of the use cases (not exported from the module). */
export async function agreementOr404(sql: Sql, id: string): Promise<Agreement> {
  const a = await findAgreement(sql, id);
  if (!a) throw notFound('agreements.not_found');
  return a;
}

export const subjectOf = (a: Pick<Agreement, 'countyCode' | 'coordinatingPartyId' | 'partyIds'>): AgreementSubject => ({
  countyCode: a.countyCode,
  coordinatingPartyId: a.coordinatingPartyId,
  partyIds: a.partyIds,
});

/**
 * Checks the parties of an agreement against its region: every party from the region, at least two,
 * the coordinating party among them; a predecessor from the same region and not the agreement itself
 * (nor one of its successors).
 */
export async function checkAgreementShape(
  sql: Sql,
  f: { partyIds: readonly string[]; coordinatingPartyId: string; predecessorId: string | null; countyCode: string; selfId?: string },
  regionPartyIds: readonly string[],
): Promise<void> {
  const issues: FieldIssue[] = [];
  const region = new Set(regionPartyIds);
  if (f.partyIds.some((p) => !region.has(p))) issues.push({ field: 'partyIds', code: 'party_not_in_region' });
  else if (new Set(f.partyIds).size < 2) issues.push({ field: 'partyIds', code: 'too_few_parties' });
  if (!region.has(f.coordinatingPartyId)) issues.push({ field: 'coordinatingPartyId', code: 'party_not_in_region' });
  else if (!f.partyIds.includes(f.coordinatingPartyId)) issues.push({ field: 'coordinatingPartyId', code: 'coordinator_not_party' });
  if (f.predecessorId) {
    let cursor: string | null = f.predecessorId;
    let ok = true;
    const first = await findAgreement(sql, f.predecessorId);
    if (!first || first.countyCode !== f.countyCode) ok = false;
    // Walk back the chain: the agreement may not become its own ancestor.
    for (let i = 0; ok && cursor && i < 50; i++) {
      if (cursor === f.selfId) ok = false;
      cursor = (await findAgreement(sql, cursor))?.predecessorId ?? null;
    }
    if (!ok) issues.push({ field: 'predecessorId', code: 'invalid_predecessor' });
  }
  if (issues.length) throw invalid(issues);
}
