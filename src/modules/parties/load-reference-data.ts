import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { referencePolicy } from './party-policy.ts';
import { countReferenceRows } from './party-queries.ts';
import { readShippedReference, type MunicipalityRecord } from './reference-data.ts';
import { insertCounties, insertParties, insertRegions, insertReferenceImport, type NewPartyRow } from './reference-queries.ts';
import type { PartyLanguage } from './party.ts';

/** A county or regional council is bilingual when its area holds a bilingual municipality or both languages (kielilaki 6 §). */
export function languageOfArea(members: readonly MunicipalityRecord[]): PartyLanguage {
  if (members.length === 0) return 'fi';
  const hasSv = members.some((m) => m.language !== 'fi');
  const hasFi = members.some((m) => m.language !== 'sv');
  if (!hasSv) return 'fi';
  if (!hasFi) return 'sv';
  const svPop = members
    .filter((m) => m.language === 'sv' || m.language === 'sv-fi')
    .reduce((s, m) => s + (m.population ?? 0), 0);
  const total = members.reduce((s, m) => s + (m.population ?? 0), 0);
  return svPop * 2 > total ? 'sv-fi' : 'fi-sv';
}

/**
 * Loads the shipped reference data on first start: 19 regions, 22 counties (incl. Helsinki), and the parties —
 * 308 municipalities (Helsinki as the City of Helsinki), 21 wellbeing services counties, 18 regional councils.
 * Does nothing when the data is already there. Returns the number of parties created.
 */
export async function loadReferenceData(ctx: Ctx): Promise<number> {
  assertCan(referencePolicy, 'reference.import', ctx.actor, null);
  const ref = readShippedReference();
  return ctx.db.transaction(async (tx) => {
    if ((await countReferenceRows(tx)) > 0) return 0;
    const now = ctx.clock.now();
    await insertRegions(
      tx,
      ref.regions.map((r) => ({
        code: r.code,
        statfin_code: r.statfin_code,
        name_fi: r.name_fi,
        name_sv: r.name_sv,
        name_en: r.name_en,
        iso_3166_2: r.iso_3166_2,
        population: Number(r.population),
        population_year: Number(r.population_year),
      })),
    );
    await insertCounties(
      tx,
      ref.counties.map((c) => ({
        code: c.code,
        statfi_class_code: c.statfi_class_code,
        name_fi: c.name_fi,
        name_sv: c.name_sv,
        name_en: c.name_en,
        short_name_fi: c.short_name_fi,
        short_name_sv: c.short_name_sv,
        region_code: c.region_code,
        collaborative_area_code: c.collaborative_area_code,
        collaborative_area_name_fi: c.collaborative_area_name_fi,
        sotkanet_id: c.sotkanet_id ? Number(c.sotkanet_id) : null,
        population: Number(c.population),
        population_year: Number(c.population_year),
      })),
    );
    const bid = (code: string) => ref.businessIds.get(code);
    const parties: NewPartyRow[] = [];
    for (const m of ref.municipalities) {
      const isHelsinki = m.countyCode === 'HVA90';
      const b = bid(m.code) ?? (isHelsinki ? bid('HVA90') : undefined);
      parties.push({
        type: isHelsinki ? 'city_of_helsinki' : 'municipality',
        code: m.code,
        business_id: b?.businessId ?? null,
        business_id_source: b ? `reference data (${b.evidence})` : null,
        name_fi: m.nameFi,
        name_sv: m.nameSv,
        name_en: m.nameEn,
        language: m.language,
        region_code: m.regionCode,
        county_code: m.countyCode,
        population: m.population,
        population_year: m.populationYear,
        sotkanet_id: m.sotkanetId,
      });
    }
    for (const c of ref.counties) {
      if (c.type !== 'wellbeing_services_county') continue;
      const b = bid(c.code!);
      parties.push({
        type: 'wellbeing_services_county',
        code: c.code!,
        business_id: b?.businessId ?? null,
        business_id_source: b ? `reference data (${b.evidence})` : null,
        name_fi: c.name_fi!,
        name_sv: c.name_sv!,
        name_en: c.name_en!,
        language: languageOfArea(ref.municipalities.filter((m) => m.countyCode === c.code)),
        region_code: c.region_code!,
        county_code: c.code!,
        population: Number(c.population),
        population_year: Number(c.population_year),
        sotkanet_id: c.sotkanet_id ? Number(c.sotkanet_id) : null,
      });
    }
    for (const rc of ref.councils) {
      const region = ref.regions.find((r) => r.code === rc.region_code);
      // business_ids.csv keys a regional council by its region code ('12').
      const b = ref.businessIds.get(rc.region_code!);
      parties.push({
        type: 'regional_council',
        code: rc.code!,
        business_id: b?.businessId ?? null,
        business_id_source: b ? `reference data (${b.evidence})` : null,
        name_fi: rc.name_fi!,
        name_sv: rc.name_sv!,
        name_en: rc.name_en!,
        language: languageOfArea(ref.municipalities.filter((m) => m.regionCode === rc.region_code)),
        region_code: rc.region_code!,
        county_code: null,
        population: region ? Number(region.population) : null,
        population_year: region ? Number(region.population_year) : null,
        sotkanet_id: null,
      });
    }
    const created = await insertParties(tx, parties, now);
    const summary = { regions: ref.regions.length, counties: ref.counties.length, parties: created.length };
    await insertReferenceImport(tx, 'shipped reference data', summary, now);
    await recordAudit(tx, ctx, {
      partyId: null,
      action: 'reference.load',
      targetType: 'reference',
      targetId: null,
      after: summary,
    });
    return created.length;
  });
}
