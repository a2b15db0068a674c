import type { Sql } from '#platform/db/db.ts';
import type { Agreement } from './agreement.ts';
import { listAgreementParties, listAreas, listForums, listSections } from './agreement-queries.ts';
import { buildSnapshot, type Snapshot } from './snapshot.ts';

/** The working draft as a snapshot (what publishing would freeze now). */
export async function loadDraftSnapshot(sql: Sql, agreement: Agreement, number: number, label: string): Promise<Snapshot> {
  const [parties, sections, areas, forums] = await Promise.all([
    listAgreementParties(sql, agreement.id),
    listSections(sql, agreement.id),
    listAreas(sql, agreement.id),
    listForums(sql, agreement.id),
  ]);
  return buildSnapshot({ agreement, number, label, parties, sections, areas, forums });
}
