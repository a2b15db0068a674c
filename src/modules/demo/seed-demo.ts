import { createUser, type User } from '#modules/accounts/index.ts';
import { addPartyBody, getCooperationRegion } from '#modules/parties/index.ts';
import type { PartyRole } from '#platform/actor.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { demoPolicy } from './demo-policy.ts';
import { countDemoAccounts } from './demo-queries.ts';
import { seedDemoAgreement } from './seed-demo-agreement.ts';
import { seedDemoGoals } from './seed-demo-goals.ts';
import { seedDemoKeskiSuomi } from './seed-demo-keski-suomi.ts';
import { seedDemoObligations } from './seed-demo-obligations.ts';
import { seedDemoMeetings } from './seed-demo-meetings.ts';
import { DEMO_PASSWORD } from './demo-password.ts';
import { seedDemoPopulation } from './seed-demo-population.ts';

/** The demo region: Pohjois-Pohjanmaa (HVA19) — the county, its 30 municipalities and Pohjois-Pohjanmaan liitto. */
export const DEMO_REGION = 'HVA19';
export { DEMO_PASSWORD };

export interface DemoAccount {
  email: string;
  displayName: string;
  title: string;
  role: PartyRole | 'platform_admin';
  partyCode: string | null;
}

/** One account per role, on the county, Oulu (564), Kempele (244) and the regional council (MK17). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'yllapito@demo.kumppanuus.fi', displayName: 'Alustan ylläpitäjä', title: 'Pääkäyttäjä', role: 'platform_admin', partyCode: null },
  { email: 'hva.paakayttaja@demo.kumppanuus.fi', displayName: 'Hyvinvointialueen pääkäyttäjä', title: 'Kuntayhteistyöpäällikkö', role: 'admin', partyCode: 'HVA19' },
  { email: 'hva.muokkaaja@demo.kumppanuus.fi', displayName: 'Hyvinvointialueen valmistelija', title: 'Strategiasuunnittelija', role: 'editor', partyCode: 'HVA19' },
  { email: 'hva.kirjaaja@demo.kumppanuus.fi', displayName: 'Hyvinvointialueen päätösten kirjaaja', title: 'Hallintosihteeri', role: 'approver', partyCode: 'HVA19' },
  { email: 'oulu.paakayttaja@demo.kumppanuus.fi', displayName: 'Oulun pääkäyttäjä', title: 'Hyvinvointikoordinaattori', role: 'admin', partyCode: '564' },
  { email: 'oulu.muokkaaja@demo.kumppanuus.fi', displayName: 'Oulun valmistelija', title: 'Erityisasiantuntija', role: 'editor', partyCode: '564' },
  { email: 'kempele.kirjaaja@demo.kumppanuus.fi', displayName: 'Kempeleen päätösten kirjaaja', title: 'Hallintojohtaja', role: 'approver', partyCode: '244' },
  { email: 'liitto.paakayttaja@demo.kumppanuus.fi', displayName: 'Liiton pääkäyttäjä', title: 'Aluekehitysjohtaja', role: 'admin', partyCode: 'MK17' },
  { email: 'katselija@demo.kumppanuus.fi', displayName: 'Kempeleen katselija', title: 'Valtuutettu', role: 'viewer', partyCode: '244' },
];

/** The usual decision-making bodies by party type (exported for the other demo regions). */
export const BODIES: Record<string, { kind: string; fi: string; sv: string; en: string }[]> = {
  municipality: [
    { kind: 'kunnanvaltuusto', fi: 'Kunnanvaltuusto', sv: 'Kommunfullmäktige', en: 'Municipal council' },
    { kind: 'kunnanhallitus', fi: 'Kunnanhallitus', sv: 'Kommunstyrelsen', en: 'Municipal executive board' },
  ],
  city: [
    { kind: 'kaupunginvaltuusto', fi: 'Kaupunginvaltuusto', sv: 'Stadsfullmäktige', en: 'City council' },
    { kind: 'kaupunginhallitus', fi: 'Kaupunginhallitus', sv: 'Stadsstyrelsen', en: 'City board' },
  ],
  wellbeing_services_county: [
    { kind: 'aluevaltuusto', fi: 'Aluevaltuusto', sv: 'Välfärdsområdesfullmäktige', en: 'County council' },
    { kind: 'aluehallitus', fi: 'Aluehallitus', sv: 'Välfärdsområdesstyrelsen', en: 'County executive board' },
  ],
  regional_council: [
    { kind: 'maakuntavaltuusto', fi: 'Maakuntavaltuusto', sv: 'Landskapsfullmäktige', en: 'Regional assembly' },
    { kind: 'maakuntahallitus', fi: 'Maakuntahallitus', sv: 'Landskapsstyrelsen', en: 'Regional executive board' },
  ],
};
/** Municipalities of the demo region that are cities (kaupunki): their bodies are kaupunginvaltuusto/-hallitus. */
const CITIES = new Set(['069', '071', '208', '305', '535', '563', '564', '615', '678', '977']);

/**
 * Seeds the demo region with decision-making bodies and one account per role. Only the system may run it;
 * running it twice does nothing the second time. Returns the accounts created.
 */
export async function seedDemo(ctx: Ctx): Promise<{ accounts: DemoAccount[]; created: boolean }> {
  assertCan(demoPolicy, 'demo.seed', ctx.actor, null);
  const existingAccounts = await countDemoAccounts(ctx.db);
  if (existingAccounts > 0) {
    // Accounts exist already; data added to the demo later (the agreement) is still seeded, once.
    await seedDemoAgreement(ctx, DEMO_REGION);
    await seedDemoGoals(ctx, DEMO_REGION);
    await seedDemoKeskiSuomi(ctx);
    await seedDemoPopulation(ctx);
    await seedDemoMeetings(ctx, DEMO_REGION);
    await seedDemoMeetings(ctx, DEMO_REGION);
  await seedDemoObligations(ctx, DEMO_REGION);
    return { accounts: DEMO_ACCOUNTS, created: false };
  }
  const { parties } = await getCooperationRegion(ctx, DEMO_REGION);
  for (const p of parties) {
    const set = p.type === 'municipality' ? (CITIES.has(p.code) ? BODIES.city! : BODIES.municipality!) : BODIES[p.type] ?? [];
    for (const [i, b] of set.entries()) await addPartyBody(ctx, p.id, { kind: b.kind, nameFi: b.fi, nameSv: b.sv, nameEn: b.en, position: i });
  }
  const byCode = new Map(parties.map((p) => [p.code, p.id]));
  const users: User[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const partyId = a.partyCode ? byCode.get(a.partyCode) : undefined;
    users.push(
      await createUser(ctx, {
        email: a.email,
        displayName: a.displayName,
        title: a.title,
        password: DEMO_PASSWORD,
        isPlatformAdmin: a.role === 'platform_admin',
        memberships: partyId && a.role !== 'platform_admin' ? [{ partyId, role: a.role }] : [],
      }),
    );
  }
  await seedDemoAgreement(ctx, DEMO_REGION);
  await seedDemoGoals(ctx, DEMO_REGION);
  await seedDemoKeskiSuomi(ctx);
  await seedDemoPopulation(ctx);
  await seedDemoMeetings(ctx, DEMO_REGION);
  await seedDemoObligations(ctx, DEMO_REGION);
  return { accounts: DEMO_ACCOUNTS, created: true };
}
