import {
  addForum,
  addForumMember,
  createAgreement,
  decisionProposal,
  getApprovalOverview,
  publishVersion,
  recordDecision,
  sendToApproval,
  signAgreement,
  updateAgreementStatuses,
  type PartyApproval,
} from '#modules/agreements/index.ts';
import { addPartyBody, getCooperationRegion } from '#modules/parties/index.ts';
import { fixedClock } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { demoPolicy } from './demo-policy.ts';
import { demoAgreementExists, partiesWithBodies } from './demo-queries.ts';
import { BODIES } from './seed-demo.ts';

/** Keski-Suomi: the county (HVA15), its 22 municipalities and Keski-Suomen liitto (MK13). */
export const KESKI_SUOMI = 'HVA15';
/** Municipalities of Keski-Suomi that are cities: Jyväskylä, Jämsä, Keuruu, Saarijärvi, Viitasaari, Äänekoski. */
const CITIES = new Set(['179', '182', '249', '729', '931', '992']);

const FRAMEWORK = {
  fi: 'Keski-Suomen kuntien, Keski-Suomen liiton ja Keski-Suomen hyvinvointialueen puitesopimus yhteistyörakenteiden ja toimintatapojen periaatteiksi',
  sv: 'Ramavtal mellan kommunerna i Mellersta Finland, Mellersta Finlands förbund och Mellersta Finlands välfärdsområde om principerna för samarbetsstrukturer och verksamhetssätt',
};
const STRATEGIC = {
  fi: 'Keski-Suomen kuntien, Keski-Suomen liiton ja Keski-Suomen hyvinvointialueen strateginen yhteistyösopimus',
  sv: 'Strategiskt samarbetsavtal mellan kommunerna i Mellersta Finland, Mellersta Finlands förbund och Mellersta Finlands välfärdsområde',
};

type B = { fi: string; sv: string };
/** The four levels of cooperation of the 2022 framework agreement (strategic forum … operational networks). */
const FORUMS: { name: B; level: 'political' | 'managerial' | 'operational'; frequency: 'once_per_council_term' | 'monthly' | 'as_needed'; note?: B; purpose: B; members: [string, B][] }[] = [
  {
    name: { fi: 'Strateginen foorumi', sv: 'Strategiskt forum' },
    level: 'political',
    frequency: 'once_per_council_term',
    purpose: {
      fi: 'Osapuolten valtuustojen ja ylimmän viranhaltijajohdon yhteinen foorumi: strategisen yhteistyön sujuvuus, yhteinen tilannekuva ja luottamus.',
      sv: 'Gemensamt forum för parternas fullmäktige och högsta tjänstemannaledning: ett smidigt strategiskt samarbete, en gemensam lägesbild och förtroende.',
    },
    members: [['group:all', { fi: 'valtuustot ja ylin viranhaltijajohto', sv: 'fullmäktige och den högsta tjänstemannaledningen' }]],
  },
  {
    name: { fi: 'Kuntakokous', sv: 'Kommunmötet' },
    level: 'political',
    frequency: 'as_needed',
    purpose: {
      fi: 'Johtaa yhteistyötä ja arvioi rakenteita ja toimintatapoja niin, että strateginen ja operatiivinen työ pysyvät linjassa.',
      sv: 'Leder samarbetet och utvärderar strukturerna och verksamhetssätten så att det strategiska och det operativa arbetet går i samma riktning.',
    },
    members: [['group:all', { fi: 'valtuustojen ja hallitusten puheenjohtajat sekä ylin viranhaltijajohto', sv: 'fullmäktiges och styrelsernas ordförande samt den högsta tjänstemannaledningen' }]],
  },
  {
    name: { fi: 'Kuntajohtajakokous', sv: 'Kommundirektörsmötet' },
    level: 'managerial',
    frequency: 'monthly',
    note: { fi: 'Keski-Suomen liitto järjestää, puheenjohtajana kunnanjohtaja', sv: 'ordnas av Mellersta Finlands förbund, ordförande är en kommundirektör' },
    purpose: { fi: 'Hyvinvointialuejohtajalla on läsnäolo- ja puheoikeus.', sv: 'Välfärdsområdesdirektören har närvaro- och yttranderätt.' },
    members: [
      ['group:municipalities', { fi: 'kunnanjohtajat', sv: 'kommundirektörerna' }],
      ['group:regional_council', { fi: 'maakuntajohtaja', sv: 'landskapsdirektören' }],
      ['group:county', { fi: 'hyvinvointialuejohtaja', sv: 'välfärdsområdesdirektören' }],
    ],
  },
  {
    name: { fi: 'Keski-Suomen turvallisuus- ja valmiustoimikunta', sv: 'Säkerhets- och beredskapskommissionen i Mellersta Finland' },
    level: 'managerial',
    frequency: 'as_needed',
    purpose: { fi: 'Jatkaa viranhaltijoiden foorumina.', sv: 'Fortsätter som tjänstemännens forum.' },
    members: [['group:all', { fi: 'varautumisesta vastaavat viranhaltijat', sv: 'tjänstemännen som ansvarar för beredskapen' }]],
  },
  {
    name: { fi: 'Operatiiviset verkostot', sv: 'Operativa nätverk' },
    level: 'operational',
    frequency: 'as_needed',
    note: { fi: 'esim. tilahallinta, ICT, työllisyydenhoito, alueellinen oppilashuolto', sv: 't.ex. lokalförvaltning, IKT, sysselsättning, regional elevvård' },
    purpose: { fi: 'Tarpeen mukaan perustettavat verkostot.', sv: 'Nätverk som bildas vid behov.' },
    members: [['group:all', { fi: 'toimialojen asiantuntijat', sv: 'sektorernas experter' }]],
  },
];

const addDays = (d: string, n: number) => {
  const t = new Date(`${d}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};
const INVENTED = 'Hyväksyttiin. (Demoaineisto: kokouspäivä on esimerkki, ei todellisesta pöytäkirjasta.)';

interface Round {
  title: B;
  validFrom: string;
  validUntil: string | null;
  predecessorId: string | null;
  label: string;
  /** Dates: version published, sent, county board & council, regional council, first municipal board & council Mondays. */
  publishedAt: string;
  county: { board: string; boardSection: string; council: string; councilSection: string; councilDecision: string };
  liitto: string;
  boards: string;
  councils: string;
  signedBy: string;
}

const ROLE_TITLE = (p: PartyApproval) =>
  p.party.type === 'wellbeing_services_county' ? 'hyvinvointialuejohtaja' : p.party.type === 'regional_council' ? 'maakuntajohtaja' : CITIES.has(p.party.code) ? 'kaupunginjohtaja' : 'kunnanjohtaja';

/**
 * The Keski-Suomi demo: the 2022 framework agreement (puitesopimus), approved by the aluehallitus →
 * aluevaltuusto (4.10.2022 89 §), by each municipality's board and council and by the regional council's
 * board, signed in autumn 2022, in force 1.1.2023–31.12.2025; and its successor, the strategic agreement
 * in force from 1.1.2026, which supersedes it. Dates other than the county's and Joutsa's board's (from the
 * records) are plausible examples and say so; signatures are by role titles, not by people.
 * Idempotent: does nothing when the framework agreement exists.
 */
export async function seedDemoKeskiSuomi(ctx: Ctx): Promise<boolean> {
  assertCan(demoPolicy, 'demo.seed', ctx.actor, null);
  if (await demoAgreementExists(ctx.db, KESKI_SUOMI, FRAMEWORK.fi)) return false;
  const { parties } = await getCooperationRegion(ctx, KESKI_SUOMI);
  const withBodies = await partiesWithBodies(ctx.db, parties.map((p) => p.id));
  for (const p of parties.filter((x) => !withBodies.has(x.id))) {
    const set = p.type === 'municipality' ? (CITIES.has(p.code) ? BODIES.city! : BODIES.municipality!) : (BODIES[p.type] ?? []);
    for (const [i, b] of set.entries()) await addPartyBody(ctx, p.id, { kind: b.kind, nameFi: b.fi, nameSv: b.sv, nameEn: b.en, position: i });
  }

  const framework = await seedRound(ctx, {
    title: FRAMEWORK,
    validFrom: '2023-01-01',
    validUntil: '2025-12-31',
    predecessorId: null,
    label: 'Aluehallitus 13.9.2022',
    publishedAt: '2022-09-12',
    county: { board: '2022-09-13', boardSection: '', council: '2022-10-04', councilSection: '89', councilDecision: 'Hyväksyttiin.' },
    liitto: '2022-10-28',
    boards: '2022-09-19',
    councils: '2022-10-24',
    signedBy: '2022-12-15',
  });
  await seedRound(ctx, {
    title: STRATEGIC,
    validFrom: '2026-01-01',
    validUntil: null,
    predecessorId: framework,
    label: 'Hyväksymiskäsittelyyn syksyllä 2025',
    publishedAt: '2025-09-01',
    county: { board: '2025-09-09', boardSection: '', council: '2025-10-14', councilSection: '', councilDecision: INVENTED },
    liitto: '2025-10-24',
    boards: '2025-09-15',
    councils: '2025-10-20',
    signedBy: '2025-12-10',
  });
  // Today's statuses: the framework agreement superseded on 1.1.2026, its successor in force.
  await updateAgreementStatuses(ctx);
  return true;
}

async function seedRound(ctx: Ctx, r: Round): Promise<string> {
  const clock = fixedClock(`${r.publishedAt}T08:00:00Z`);
  const sys: Ctx = { ...ctx, clock, requestId: 'system:demo-keski-suomi' };
  const agreement = await createAgreement(sys, KESKI_SUOMI, {
    titleFi: r.title.fi,
    titleSv: r.title.sv,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    predecessorId: r.predecessorId,
  });
  for (const f of FORUMS) {
    const forum = await addForum(sys, agreement.id, {
      nameFi: f.name.fi,
      nameSv: f.name.sv,
      level: f.level,
      frequency: f.frequency,
      frequencyNoteFi: f.note?.fi ?? '',
      frequencyNoteSv: f.note?.sv ?? '',
      purposeFi: f.purpose.fi,
      purposeSv: f.purpose.sv,
    });
    for (const [member, role] of f.members) await addForumMember(sys, forum.id, { member, roleFi: role.fi, roleSv: role.sv });
  }
  const version = await publishVersion(sys, agreement.id, { label: r.label });
  clock.set(`${addDays(r.publishedAt, 1)}T08:00:00Z`);
  await sendToApproval(sys, agreement.id, { versionNumber: version.number });

  clock.set(`${r.signedBy}T10:00:00Z`);
  const { parties } = await getApprovalOverview(sys, agreement.id);
  let m = 0;
  for (const p of parties) {
    const chain = p.chain;
    const decide = (position: number, meetingDate: string, extra: { section?: string; diaryNumber?: string; proposal?: string; decision?: string; preparer?: string } = {}) => {
      const step = chain.find((s) => s.position === position)!;
      return recordDecision(sys, agreement.id, {
        partyId: p.party.id,
        stepId: step.id,
        versionNumber: version.number,
        meetingDate,
        section: extra.section ?? '',
        diaryNumber: extra.diaryNumber ?? '',
        preparer: extra.preparer ?? '',
        presenter: ROLE_TITLE(p),
        proposal: extra.proposal ?? decisionProposal({ chain, stepPosition: position, partyType: p.party.type, bodies: p.bodies, title: r.title, versionNumber: version.number }).fi,
        decision: extra.decision ?? INVENTED,
        outcome: 'approved',
      });
    };
    let approvedOn: string;
    if (p.party.type === 'wellbeing_services_county') {
      await decide(1, r.county.board, { section: r.county.boardSection, decision: 'Aluehallitus ehdotti aluevaltuustolle sopimuksen hyväksymistä ja Keski-Suomen liitolle ja kunnille puitesopimuksen hyväksymistä.' });
      approvedOn = r.county.council;
      await decide(2, approvedOn, { section: r.county.councilSection, decision: r.county.councilDecision });
    } else if (p.party.type === 'regional_council') {
      approvedOn = r.liitto;
      await decide(1, approvedOn);
    } else {
      const joutsa2022 = p.party.code === '172' && r.predecessorId === null;
      await decide(
        1,
        joutsa2022 ? '2022-10-10' : addDays(r.boards, 7 * (m % 5)),
        joutsa2022
          ? {
              section: '237',
              diaryNumber: '275/00.01.01/2022',
              preparer: 'kunnanjohtaja',
              proposal: 'Kunnanhallitus päättää esittää valtuustolle, että se hyväksyy Keski-Suomen kuntien, Keski-Suomen liiton sekä Keski-Suomen hyvinvointialueen puitesopimuksen yhteistyörakenteiden ja toimintatapojen periaatteiksi.',
              decision: 'Hyväksyttiin yksimielisesti.',
            }
          : {},
      );
      approvedOn = addDays(r.councils, 7 * (m % 5));
      await decide(2, approvedOn);
      m++;
    }
    const title = ROLE_TITLE(p);
    await signAgreement(sys, agreement.id, {
      partyId: p.party.id,
      sha256: version.sha256,
      method: 'wet_ink',
      signerName: title.charAt(0).toUpperCase() + title.slice(1),
      signerTitle: title,
      signedOn: addDays(approvedOn, 14),
      place: p.party.type === 'municipality' ? p.party.name.fi : 'Jyväskylä',
      reference: '',
    });
  }
  return agreement.id;
}
