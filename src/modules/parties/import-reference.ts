import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid, type FieldIssue } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { referencePolicy } from './party-policy.ts';
import { parseMergers, parseMunicipalities } from './reference-data.ts';
import {
  activeMunicipalities,
  endPartyByMerger,
  insertParties,
  insertReferenceImport,
  knownAreaCodes,
  updateMunicipalityFromReference,
  upsertMunicipalityChanges,
} from './reference-queries.ts';

export interface ImportReferenceInput {
  /** Municipality classification CSV (columns code, name_fi, name_sv[, name_en, region_code, county_code, population, population_year, language]). */
  municipalitiesCsv: string;
  /** Optional mergers CSV (effective_date, old_code, new_code), as municipality_changes.csv. */
  changesCsv?: string;
  source: string;
}

export interface ImportReferenceResult {
  created: string[];
  updated: string[];
  merged: { oldCode: string; newCode: string; effectiveDate: string }[];
  unchanged: number;
  /** Active municipalities neither in the file nor merged: left as they are and reported. */
  missingFromFile: string[];
  /** Rows of the change history (--changes) stored as new or changed, for the indicator importers. */
  changesStored: number;
}

/**
 * Updates municipalities from a Statistics Finland classification file, applying mergers: the merged
 * municipality is ended (ended_on, successor) and keeps its id, bodies, people and audit history.
 * A malformed file is rejected whole with issues naming line and column; nothing is changed then.
 */
export async function importReference(ctx: Ctx, input: ImportReferenceInput): Promise<ImportReferenceResult> {
  assertCan(referencePolicy, 'reference.import', ctx.actor, null);
  return ctx.db.transaction(async (tx) => {
    const known = await knownAreaCodes(tx);
    const records = parseMunicipalities(input.municipalitiesCsv, known, 'file');
    const mergers = input.changesCsv ? parseMergers(input.changesCsv, 'changes') : [];
    const now = ctx.clock.now();
    const state = await activeMunicipalities(tx);
    const byCode = new Map(state.map((s) => [s.code, s]));
    const fileCodes = new Set(records.map((r) => r.code));
    const issues: FieldIssue[] = [];
    // A successor may be a code the same history later merges on (Pieksänmaa 640, 2004 → Pieksämäki 2007).
    const chained = new Set(mergers.map((m) => m.oldCode));
    for (const m of mergers) {
      if (fileCodes.has(m.oldCode) && m.effectiveDate <= today(now))
        issues.push({ field: 'changes', code: 'csv_merged_code_still_listed', params: { line: m.line, column: 'old_code', value: m.oldCode } });
      if (!fileCodes.has(m.newCode) && !byCode.has(m.newCode) && !chained.has(m.newCode))
        issues.push({ field: 'changes', code: 'csv_unknown_successor', params: { line: m.line, column: 'new_code', value: m.newCode } });
    }
    if (issues.length) throw invalid(issues, 'reference.file_invalid');

    const result: ImportReferenceResult = { created: [], updated: [], merged: [], unchanged: 0, missingFromFile: [], changesStored: 0 };
    const toCreate = records.filter((r) => !byCode.has(r.code));
    if (toCreate.length) {
      const created = await insertParties(
        tx,
        toCreate.map((r) => ({
          type: r.countyCode === 'HVA90' ? 'city_of_helsinki' : 'municipality',
          code: r.code,
          business_id: null,
          business_id_source: null,
          name_fi: r.nameFi,
          name_sv: r.nameSv,
          name_en: r.nameEn,
          language: r.language,
          region_code: r.regionCode,
          county_code: r.countyCode,
          population: r.population,
          population_year: r.populationYear,
          sotkanet_id: r.sotkanetId,
        })),
        now,
      );
      for (const c of created) {
        byCode.set(c.code, { id: c.id, code: c.code } as never);
        result.created.push(c.code);
        await recordAudit(tx, ctx, { partyId: c.id, action: 'party.create', targetType: 'party', targetId: c.id, after: { code: c.code, source: input.source } });
      }
    }
    for (const r of records) {
      const cur = state.find((s) => s.code === r.code);
      if (!cur) continue;
      const next = {
        name_fi: r.nameFi,
        name_sv: r.nameSv,
        name_en: r.nameEn,
        region_code: r.regionCode,
        county_code: r.countyCode,
        population: r.population ?? cur.population,
        population_year: r.populationYear ?? cur.population_year,
        language: r.language,
      };
      const diff = changedFields(cur, next);
      if (Object.keys(diff.after).length === 0) {
        result.unchanged++;
        continue;
      }
      await updateMunicipalityFromReference(
        tx,
        cur.id,
        {
          nameFi: next.name_fi,
          nameSv: next.name_sv,
          nameEn: next.name_en,
          regionCode: next.region_code,
          countyCode: next.county_code,
          population: next.population,
          populationYear: next.population_year,
          language: next.language,
        },
        now,
      );
      result.updated.push(r.code);
      await recordAudit(tx, ctx, { partyId: cur.id, action: 'party.update_reference', targetType: 'party', targetId: cur.id, ...diff });
    }
    for (const m of mergers) {
      const old = state.find((s) => s.code === m.oldCode);
      const successor = byCode.get(m.newCode);
      if (!old || !successor || m.effectiveDate > today(now)) continue;
      await endPartyByMerger(tx, old.id, m.effectiveDate, successor.id, now);
      result.merged.push({ oldCode: m.oldCode, newCode: m.newCode, effectiveDate: m.effectiveDate });
      await recordAudit(tx, ctx, {
        partyId: old.id,
        action: 'party.merge',
        targetType: 'party',
        targetId: old.id,
        before: { ended_on: null },
        after: { ended_on: m.effectiveDate, successor_code: m.newCode, successor_id: successor.id },
      });
    }
    const mergedCodes = new Set(result.merged.map((m) => m.oldCode));
    result.missingFromFile = state.map((s) => s.code).filter((c) => !fileCodes.has(c) && !mergedCodes.has(c)).sort();
    result.changesStored = await upsertMunicipalityChanges(tx, mergers, input.source);
    if (result.changesStored > 0) {
      await recordAudit(tx, ctx, { partyId: null, action: 'reference.municipality_changes', targetType: 'municipality_change', targetId: input.source, after: { stored: result.changesStored } });
    }
    await insertReferenceImport(tx, input.source, result, now);
    return result;
  });
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}
