/**
 * A port for other sources of evidence. Forums and meetings (src/modules/forums, when present) can register a
 * provider at composition time (server start-up) that returns its held meetings tagged with an obligation's
 * code as evidence of kind 'meeting'; this module never imports it. Recorded negotiations and documents are
 * this module's own evidence and need no provider.
 */
import type { Sql } from '#platform/db/db.ts';
import type { Evidence } from './obligation-status.ts';

export interface EvidenceQuery {
  countyCode: string;
  /** Parties of the region (the county and its municipalities). */
  partyIds: readonly string[];
}

export type EvidenceProvider = { name: string; evidence(sql: Sql, q: EvidenceQuery): Promise<Evidence[]> };

const providers = new Map<string, EvidenceProvider>();

/** Registers (or replaces, by name) a provider of evidence. Call at composition time. */
export function registerEvidenceProvider(p: EvidenceProvider): void {
  providers.set(p.name, p);
}

export function evidenceProviders(): EvidenceProvider[] {
  return [...providers.values()];
}
