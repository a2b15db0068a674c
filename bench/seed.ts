/**
 * Prepares the database the bench's app is about to serve (same DATA_DIR / DATABASE_URL, before the app
 * starts: PGlite lets one process in at a time), through the same code and use cases as the app and its users:
 *
 * - start-up preparation as the server does it (migrations, reference data, the demo region);
 * - with --agreement, one big agreement: the county's demo editor creates an agreement of Pohjois-Pohjanmaa (HVA19) for all 32 parties (the
 *   county, its 30 municipalities and the regional council), takes the sections of the model (14) and adds
 *   the region's own in Finnish and Swedish Markdown (40 in all), publishes version 1 and opens a comment
 *   round on it, which makes the agreement public;
 * - one editor per party (32 accounts) files the party's statement and comments: 300 in all;
 * - the demo editor of Oulu signs in, for the signed-in measurements.
 *
 *   node --import tsx bench/seed.ts <result.json> [--agreement]     (environment as for the server)
 *
 * Writes { sessionCookie, agreement: { id, versionNumber, parties, sections, comments } | null } to result.json.
 */
import { writeFileSync } from 'node:fs';
import { createUser, resolveSession, signInWithPassword } from '../src/modules/accounts/index.ts';
import { addComment, addSection, createAgreement, MODEL_TEMPLATE, openCommentRound, publishVersion } from '../src/modules/agreements/index.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import { getCooperationRegion } from '../src/modules/parties/index.ts';
import type { Actor } from '../src/platform/actor.ts';
import { SESSION_COOKIE } from '../src/platform/auth/cookies.ts';
import { helsinkiDate, systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createLogger } from '../src/platform/log.ts';
import { prepareDatabase } from '../server/services.ts';

const REGION = 'HVA19';
const SECTIONS = 40;
const COMMENTS = 300;

const [out, ...flags] = process.argv.slice(2);
if (!out || flags.some((f) => f !== '--agreement')) throw new Error('usage: bench/seed.ts <result.json> [--agreement]');
const config = loadConfig();
const log = createLogger('warn', { service: 'bench-seed' }, (l) => process.stderr.write(l + '\n'));
const db = await prepareDatabase(config, log, systemClock, { seedDemo: true });
const ctxAs = (actor: Actor, label: string): Ctx => ({ db, clock: systemClock, log, actor, requestId: `bench:${label}` });
const system = ctxAs({ kind: 'system', label: 'bench' }, 'seed');

/** Signs a demo account in through the use case and returns its actor and session token. */
async function signIn(email: string): Promise<{ actor: Actor; token: string }> {
  const s = await signInWithPassword(system, { email, password: DEMO_PASSWORD }, config.sessionDays);
  const resolved = await resolveSession(db, systemClock, s.token);
  if (!resolved) throw new Error(`the session of ${email} did not resolve`);
  return { actor: resolved.actor, token: s.token };
}

type B = { fi: string; sv: string };
/** Themes of the region's own sections; each theme gives a section on goals and one on implementation. */
const THEMES: { name: B; who: B; measure: B }[] = [
  { name: { fi: 'Lasten ja nuorten hyvinvointi', sv: 'Barns och ungas välfärd' }, who: { fi: 'perhekeskukset ja koulut', sv: 'familjecentren och skolorna' }, measure: { fi: 'kouluterveyskyselyn tulokset', sv: 'resultaten av enkäten Hälsa i skolan' } },
  { name: { fi: 'Ikääntyneiden kotona asumisen tuki', sv: 'Stöd för äldres boende hemma' }, who: { fi: 'kotihoito ja kuntien liikuntapalvelut', sv: 'hemvården och kommunernas idrottstjänster' }, measure: { fi: 'kotona asuvien 75 vuotta täyttäneiden osuus', sv: 'andelen hemmaboende personer över 75 år' } },
  { name: { fi: 'Mielenterveys ja päihdetyö', sv: 'Mental hälsa och missbrukarvård' }, who: { fi: 'matalan kynnyksen palvelut ja järjestöt', sv: 'lågtröskeltjänsterna och organisationerna' }, measure: { fi: 'psykiatrisen erikoissairaanhoidon käynnit', sv: 'besöken inom den psykiatriska specialiserade sjukvården' } },
  { name: { fi: 'Liikunta ja terveelliset elintavat', sv: 'Motion och hälsosamma levnadsvanor' }, who: { fi: 'kuntien liikuntatoimi ja neuvolat', sv: 'kommunernas idrottsväsende och rådgivningarna' }, measure: { fi: 'liikuntasuositusten toteutuminen', sv: 'hur rekommendationerna för fysisk aktivitet uppfylls' } },
  { name: { fi: 'Työllisyys ja osaaminen', sv: 'Sysselsättning och kompetens' }, who: { fi: 'työllisyyspalvelut ja työikäisten palvelut', sv: 'sysselsättningstjänsterna och tjänsterna för personer i arbetsför ålder' }, measure: { fi: 'pitkäaikaistyöttömien osuus työvoimasta', sv: 'andelen långtidsarbetslösa av arbetskraften' } },
  { name: { fi: 'Kotoutuminen', sv: 'Integration' }, who: { fi: 'maahanmuuttajapalvelut ja kuntien kotoutumiskoordinaattorit', sv: 'invandrartjänsterna och kommunernas integrationskoordinatorer' }, measure: { fi: 'kotoutumisohjelmien toteuma', sv: 'hur integrationsprogrammen genomförs' } },
  { name: { fi: 'Asuminen ja palveluverkko', sv: 'Boende och servicenät' }, who: { fi: 'asumispalvelut ja kuntien maankäyttö', sv: 'boendetjänsterna och kommunernas markanvändning' }, measure: { fi: 'palveluasumisen jonot', sv: 'köerna till serviceboende' } },
  { name: { fi: 'Turvallisuus ja valmius', sv: 'Säkerhet och beredskap' }, who: { fi: 'pelastustoimi ja kuntien valmiussuunnittelu', sv: 'räddningsväsendet och kommunernas beredskapsplanering' }, measure: { fi: 'kotitapaturmien hoitojaksot', sv: 'vårdperioderna till följd av olycksfall i hemmet' } },
  { name: { fi: 'Osallisuus ja järjestöyhteistyö', sv: 'Delaktighet och organisationssamarbete' }, who: { fi: 'järjestöt ja kuntien osallisuustyö', sv: 'organisationerna och kommunernas delaktighetsarbete' }, measure: { fi: 'järjestöavustusten määrä asukasta kohden', sv: 'organisationsunderstöden per invånare' } },
  { name: { fi: 'Liikenne ja asiointi', sv: 'Trafik och ärenden' }, who: { fi: 'kuljetuspalvelut ja joukkoliikenne', sv: 'transporttjänsterna och kollektivtrafiken' }, measure: { fi: 'yhdistettyjen kuljetusten osuus', sv: 'andelen samordnade transporter' } },
  { name: { fi: 'Tiedolla johtaminen', sv: 'Kunskapsbaserad ledning' }, who: { fi: 'hyvinvointikoordinaattorit ja tietopalvelut', sv: 'välfärdskoordinatorerna och informationstjänsterna' }, measure: { fi: 'yhteisen hyvinvointikertomuksen valmistuminen', sv: 'att den gemensamma välfärdsberättelsen blir klar' } },
  { name: { fi: 'Digitaaliset palvelut', sv: 'Digitala tjänster' }, who: { fi: 'digipalvelut ja kuntien asiointipisteet', sv: 'de digitala tjänsterna och kommunernas servicepunkter' }, measure: { fi: 'sähköisen asioinnin osuus', sv: 'andelen elektroniska ärenden' } },
  { name: { fi: 'Kulttuuri ja vapaa-aika hyvinvoinnin tukena', sv: 'Kultur och fritid som stöd för välfärden' }, who: { fi: 'kulttuuripalvelut ja kirjastot', sv: 'kulturtjänsterna och biblioteken' }, measure: { fi: 'kulttuurihyvinvoinnin toimintojen kävijämäärät', sv: 'besökarna i verksamheter för kulturell välfärd' } },
];

/** A section of the region's own: goals and indicators, or implementation and follow-up, of one theme. */
function ownSection(i: number): { headingFi: string; headingSv: string; bodyFi: string; bodySv: string } {
  const t = THEMES[Math.floor(i / 2) % THEMES.length]!;
  const goals = i % 2 === 0;
  const fi = t.name.fi.toLowerCase();
  const sv = t.name.sv.toLowerCase();
  if (goals) {
    return {
      headingFi: `${t.name.fi}: tavoitteet ja mittarit`,
      headingSv: `${t.name.sv}: mål och indikatorer`,
      bodyFi: [
        `Osapuolet sitoutuvat edistämään teemaa **${fi}** yhdessä. Työ perustuu alueelliseen hyvinvointikertomukseen ja [THL:n Sotkanetin](https://sotkanet.fi) indikaattoreihin, ja sitä seurataan vuosittain hyvinvointialueen ja kuntien välisessä neuvottelussa (sote-järjestämislaki 7 §).`,
        '## Tavoitteet',
        `- Palvelut ovat asukkaan näkökulmasta yhtenäisiä riippumatta siitä, kumpi osapuoli ne järjestää.\n- Tieto kulkee osapuolten välillä ilman viivettä, ja yhteyshenkilöt on nimetty kaikissa kunnissa.\n- Ennaltaehkäisevään työhön ohjataan voimavaroja, erityisesti kun kyse on teemasta ${fi}.\n- Vastuulliset toimijat (${t.who.fi}) sopivat työnjaosta kirjallisesti.`,
        '## Mittarit',
        `1. ${t.measure.fi.charAt(0).toUpperCase()}${t.measure.fi.slice(1)} kunnittain ja koko alueella.\n2. Osapuolten yhteisten toimenpiteiden toteutuminen *aikataulussa*.\n3. Asukaskyselyn tulokset kahden vuoden välein.`,
        `Mittareiden lähtötaso kirjataan sopimuksen liitteeseen. Jos tieto puuttuu, osapuolet sopivat korvaavasta mittarista seuraavassa [kuntajohtajafoorumissa](/regions/${REGION}).`,
      ].join('\n\n'),
      bodySv: [
        `Parterna förbinder sig att tillsammans främja temat **${sv}**. Arbetet grundar sig på den regionala välfärdsberättelsen och på [THL:s Sotkanet-indikatorer](https://sotkanet.fi), och det följs upp årligen i förhandlingen mellan välfärdsområdet och kommunerna (7 § i lagen om ordnande av social- och hälsovård).`,
        '## Mål',
        `- Tjänsterna är enhetliga för invånaren oavsett vilken part som ordnar dem.\n- Informationen går utan dröjsmål mellan parterna, och kontaktpersoner har utsetts i alla kommuner.\n- Resurser styrs till förebyggande arbete, särskilt när det gäller temat ${sv}.\n- De ansvariga aktörerna (${t.who.sv}) kommer skriftligen överens om arbetsfördelningen.`,
        '## Indikatorer',
        `1. ${t.measure.sv.charAt(0).toUpperCase()}${t.measure.sv.slice(1)} per kommun och i hela området.\n2. Hur parternas gemensamma åtgärder genomförs *enligt tidtabellen*.\n3. Resultaten av invånarenkäten vartannat år.`,
        `Indikatorernas utgångsnivå antecknas i en bilaga till avtalet. Om uppgifter saknas kommer parterna överens om en ersättande indikator vid följande [kommundirektörsforum](/sv/regions/${REGION}).`,
      ].join('\n\n'),
    };
  }
  return {
    headingFi: `${t.name.fi}: toimeenpano ja seuranta`,
    headingSv: `${t.name.sv}: genomförande och uppföljning`,
    bodyFi: [
      `Toimeenpanosta vastaavat ${t.who.fi}. Hyvinvointialue kutsuu koolle teemaryhmän, johon kukin kunta nimeää edustajansa. Ryhmä laatii vuosittaisen toimintasuunnitelman ja raportoi sen toteutumisesta hyvinvointialueen ja kuntien yhteistyöryhmälle.`,
      '## Työnjako',
      `- **Hyvinvointialue**: palvelujen järjestäminen, asiakasohjaus ja yhteiset asiakastietojärjestelmät.\n- **Kunnat**: hyvinvoinnin ja terveyden edistäminen omissa palveluissaan sekä yhteys kuntalaisiin.\n- **Maakunnan liitto**: aluekehittämisen ohjelmat ja rahoitushaut, kun ne koskevat teemaa ${fi}.`,
      '## Seuranta',
      `Seurannassa käytetään mittaria *${t.measure.fi}* sekä osapuolten omia tunnuslukuja. Poikkeamista keskustellaan viipymättä, ja tarvittaessa toimenpiteitä tarkistetaan kesken kauden. Yhteenveto julkaistaan osoitteessa [kumppanuus.fi](https://kumppanuus.fi) ja toimitetaan valtuustoille tiedoksi.`,
    ].join('\n\n'),
    bodySv: [
      `För genomförandet svarar ${t.who.sv}. Välfärdsområdet sammankallar en temagrupp, till vilken varje kommun utser sin representant. Gruppen utarbetar en årlig verksamhetsplan och rapporterar om hur den genomförts till samarbetsgruppen mellan välfärdsområdet och kommunerna.`,
      '## Arbetsfördelning',
      `- **Välfärdsområdet**: ordnandet av tjänsterna, kundstyrningen och de gemensamma klientdatasystemen.\n- **Kommunerna**: främjandet av välfärd och hälsa i sina egna tjänster samt kontakten med kommuninvånarna.\n- **Landskapsförbundet**: regionutvecklingsprogrammen och finansieringsansökningarna när de gäller temat ${sv}.`,
      '## Uppföljning',
      `Vid uppföljningen används indikatorn *${t.measure.sv}* och parternas egna nyckeltal. Avvikelser diskuteras utan dröjsmål och åtgärderna ses vid behov över mitt under perioden. Ett sammandrag publiceras på [kumppanuus.fi](https://kumppanuus.fi) och delges fullmäktige för kännedom.`,
    ].join('\n\n'),
  };
}

const COMMENT_FI = [
  'Ehdotamme, että kohtaan lisätään maininta kuntien omista hyvinvointisuunnitelmista, jotta työnjako on selvä myös pienissä kunnissa.',
  'Kunnanhallitus pitää tavoitteita hyvinä, mutta toivoo mittareihin vertailutietoa koko maan tasosta.',
  'Teksti on tältä osin liian yleinen. Kuka kutsuu teemaryhmän koolle ja missä aikataulussa?',
  'Kannatamme kirjausta. Pyydämme lisäämään, että järjestöjä kuullaan ennen toimintasuunnitelman hyväksymistä.',
  'Seurantaraportin toimittaminen valtuustolle kerran vuodessa riittää; useammin raportointi kuormittaa pieniä kuntia.',
  'Kohdassa mainittu tietojärjestelmä ei ole vielä käytössä kaikissa kunnissa. Ehdotamme siirtymäaikaa vuoden 2027 loppuun.',
];
const COMMENT_SV = [
  'Vi föreslår att punkten kompletteras med en hänvisning till kommunernas egna välfärdsplaner, så att arbetsfördelningen är tydlig även i små kommuner.',
  'Kommunstyrelsen anser att målen är goda men önskar jämförelsedata på riksnivå för indikatorerna.',
  'Texten är i denna del för allmän. Vem sammankallar temagruppen och enligt vilken tidtabell?',
];

/** The big agreement, in its comment round; returns what the bench needs to find it. */
async function seedAgreement() {
  const { region, parties } = await getCooperationRegion(system, REGION);
  const county = parties.find((p) => p.type === 'wellbeing_services_county')!;
  const drafter = await signIn('hva.muokkaaja@demo.kumppanuus.fi');
  const d = ctxAs(drafter.actor, 'drafter');

  const agreement = await createAgreement(d, REGION, {
    titleFi: `${region.name.fi}: hyvinvointialueen, kuntien ja maakunnan liiton strateginen yhteistyösopimus 2026–2029 (bench)`,
    titleSv: `${region.name.sv}: strategiskt samarbetsavtal mellan välfärdsområdet, kommunerna och landskapsförbundet 2026–2029 (bench)`,
    validFrom: '2026-06-01',
    validUntil: '2029-12-31',
    coordinatingPartyId: county.id,
    partyIds: parties.map((p) => p.id),
  });
  const sectionIds: string[] = [];
  for (let i = 0; MODEL_TEMPLATE.length + sectionIds.length < SECTIONS; i++) sectionIds.push((await addSection(d, agreement.id, ownSection(i))).id);
  const version = await publishVersion(d, agreement.id, { label: 'Lausuntokierrokselle (bench)' });
  const deadline = helsinkiDate(new Date(Date.now() + 60 * 86_400_000));
  await openCommentRound(d, agreement.id, { versionNumber: version.number, deadline });

  // One editor per party; each files the party's statement first, then comments on the sections in turn.
  const editors: { actor: Actor; partyId: string; swedish: boolean }[] = [];
  for (const [i, p] of parties.entries()) {
    const u = await createUser(system, {
      email: `bench.muokkaaja.${p.code.toLowerCase()}@bench.invalid`,
      displayName: `${p.name.fi}: valmistelija`,
      isPlatformAdmin: false,
      memberships: [{ partyId: p.id, role: 'editor' }],
    });
    editors.push({
      actor: { kind: 'user', userId: u.id, displayName: u.displayName, isPlatformAdmin: false, memberships: [{ partyId: p.id, role: 'editor' }] },
      partyId: p.id,
      // Pohjois-Pohjanmaa is Finnish-speaking; a few parties still write some comments in Swedish.
      swedish: p.language !== 'fi' || i % 8 === 0,
    });
  }
  for (let i = 0; i < COMMENTS; i++) {
    const e = editors[i % editors.length]!;
    const statement = i < editors.length;
    const lang = e.swedish && i % 2 === 0 ? 'sv' : 'fi';
    const bank = lang === 'sv' ? COMMENT_SV : COMMENT_FI;
    const body = statement
      ? (lang === 'sv' ? 'Utlåtande: parten godkänner utkastet med följande anmärkningar.\n\n' : 'Lausunto: osapuoli hyväksyy luonnoksen seuraavin huomautuksin.\n\n') +
        bank.map((s, k) => `${k + 1}. ${s}`).join('\n')
      : `${bank[i % bank.length]!} ${bank[(i + 1) % bank.length]!}`;
    await addComment(ctxAs(e.actor, 'comment'), agreement.id, {
      partyId: e.partyId,
      kind: statement ? 'statement' : 'comment',
      // Every fifth comment is on the agreement as a whole; the rest on the region's own sections in turn.
      sectionId: statement || i % 5 === 0 ? '' : sectionIds[i % sectionIds.length],
      lang,
      body,
    });
  }
  return { id: agreement.id, versionNumber: version.number, parties: parties.length, sections: MODEL_TEMPLATE.length + sectionIds.length, comments: COMMENTS };
}

const agreement = flags.includes('--agreement') ? await seedAgreement() : null;
const reader = await signIn('oulu.muokkaaja@demo.kumppanuus.fi');
writeFileSync(
  out,
  JSON.stringify({ sessionCookie: `${SESSION_COOKIE}=${reader.token}`, agreement }),
);
await db.close();
