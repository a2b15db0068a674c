import { addMeasure, addMeasureIndicator, addMeasureUpdate, createGoal } from '#modules/goals/index.ts';
import { defineCustomIndicator, importOwnCsv } from '#modules/indicators/index.ts';
import { getCooperationRegion } from '#modules/parties/index.ts';
import type { Actor } from '#platform/actor.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { demoPolicy } from './demo-policy.ts';
import { findDemoActor, findDemoAgreement, indicatorExists, indicatorHasValues } from './demo-queries.ts';
import { TITLE_FI } from './seed-demo-agreement.ts';

const ACTIVE_YOUTH = 'custom:pp-liikkuvat-nuoret';
const LONELY_ELDERLY = 'custom:pp-yksinaiset-ikaantyneet';

/**
 * Shared goals on the Pohjois-Pohjanmaa demo agreement: two goals, three measures, two of the region's own
 * indicators (illustrative figures, not statistics) and one progress update from Oulu.
 * Idempotent: does nothing when the agreement already has goals, or when the agreement or accounts are missing.
 */
export async function seedDemoGoals(ctx: Ctx, countyCode: string): Promise<boolean> {
  assertCan(demoPolicy, 'demo.seed', ctx.actor, null);
  await seedDemoComparisonValues(ctx);
  const agreement = await findDemoAgreement(ctx.db, countyCode, TITLE_FI);
  if (!agreement || agreement.hasGoals || agreement.areaIds.length < 2) return false;
  const [countyEditor, ouluEditor] = await Promise.all(['hva.muokkaaja', 'oulu.muokkaaja'].map((n) => findDemoActor(ctx.db, `${n}@demo.kumppanuus.fi`)));
  if (!countyEditor || !ouluEditor) return false;
  const { parties } = await getCooperationRegion(ctx, countyCode);
  const id = (code: string) => parties.find((p) => p.code === code)!.id;
  const as = (actor: Actor): Ctx => ({ ...ctx, actor, requestId: 'system:demo-goals' });

  if (!(await indicatorExists(ctx.db, ACTIVE_YOUTH))) {
    await defineCustomIndicator(ctx, {
      key: 'pp-liikkuvat-nuoret',
      titleFi: 'Liikuntasuosituksen mukaisesti liikkuvat 8. ja 9. luokan oppilaat (%) – demo',
      titleSv: 'Elever i årskurs 8 och 9 som rör på sig enligt rekommendationen (%) – demo',
      titleEn: 'Pupils in grades 8 and 9 meeting the physical activity recommendation (%) – demo',
      unit: '%',
      decimals: 1,
      direction: 'higher_is_better',
      organisation: 'Demo',
    });
    await importOwnCsv(ctx, {
      indicator: ACTIVE_YOUTH,
      fileName: 'demo-liikkuvat-nuoret.csv',
      file: 'region_code,year,value\n564,2021,38\n564,2023,39.5\n564,2025,40.5\n244,2021,40\n244,2023,44\n244,2025,47.5\n425,2021,41\n425,2023,43\n',
    });
  }
  if (!(await indicatorExists(ctx.db, LONELY_ELDERLY))) {
    await defineCustomIndicator(ctx, {
      key: 'pp-yksinaiset-ikaantyneet',
      titleFi: 'Itsensä usein yksinäiseksi tuntevat yli 75-vuotiaat (%) – demo',
      titleSv: 'Personer över 75 år som ofta känner sig ensamma (%) – demo',
      titleEn: 'People over 75 who often feel lonely (%) – demo',
      unit: '%',
      decimals: 1,
      direction: 'lower_is_better',
      organisation: 'Demo',
    });
    await importOwnCsv(ctx, { indicator: LONELY_ELDERLY, fileName: 'demo-yksinaiset.csv', file: 'region_code,year,value\nHVA19,2020,12\nHVA19,2022,11.2\nHVA19,2024,10.1\n' });
  }

  await seedDemoComparisonValues(ctx);

  const c = as(countyEditor);
  const [wellbeingArea, participationArea] = agreement.areaIds as [string, string];
  const activity = await createGoal(c, wellbeingArea, {
    titleFi: 'Lapset ja nuoret liikkuvat enemmän',
    titleSv: 'Barn och unga rör på sig mer',
    descriptionFi: 'Liikuntasuosituksen mukaisesti liikkuvien nuorten osuus kasvaa joka kunnassa.',
    descriptionSv: 'Andelen unga som rör på sig enligt rekommendationen ökar i varje kommun.',
    sectionId: agreement.areasSectionId,
  });
  const schools = await addMeasure(c, activity.id, {
    titleFi: 'Liikkuva koulu -toimintamalli kaikkiin yläkouluihin',
    titleSv: 'Modellen Skolan i rörelse i alla högstadier',
    responsible: 'Sivistysjohtajat',
    ownerPartyIds: [id('564'), id('244'), id('425')],
    startsOn: '2024-08-01',
    dueOn: '2027-06-30',
    internalNotes: 'Rahoitus syksyn 2026 osalta vielä vahvistamatta.',
  });
  const youthLink = await addMeasureIndicator(c, schools.id, { indicatorId: ACTIVE_YOUTH, scope: 'each_municipality', baselineYear: 2021, baselineValue: 40, targetYear: 2029, targetValue: 50 });
  await addMeasure(c, activity.id, {
    titleFi: 'Liikuntaneuvonnan palveluketju',
    titleSv: 'Servicekedjan för motionsrådgivning',
    responsible: 'Hyvinvointialueen terveyden edistämisen yksikkö',
    ownerPartyIds: [id('HVA19')],
    startsOn: '2024-01-01',
    dueOn: '2025-12-31',
  });
  const lonely = await createGoal(c, participationArea, {
    titleFi: 'Ikääntyneiden yksinäisyys vähenee',
    titleSv: 'Ensamheten bland äldre minskar',
    descriptionFi: 'Järjestöjen, kuntien ja hyvinvointialueen yhteinen kohtaamispaikkaverkosto.',
    descriptionSv: 'Ett gemensamt nätverk av mötesplatser för organisationerna, kommunerna och välfärdsområdet.',
    sectionId: agreement.areasSectionId,
  });
  const meetingPlaces = await addMeasure(c, lonely.id, {
    titleFi: 'Kohtaamispaikat jokaiseen kuntaan',
    titleSv: 'Mötesplatser i varje kommun',
    responsible: 'Järjestöyhteistyön koordinaattori',
    ownerPartyIds: [id('HVA19'), id('564')],
    startsOn: '2024-03-01',
    dueOn: '2026-12-31',
  });
  await addMeasureIndicator(c, meetingPlaces.id, { indicatorId: LONELY_ELDERLY, scope: 'county', baselineYear: 2020, baselineValue: 12, targetYear: 2028, targetValue: 9 });
  await addMeasureUpdate(as(ouluEditor), schools.id, {
    partyId: id('564'),
    status: 'at_risk',
    body: 'Kaksi yläkoulua aloitti syksyllä; kolmen koulun aloitus siirtyy kevääseen resurssien vuoksi.',
    linkId: youthLink.id,
    areaCode: '564',
    date: '2026-06-15',
    value: '42',
  });
  return true;
}

/**
 * The demo indicators' county and whole-country series (illustrative figures like the rest of the demo goals), so
 * the goals' trends can be compared with the county and the country. Once per indicator: nothing happens when the
 * indicator is missing or already has values for the whole country.
 */
async function seedDemoComparisonValues(ctx: Ctx): Promise<void> {
  const series: [string, string][] = [
    [ACTIVE_YOUTH, 'region_code,year,value\nHVA19,2019,39\nHVA19,2021,39.5\nHVA19,2023,41.8\nHVA19,2025,43.6\nFI,2019,37.8\nFI,2021,38.2\nFI,2023,39.9\nFI,2025,41\n'],
    [LONELY_ELDERLY, 'region_code,year,value\nFI,2020,11.5\nFI,2022,11\nFI,2024,10.6\n'],
  ];
  for (const [indicator, file] of series) {
    if (!(await indicatorExists(ctx.db, indicator)) || (await indicatorHasValues(ctx.db, indicator, 'FI'))) continue;
    await importOwnCsv(ctx, { indicator, fileName: `demo-${indicator.slice('custom:'.length)}-vertailu.csv`, file });
  }
}
