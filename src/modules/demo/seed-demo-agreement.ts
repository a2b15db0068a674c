import {
  addArea,
  addComment,
  addForum,
  addForumMember,
  answerComment,
  createAgreement,
  getAgreementForEdit,
  openCommentRound,
  publishVersion,
  recordPresentation,
} from '#modules/agreements/index.ts';
import { getCooperationRegion } from '#modules/parties/index.ts';
import type { Actor } from '#platform/actor.ts';
import { fixedClock } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { demoPolicy } from './demo-policy.ts';
import { demoAgreementExists, findDemoActor } from './demo-queries.ts';

export const TITLE_FI = 'Pohjois-Pohjanmaan kuntien, hyvinvointialueen ja maakuntaliiton strateginen yhteistyösopimus';
const TITLE_SV = 'Strategiskt samarbetsavtal mellan kommunerna, välfärdsområdet och landskapsförbundet i Norra Österbotten';

type B = { fi: string; sv: string };
interface DemoArea {
  name: B;
  description: B;
  county: B;
  municipal: B;
  regionalCouncil?: B;
}

/** The eleven cooperation areas of the Pohjois-Pohjanmaa draft (Kuntajohtajafoorumi 14.9.2023); responsibilities are demo roles. */
const AREAS: DemoArea[] = [
  {
    name: { fi: 'Hyvinvoinnin, terveyden ja turvallisuuden edistäminen', sv: 'Främjande av välfärd, hälsa och säkerhet' },
    description: {
      fi: '- Yhteinen alueellinen hyvinvointikertomus ja -suunnitelma\n- Vuosittainen neuvottelu tavoitteista ja seurannasta (sote-järjestämislaki 7 §)\n- Mittarit: HYTE-kertoimen prosessi- ja tulosindikaattorit',
      sv: '- Gemensam regional välfärdsberättelse och välfärdsplan\n- Årlig förhandling om mål och uppföljning (7 § i lagen om ordnande av social- och hälsovård)\n- Indikatorer: HYTE-koefficientens process- och resultatindikatorer',
    },
    county: { fi: 'Hyvinvointialue: hyvinvoinnin ja terveyden edistämisen yksikkö', sv: 'Välfärdsområdet: enheten för främjande av välfärd och hälsa' },
    municipal: { fi: 'Kunnat: hyvinvointikoordinaattorit', sv: 'Kommunerna: välfärdskoordinatorerna' },
  },
  {
    name: { fi: 'Osallisuus ja järjestöyhteistyö', sv: 'Delaktighet och organisationssamarbete' },
    description: { fi: 'Yhteiset järjestöavustusten periaatteet ja järjestöjen kuuleminen.', sv: 'Gemensamma principer för organisationsunderstöd och hörande av organisationer.' },
    county: { fi: 'Hyvinvointialue: osallisuuden ja järjestöyhteistyön asiantuntijat', sv: 'Välfärdsområdet: experterna på delaktighet och organisationssamarbete' },
    municipal: { fi: 'Kunnat: järjestöyhteyshenkilöt', sv: 'Kommunerna: kontaktpersonerna för organisationer' },
  },
  {
    name: { fi: 'Työllistymisen tukeminen', sv: 'Stöd för sysselsättning' },
    description: { fi: 'Työikäisten palvelujen ja työllisyyspalvelujen yhteinen asiakasohjaus.', sv: 'Gemensam kundstyrning mellan tjänsterna för personer i arbetsför ålder och sysselsättningstjänsterna.' },
    county: { fi: 'Hyvinvointialue: työikäisten palvelut', sv: 'Välfärdsområdet: tjänsterna för personer i arbetsför ålder' },
    municipal: { fi: 'Kunnat: työllisyyspalvelut', sv: 'Kommunerna: sysselsättningstjänsterna' },
  },
  {
    name: { fi: 'Maahanmuuttajien kotoutumisen edistäminen', sv: 'Främjande av integrationen av invandrare' },
    description: { fi: 'Alkuvaiheen palvelujen ja kotoutumisohjelmien yhteensovittaminen.', sv: 'Samordning av tjänsterna i inledningsskedet och integrationsprogrammen.' },
    county: { fi: 'Hyvinvointialue: maahanmuuttajapalvelut', sv: 'Välfärdsområdet: invandrartjänsterna' },
    municipal: { fi: 'Kunnat: kotoutumisen koordinaattorit', sv: 'Kommunerna: integrationskoordinatorerna' },
  },
  {
    name: { fi: 'Asuminen ja maankäyttö', sv: 'Boende och markanvändning' },
    description: { fi: 'Palveluverkon, asumispalvelujen ja kaavoituksen yhteinen suunnittelu.', sv: 'Gemensam planering av servicenätet, boendetjänsterna och planläggningen.' },
    county: { fi: 'Hyvinvointialue: asumispalvelut ja palveluverkkosuunnittelu', sv: 'Välfärdsområdet: boendetjänsterna och planeringen av servicenätet' },
    municipal: { fi: 'Kunnat: maankäyttö ja asuntotoimi', sv: 'Kommunerna: markanvändningen och bostadsväsendet' },
    regionalCouncil: { fi: 'Maakunnan liitto: maakuntakaavoitus', sv: 'Landskapsförbundet: landskapsplaneringen' },
  },
  {
    name: { fi: 'Sivistyspalvelujen sekä sosiaali- ja terveyspalvelujen yhteistyö', sv: 'Samarbete mellan bildningstjänsterna och social- och hälsovårdstjänsterna' },
    description: { fi: 'Oppilas- ja opiskelijahuolto, varhaiskasvatuksen tuki ja lasten ja perheiden palvelut.', sv: 'Elev- och studerandevården, stödet inom småbarnspedagogiken och tjänsterna för barn och familjer.' },
    county: { fi: 'Hyvinvointialue: lasten, nuorten ja perheiden palvelut', sv: 'Välfärdsområdet: tjänsterna för barn, unga och familjer' },
    municipal: { fi: 'Kunnat: sivistystoimi', sv: 'Kommunerna: bildningsväsendet' },
  },
  {
    name: { fi: 'Asiointiliikenne ja kuljetuspalvelut', sv: 'Ärendetrafik och transporttjänster' },
    description: { fi: 'Kuljetusten yhdistäminen ja yhteinen hankinta.', sv: 'Samordning av transporterna och gemensam upphandling.' },
    county: { fi: 'Hyvinvointialue: kuljetuspalvelujen yksikkö', sv: 'Välfärdsområdet: enheten för transporttjänster' },
    municipal: { fi: 'Kunnat: joukkoliikenne ja koulukuljetukset', sv: 'Kommunerna: kollektivtrafiken och skolskjutsarna' },
  },
  {
    name: { fi: 'Tiedolla johtaminen', sv: 'Kunskapsbaserad ledning' },
    description: { fi: 'Yhteinen tilannekuva, väestöennuste ja tietojen vaihto.', sv: 'Gemensam lägesbild, befolkningsprognos och informationsutbyte.' },
    county: { fi: 'Hyvinvointialue: tietojohtamisen yksikkö', sv: 'Välfärdsområdet: enheten för kunskapsledning' },
    municipal: { fi: 'Kunnat: talous- ja strategiapalvelut', sv: 'Kommunerna: ekonomi- och strategitjänsterna' },
    regionalCouncil: { fi: 'Maakunnan liitto: väestöennuste ja aluetieto', sv: 'Landskapsförbundet: befolkningsprognosen och regional information' },
  },
  {
    name: { fi: 'TKI-yhteistyö', sv: 'Samarbete kring forskning, utveckling och innovation' },
    description: { fi: 'Yhteiset hankkeet ja rahoitushaut.', sv: 'Gemensamma projekt och finansieringsansökningar.' },
    county: { fi: 'Hyvinvointialue: tutkimus- ja kehittämisyksikkö', sv: 'Välfärdsområdet: forsknings- och utvecklingsenheten' },
    municipal: { fi: 'Kunnat: elinkeino- ja kehittämispalvelut', sv: 'Kommunerna: närings- och utvecklingstjänsterna' },
    regionalCouncil: { fi: 'Maakunnan liitto: TKI-rahoitus ja aluekehitys', sv: 'Landskapsförbundet: FUI-finansieringen och regionutvecklingen' },
  },
  {
    name: { fi: 'Yhteinen edunvalvontatyö ja strateginen suunnittelu', sv: 'Gemensam intressebevakning och strategisk planering' },
    description: { fi: 'Yhteiset edunvalvontatavoitteet ja strategioiden yhteensovittaminen.', sv: 'Gemensamma mål för intressebevakningen och samordning av strategierna.' },
    county: { fi: 'Hyvinvointialue: strategia ja edunvalvonta', sv: 'Välfärdsområdet: strategi och intressebevakning' },
    municipal: { fi: 'Kunnat: kuntajohto', sv: 'Kommunerna: kommunledningen' },
    regionalCouncil: { fi: 'Maakunnan liitto: edunvalvonta', sv: 'Landskapsförbundet: intressebevakningen' },
  },
  {
    name: { fi: 'Varautuminen häiriötilanteisiin ja poikkeusoloihin', sv: 'Beredskap för störningar och undantagsförhållanden' },
    description: { fi: 'Yhteiset valmiusharjoitukset ja tilannekuva häiriötilanteissa.', sv: 'Gemensamma beredskapsövningar och lägesbild vid störningar.' },
    county: { fi: 'Hyvinvointialue: valmiussuunnittelu ja pelastuslaitos', sv: 'Välfärdsområdet: beredskapsplaneringen och räddningsverket' },
    municipal: { fi: 'Kunnat: valmiussuunnittelun yhdyshenkilöt', sv: 'Kommunerna: kontaktpersonerna för beredskapsplanering' },
  },
];

/**
 * The Pohjois-Pohjanmaa agreement in its comment round, following the region's real timetable: draft
 * version presented at the Kuntajohtajafoorumi on 14.9.2023, comments by 15.10.2023, the regional
 * council's board took note on 18.10.2023, the Yhteistyöfoorumi on 6.11.2023. People are demo accounts.
 * Idempotent: does nothing when the agreement is already there or the demo accounts are missing.
 */
export async function seedDemoAgreement(ctx: Ctx, countyCode: string): Promise<boolean> {
  assertCan(demoPolicy, 'demo.seed', ctx.actor, null);
  if (await demoAgreementExists(ctx.db, countyCode, TITLE_FI)) return false;
  const [drafter, ouluEditor, liittoAdmin, kempeleRecorder] = await Promise.all(
    ['hva.muokkaaja', 'oulu.muokkaaja', 'liitto.paakayttaja', 'kempele.kirjaaja'].map((n) => findDemoActor(ctx.db, `${n}@demo.kumppanuus.fi`)),
  );
  if (!drafter || !ouluEditor || !liittoAdmin || !kempeleRecorder) return false;
  const { parties } = await getCooperationRegion(ctx, countyCode);
  const id = (code: string) => parties.find((p) => p.code === code)!.id;
  const clock = fixedClock('2023-09-04T07:00:00Z');
  const as = (actor: Actor): Ctx => ({ ...ctx, actor, clock, requestId: 'system:demo-agreement' });
  const d = as(drafter);

  const agreement = await createAgreement(d, countyCode, { titleFi: TITLE_FI, titleSv: TITLE_SV, validFrom: '2024-01-01' });
  for (const a of AREAS) {
    await addArea(d, agreement.id, {
      nameFi: a.name.fi,
      nameSv: a.name.sv,
      descriptionFi: a.description.fi,
      descriptionSv: a.description.sv,
      countySideFi: a.county.fi,
      countySideSv: a.county.sv,
      municipalSideFi: a.municipal.fi,
      municipalSideSv: a.municipal.sv,
      regionalCouncilSideFi: a.regionalCouncil?.fi ?? '',
      regionalCouncilSideSv: a.regionalCouncil?.sv ?? '',
    });
  }
  const council = await addForum(d, agreement.id, {
    nameFi: 'Yhteistyöfoorumi',
    nameSv: 'Samarbetsforum',
    level: 'political',
    frequency: 'once_per_council_term',
    frequencyNoteFi: 'vähintään kerran valtuustokaudessa, maakuntapäivien yhteydessä',
    frequencyNoteSv: 'minst en gång per fullmäktigeperiod, i samband med landskapsdagarna',
    purposeFi: 'Luottamushenkilö- ja viranhaltijajohdon yhteinen foorumi: strateginen suunta, yhteinen tilannekuva ja sopimuksen arviointi.',
    purposeSv: 'Gemensamt forum för förtroendevalda och tjänstemannaledningen: strategisk riktning, gemensam lägesbild och utvärdering av avtalet.',
  });
  const managers = await addForum(d, agreement.id, {
    nameFi: 'Kuntajohtajafoorumi',
    nameSv: 'Kommundirektörsforum',
    level: 'managerial',
    frequency: 'quarterly',
    purposeFi: 'Yhteistyön johtaminen ja valmistelu virkajohdon tasolla.',
    purposeSv: 'Ledning och beredning av samarbetet på tjänstemannaledningens nivå.',
  });
  const operational = await addForum(d, agreement.id, {
    nameFi: 'Operatiivinen yhteistyö',
    nameSv: 'Operativt samarbete',
    level: 'operational',
    frequency: 'as_needed',
    frequencyNoteFi: 'teemakohtaiset verkostot yhteistyön osa-alueittain',
    frequencyNoteSv: 'tematiska nätverk per samarbetsområde',
  });
  const members: [string, string, B][] = [
    [council.id, 'group:municipalities', { fi: 'valtuustojen ja hallitusten puheenjohtajat', sv: 'fullmäktiges och styrelsernas ordförande' }],
    [council.id, 'group:municipalities', { fi: 'kunnanjohtajat', sv: 'kommundirektörerna' }],
    [council.id, `party:${id(countyCode)}`, { fi: 'aluevaltuuston ja aluehallituksen puheenjohtajat, hyvinvointialuejohtaja', sv: 'välfärdsområdesfullmäktiges och -styrelsens ordförande, välfärdsområdesdirektören' }],
    [council.id, 'group:regional_council', { fi: 'maakuntahallituksen puheenjohtaja, maakuntajohtaja', sv: 'landskapsstyrelsens ordförande, landskapsdirektören' }],
    [managers.id, 'group:municipalities', { fi: 'kunnanjohtajat', sv: 'kommundirektörerna' }],
    [managers.id, `party:${id(countyCode)}`, { fi: 'hyvinvointialuejohtaja ja johtoryhmä', sv: 'välfärdsområdesdirektören och ledningsgruppen' }],
    [managers.id, 'group:regional_council', { fi: 'maakuntajohtaja', sv: 'landskapsdirektören' }],
    [operational.id, 'group:county', { fi: 'palvelualueiden johtajat ja asiantuntijat', sv: 'direktörerna och experterna för serviceområdena' }],
    [operational.id, 'group:municipalities', { fi: 'toimialojen johtajat ja hyvinvointikoordinaattorit', sv: 'sektordirektörerna och välfärdskoordinatorerna' }],
  ];
  for (const [forumId, member, role] of members) await addForumMember(d, forumId, { member, roleFi: role.fi, roleSv: role.sv });

  clock.set('2023-09-13T12:00:00Z');
  await publishVersion(d, agreement.id, { label: 'Kuntajohtajafoorumi 14.9.2023' });
  clock.set('2023-09-14T12:00:00Z');
  await recordPresentation(d, agreement.id, { versionNumber: 1, forumId: managers.id, presentedOn: '2023-09-14', note: 'Luonnoksen esittely ja aikataulu' });
  clock.set('2023-09-15T07:00:00Z');
  await openCommentRound(d, agreement.id, { versionNumber: 1, deadline: '2023-10-15' });

  const sections = (await getAgreementForEdit(d, agreement.id)).sections;
  const sectionId = (key: string) => sections.find((s) => s.templateKey === key)!.id;
  clock.set('2023-09-28T10:00:00Z');
  const transport = await addComment(as(ouluEditor), agreement.id, {
    partyId: id('564'),
    sectionId: sectionId('cooperation_areas'),
    body: 'Asiointiliikenteen ja kuljetuspalvelujen osa-alueelle tulee kirjata kuntien joukkoliikenneviranomaisten rooli, koska kuljetusten yhdistäminen edellyttää yhteistä suunnittelua.',
  });
  clock.set('2023-10-02T09:30:00Z');
  await addComment(as(ouluEditor), agreement.id, {
    partyId: id('564'),
    body: 'Yhteisille tavoitteille tulee asettaa mitattavat tavoitetasot sopimuskauden ensimmäisen vuoden aikana.',
  });
  clock.set('2023-10-09T11:00:00Z');
  const forumsComment = await addComment(as(liittoAdmin), agreement.id, {
    partyId: id('MK17'),
    sectionId: sectionId('forums'),
    body: 'Liiton johtotiimi ehdottaa, että yhteistyöfoorumi kokoontuu maakuntapäivien yhteydessä ja että liitto vastaa sen järjestelyistä yhdessä hyvinvointialueen kanssa.',
  });
  clock.set('2023-10-12T08:00:00Z');
  await addComment(as(kempeleRecorder), agreement.id, {
    partyId: id('244'),
    kind: 'statement',
    body: 'Kempeleen kunta puoltaa sopimusluonnosta. Kunta pitää tärkeänä, että työnjako kuljetuspalveluissa ja oppilashuollossa kirjataan yksiselitteisesti.',
  });
  clock.set('2023-10-19T09:00:00Z');
  await recordPresentation(d, agreement.id, {
    versionNumber: 1,
    forumName: 'Pohjois-Pohjanmaan liiton maakuntahallitus',
    presentedOn: '2023-10-18',
    note: 'Katsaus merkittiin tiedoksi.',
  });
  clock.set('2023-10-20T10:00:00Z');
  await answerComment(d, transport.id, {
    rowVersion: transport.rowVersion,
    answer: 'partly_accepted',
    reasoning: 'Osa-alueen kuvaukseen lisätään joukkoliikenneviranomaiset; tarkemmat vastuut sovitaan yhdyspintasuunnitelmassa.',
  });
  await answerComment(d, forumsComment.id, {
    rowVersion: forumsComment.rowVersion,
    answer: 'accepted',
    reasoning: 'Yhteistyöfoorumi pidetään 6.11.2023 maakuntapäivien yhteydessä; kirjataan foorumin kuvaukseen.',
  });
  return true;
}
