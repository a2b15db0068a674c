import { createUser } from '#modules/accounts/index.ts';
import {
  addActionItem,
  addAgendaItem,
  addForumMember,
  changeMeetingState,
  checkMinutes,
  closeActionItem,
  createForum,
  createMeeting,
  getForum,
  getMeeting,
  listRegionForums,
  nominateInvitee,
  publishAgenda,
  recordAttendance,
  recordItemMinutes,
  recordPersonAttendance,
  sendInvitations,
  setMinutesCheckers,
  updateForum,
  type Forum,
} from '#modules/forums/index.ts';
import type { Actor } from '#platform/actor.ts';
import { fixedClock, helsinkiDate } from '#platform/clock.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { demoPolicy } from './demo-policy.ts';
import { demoMeetingsExist, findDemoActor, findDemoAgreementVersion } from './demo-queries.ts';
import { DEMO_PASSWORD } from './demo-password.ts';

/** Municipalities that were not represented at the demo's 2023 yhteistyöfoorumi (Hailuoto, Pudasjärvi). */
export const ABSENT_2023 = ['072', '615'];

/** Keski-Pohjanmaa (seed 002): the county and the two municipalities whose administrators forward the seminar invitation. */
const KP = 'HVA18';
const KP_ACCOUNTS = [
  { email: 'kokkola.paakayttaja@demo.kumppanuus.fi', displayName: 'Kokkolan pääkäyttäjä', title: 'Hallintojohtaja', code: '272' },
  { email: 'kannus.paakayttaja@demo.kumppanuus.fi', displayName: 'Kannuksen pääkäyttäjä', title: 'Kunnansihteeri', code: '217' },
];

type Step = (clockIso: string) => Ctx;

/** A context that acts as `actor` at the instant given (the demo is recorded as it happened, on its dates). */
function stepper(ctx: Ctx, actor: Actor): Step {
  const clock = fixedClock('2023-01-01T00:00:00Z');
  return (iso) => {
    clock.set(iso);
    return { ...ctx, actor, clock, requestId: 'system:demo-meetings' };
  };
}

async function rowVersion(ctx: Ctx, meetingId: string) {
  return (await getMeeting(ctx, meetingId)).meeting.rowVersion;
}

async function itemsOf(ctx: Ctx, meetingId: string) {
  return (await getMeeting(ctx, meetingId)).record.items ?? [];
}

/** Holds a meeting, writes each item's minutes, has both checkers check and approves and publishes the minutes. */
async function holdAndPublish(
  at: Step,
  meetingId: string,
  opts: { heldAt: string; minutesAt: string; checkers: [Ctx, Ctx]; checkerIds: [string, string]; minutes: { summary: string; conclusion: 'decided' | 'noted'; text: string }[] },
) {
  const held = at(opts.heldAt);
  await changeMeetingState(held, meetingId, { rowVersion: await rowVersion(held, meetingId), state: 'held' });
  const w = at(opts.minutesAt);
  const items = await itemsOf(w, meetingId);
  for (const [i, m] of opts.minutes.entries()) {
    const item = items[i]!;
    await recordItemMinutes(w, item.id, { rowVersion: item.rowVersion, summaryFi: m.summary, conclusion: m.conclusion, conclusionTextFi: m.text });
  }
  await setMinutesCheckers(w, meetingId, { rowVersion: await rowVersion(w, meetingId), checker1: opts.checkerIds[0], checker2: opts.checkerIds[1] });
  for (const c of opts.checkers) await checkMinutes(c, meetingId, { rowVersion: await rowVersion(c, meetingId) });
  const approved = await changeMeetingState(w, meetingId, { rowVersion: await rowVersion(w, meetingId), state: 'minutes_approved' });
  await changeMeetingState(w, meetingId, { rowVersion: approved.rowVersion, state: 'published' });
}

/**
 * The demo's meetings (issue 10), recorded as the forums' secretaries would have, on their dates:
 * - Pohjois-Pohjanmaa: the kuntajohtajafoorumi of 14.9.2023 (the draft agreement, version 1, as an item) and the
 *   yhteistyöfoorumi of Mon 6.11.2023 10:00 at the maakuntapäivät (the draft presented; held as the 14 § negotiation,
 *   all parties but two municipalities present; two action items), both with approved and published minutes; and an
 *   upcoming kuntajohtajafoorumi three weeks from today, invited, with its agenda published.
 * - Keski-Pohjanmaa (seed 002): the alueneuvottelukunta of 21.4.2023 with § 15 (the kick-off decision) and the
 *   kick-off seminar of 6.9.2023 at 13:00, to which the municipalities were invited as parties and Kokkola's and
 *   Kannus's administrators forwarded the invitation to their experts.
 * Seeded once; returns false when it has been seeded already or the agreement's forums are missing.
 */
export async function seedDemoMeetings(ctx: Ctx, countyCode: string): Promise<boolean> {
  assertCan(demoPolicy, 'demo.seed', ctx.actor, null);
  if (await demoMeetingsExist(ctx.db, countyCode)) return false;
  const secretary = await findDemoActor(ctx.db, 'hva.muokkaaja@demo.kumppanuus.fi');
  const checkerA = await findDemoActor(ctx.db, 'oulu.paakayttaja@demo.kumppanuus.fi');
  const checkerB = await findDemoActor(ctx.db, 'liitto.paakayttaja@demo.kumppanuus.fi');
  const version = await findDemoAgreementVersion(ctx.db, countyCode, 1);
  const { forums, parties } = await listRegionForums(ctx, countyCode);
  const council = forums.find((f) => f.name.fi === 'Yhteistyöfoorumi');
  const managers = forums.find((f) => f.name.fi === 'Kuntajohtajafoorumi');
  if (!secretary || !checkerA || !checkerB || !version || !council || !managers) return false;
  const at = stepper(ctx, secretary);
  const checkA = stepper(ctx, checkerA);
  const checkB = stepper(ctx, checkerB);
  const party = (code: string) => parties.find((p) => p.code === code)!.id;

  // Named people: the county's preparer as secretary, Oulu's and the regional council's administrators as members
  // (they check the minutes).
  const people = async (f: Forum) => {
    const s = at('2023-09-01T07:00:00Z');
    await addForumMember(s, f.id, { party: `party:${party(countyCode)}`, personName: 'Hyvinvointialueen valmistelija', email: 'hva.muokkaaja@demo.kumppanuus.fi', role: 'secretary' });
    await addForumMember(s, f.id, { party: `party:${party('564')}`, personName: 'Oulun pääkäyttäjä', email: 'oulu.paakayttaja@demo.kumppanuus.fi', role: 'member' });
    await addForumMember(s, f.id, { party: `party:${party('MK17')}`, personName: 'Liiton pääkäyttäjä', email: 'liitto.paakayttaja@demo.kumppanuus.fi', role: 'member' });
  };
  await people(managers);
  await people(council);
  // The yhteistyöfoorumi publishes its agendas and minutes to everyone; the kuntajohtajafoorumi stays internal.
  const c = (await getForum(at('2023-09-01T07:00:00Z'), council.id)).forum;
  await updateForum(at('2023-09-01T07:00:00Z'), council.id, {
    nameFi: c.name.fi,
    nameSv: c.name.sv,
    level: c.level,
    endsOn: c.endsOn ?? '',
    mandateFi: c.mandate.fi,
    mandateSv: c.mandate.sv,
    frequency: c.frequency,
    frequencyNoteFi: c.frequencyNote.fi,
    frequencyNoteSv: c.frequencyNote.sv,
    isPublic: 'on',
    rowVersion: c.rowVersion,
  });
  const checkers: [string, string] = [checkerA.userId, checkerB.userId];

  // Kuntajohtajafoorumi 14.9.2023.
  let s = at('2023-09-04T08:00:00Z');
  const m1 = await createMeeting(s, managers.id, { titleFi: 'Kuntajohtajafoorumi syyskuu 2023', titleSv: 'Kommundirektörsforum september 2023', startDate: '2023-09-14', startTime: '10:00', endTime: '12:00', place: 'Oulu, Hyvinvointialueen talo', kinds: ['regular'] });
  await addAgendaItem(s, m1.id, { titleFi: 'Strategisen yhteistyösopimuksen luonnos', titleSv: 'Utkastet till strategiskt samarbetsavtal', presenter: 'Strategiasuunnittelija', handles: `version:${version}`, bodyFi: 'Esitellään sopimusluonnos (versio 1) ja sen valmisteluaikataulu.' });
  await addAgendaItem(s, m1.id, { titleFi: 'Lausuntokierros ja käsittely yhteistyöfoorumissa', titleSv: 'Remissrunda och behandling i samarbetsforumet', presenter: 'Strategiasuunnittelija', bodyFi: 'Sovitaan lausuntokierroksesta 15.9.–15.10.2023 ja luonnoksen esittelystä yhteistyöfoorumissa 6.11.2023.' });
  await publishAgenda(s, m1.id, { rowVersion: await rowVersion(s, m1.id) });
  await holdAndPublish(at, m1.id, {
    heldAt: '2023-09-14T10:05:00Z',
    minutesAt: '2023-09-15T06:00:00Z',
    checkers: [checkA('2023-09-18T09:00:00Z'), checkB('2023-09-18T11:00:00Z')],
    checkerIds: checkers,
    minutes: [
      { summary: 'Luonnos esiteltiin osa-alueittain.', conclusion: 'noted', text: 'Luonnos merkittiin tiedoksi ja lähetetään lausuntokierrokselle.' },
      { summary: 'Keskusteltiin aikataulusta.', conclusion: 'decided', text: 'Lausuntoaika on 15.9.–15.10.2023; luonnos esitellään yhteistyöfoorumissa 6.11.2023.' },
    ],
  });

  // Yhteistyöfoorumi Mon 6.11.2023 10:00 at the maakuntapäivät: the 14 § negotiation.
  s = at('2023-10-20T08:00:00Z');
  const m2 = await createMeeting(s, council.id, {
    titleFi: 'Yhteistyösopimuksen luonnoksen esittely (maakuntapäivät)',
    titleSv: 'Presentation av utkastet till samarbetsavtal (landskapsdagarna)',
    startDate: '2023-11-06',
    startTime: '10:00',
    endTime: '12:00',
    place: 'Oulu',
    kinds: ['negotiation_14'],
  });
  const presented = await addAgendaItem(s, m2.id, { titleFi: 'Strategisen yhteistyösopimuksen luonnos', titleSv: 'Utkastet till strategiskt samarbetsavtal', presenter: 'Hyvinvointialuejohtaja', handles: `version:${version}` });
  const negotiation = await addAgendaItem(s, m2.id, { titleFi: 'Hyvinvointialuelain 14 §:n mukainen neuvottelu', titleSv: 'Förhandling enligt 14 § i lagen om välfärdsområden', presenter: 'Maakuntajohtaja' });
  await publishAgenda(s, m2.id, { rowVersion: await rowVersion(s, m2.id) });
  await holdAndPublishWithActions();
  async function holdAndPublishWithActions() {
    const h = at('2023-11-06T10:30:00Z');
    const held = await changeMeetingState(h, m2.id, { rowVersion: await rowVersion(h, m2.id), state: 'held' });
    const present = parties.filter((p) => !ABSENT_2023.includes(p.code)).map((p) => p.id);
    await recordAttendance(h, m2.id, { rowVersion: held.rowVersion, partyIds: present });
    const w = at('2023-11-07T07:00:00Z');
    await recordPersonAttendance(w, m2.id, {
      rowVersion: await rowVersion(w, m2.id),
      lines: [
        { personName: 'Hyvinvointialueen valmistelija', partyId: party(countyCode), presence: 'present' },
        { personName: 'Oulun pääkäyttäjä', partyId: party('564'), presence: 'present' },
        { personName: 'Liiton pääkäyttäjä', partyId: party('MK17'), presence: 'present', leftAtItem: '2' },
        { personName: 'Kempeleen kunnanjohtajan sijainen', partyId: party('244'), presence: 'deputy', deputyFor: 'Kempeleen kunnanjohtaja' },
      ],
    });
    const items = await itemsOf(w, m2.id);
    await recordItemMinutes(w, presented.id, { rowVersion: items[0]!.rowVersion, summaryFi: 'Luonnos ja lausuntokierroksen palaute esiteltiin.', conclusion: 'noted', conclusionTextFi: 'Merkittiin tiedoksi; sopimus viedään osapuolten hyväksyttäväksi.' });
    await recordItemMinutes(w, negotiation.id, { rowVersion: items[1]!.rowVersion, summaryFi: 'Neuvoteltiin yhteistyön tavoitteista ja työnjaosta.', conclusion: 'decided', conclusionTextFi: 'Neuvottelu käytiin; tavoitteet kirjataan sopimukseen.' });
    const oulu = await addActionItem(w, m2.id, { title: 'Kuljetuspalvelujen työnjaon kuvaus sopimukseen', itemId: presented.id, ownerPartyId: party('564'), ownerPerson: 'Oulun pääkäyttäjä', dueOn: '2023-12-15' });
    await addActionItem(w, m2.id, { title: 'Kuntien hyvinvointikoordinaattoreiden verkoston kokoaminen', itemId: negotiation.id, ownerPartyId: party('244'), dueOn: '2024-01-31' });
    await setMinutesCheckers(w, m2.id, { rowVersion: await rowVersion(w, m2.id), checker1: checkers[0], checker2: checkers[1] });
    for (const c of [checkA('2023-11-08T08:00:00Z'), checkB('2023-11-08T09:00:00Z')]) await checkMinutes(c, m2.id, { rowVersion: await rowVersion(c, m2.id) });
    const approved = await changeMeetingState(w, m2.id, { rowVersion: await rowVersion(w, m2.id), state: 'minutes_approved' });
    await changeMeetingState(w, m2.id, { rowVersion: approved.rowVersion, state: 'published' });
    await closeActionItem(checkA('2023-12-12T10:00:00Z'), oulu.id, { rowVersion: oulu.rowVersion, status: 'done', note: 'Kuvaus lisätty osa-alueeseen 6.' });
  }

  // An upcoming kuntajohtajafoorumi three weeks from today (Helsinki), invited, its agenda published.
  const today = helsinkiDate(ctx.clock.now());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 21);
  const upcoming = { ...ctx, actor: secretary, requestId: 'system:demo-meetings' };
  const m3 = await createMeeting(upcoming, managers.id, { titleFi: 'Kuntajohtajafoorumi', titleSv: 'Kommundirektörsforum', startDate: day.toISOString().slice(0, 10), startTime: '10:00', endTime: '12:00', place: 'Oulu', onlineUrl: 'https://teams.example.invalid/kuntajohtajafoorumi', kinds: ['regular'] });
  await addAgendaItem(upcoming, m3.id, { titleFi: 'Yhteistyösopimuksen vuosiseuranta', titleSv: 'Årlig uppföljning av samarbetsavtalet', presenter: 'Strategiasuunnittelija' });
  await addAgendaItem(upcoming, m3.id, { titleFi: 'Avoimet toimenpiteet', titleSv: 'Öppna åtgärder', presenter: 'Sihteeri' });
  await sendInvitations(upcoming, m3.id, { rowVersion: await rowVersion(upcoming, m3.id) });
  await publishAgenda(upcoming, m3.id, { rowVersion: await rowVersion(upcoming, m3.id) });

  await seedKeskiPohjanmaa(ctx);
  return true;
}

/** Keski-Pohjanmaa's alueneuvottelukunta 21.4.2023 § 15 and its kick-off seminar 6.9.2023 at 13:00 (seed 002). */
async function seedKeskiPohjanmaa(ctx: Ctx): Promise<void> {
  const { parties } = await listRegionForums(ctx, KP);
  const party = (code: string) => parties.find((p) => p.code === code)!.id;
  const county = parties.find((p) => p.type === 'wellbeing_services_county')!;
  const admins: Ctx[] = [];
  for (const a of KP_ACCOUNTS) {
    const existing = await findDemoActor(ctx.db, a.email);
    if (!existing) await createUser(ctx, { email: a.email, displayName: a.displayName, title: a.title, password: DEMO_PASSWORD, memberships: [{ partyId: party(a.code), role: 'admin' }] });
    admins.push({ ...ctx, actor: (await findDemoActor(ctx.db, a.email))! });
  }
  const sys = stepper(ctx, ctx.actor);
  let s = sys('2023-03-01T08:00:00Z');
  const forum = await createForum(s, KP, {
    ownerPartyId: county.id,
    nameFi: 'Alueneuvottelukunta',
    nameSv: 'Regionala förhandlingsdelegationen',
    level: 'political',
    frequency: 'as_needed',
    mandateFi: 'Hyvinvointialueen, kuntien ja maakuntaliiton yhteinen neuvottelukunta: yhteistyön linjaukset ja strateginen yhteistyösopimus.',
    isPublic: 'on',
  });
  await addForumMember(s, forum.id, { party: 'group:municipalities', role: 'member', roleNoteFi: 'kuntajohtajat', roleNoteSv: 'kommundirektörerna' });
  await addForumMember(s, forum.id, { party: `party:${county.id}`, role: 'chair', roleNoteFi: 'hyvinvointialuejohtaja', roleNoteSv: 'välfärdsområdesdirektören' });
  await addForumMember(s, forum.id, { party: 'group:regional_council', role: 'member', roleNoteFi: 'maakuntajohtaja', roleNoteSv: 'landskapsdirektören' });
  for (const a of KP_ACCOUNTS) await addForumMember(s, forum.id, { party: `party:${party(a.code)}`, personName: a.displayName, email: a.email, role: 'member' });

  s = sys('2023-04-14T08:00:00Z');
  const m = await createMeeting(s, forum.id, { titleFi: 'Alueneuvottelukunnan kokous', titleSv: 'Regionala förhandlingsdelegationens möte', startDate: '2023-04-21', startTime: '09:00', endTime: '11:00', place: 'Kokkola', kinds: ['regular'] });
  const item = await addAgendaItem(s, m.id, {
    section: '15',
    titleFi: 'Hyvinvointialueen ja kuntien yhteistyösopimus',
    titleSv: 'Samarbetsavtal mellan välfärdsområdet och kommunerna',
    presenter: 'Muutosjohtaja Eija Kellokoski-Kari, kehittämissuunnittelija Henri Nevalainen',
    bodyFi: 'Alueneuvottelukunta käy periaatteellisen keskustelun hyvinvointialueen, kuntien ja maakuntaliiton strategisen yhteistyösopimuksen kokoamisesta. Sovitaan mahdollinen aikataulutus.\n\nOheismateriaalina Kuntaliiton mallipohja strategisesta yhteistyösopimuksesta.',
  });
  await publishAgenda(s, m.id, { rowVersion: await rowVersion(s, m.id) });
  const h = sys('2023-04-21T07:30:00Z');
  await changeMeetingState(h, m.id, { rowVersion: await rowVersion(h, m.id), state: 'held' });
  const w = sys('2023-04-24T07:00:00Z');
  await recordItemMinutes(w, item.id, {
    rowVersion: (await itemsOf(w, m.id))[0]!.rowVersion,
    conclusion: 'decided',
    conclusionTextFi:
      'Alueneuvottelukunta päätti, että Kuntaliiton mallipohjaa hyödynnetään soveltuvin osin ja että järjestetään aloitusseminaari 6.9.2023 klo 13.00. Muutosjohtaja sekä hyvinvointialuejohtaja ottavat vastuun aloitusseminaarin koollekutsumisesta. Aloitusseminaariin kutsutaan alueneuvottelukunta, ja kuntajohto välittää kutsun kunnan asiantuntijaedustajille (esim. johtoryhmä).',
  });
  await addActionItem(w, m.id, { title: 'Aloitusseminaarin koollekutsuminen 6.9.2023', itemId: item.id, ownerPartyId: county.id, ownerPerson: 'Muutosjohtaja', dueOn: '2023-08-31' });
  const userIds = admins.map((a) => (a.actor.kind === 'user' ? a.actor.userId : ''));
  await setMinutesCheckers(w, m.id, { rowVersion: await rowVersion(w, m.id), checker1: userIds[0], checker2: userIds[1] });
  for (const [i, a] of admins.entries()) {
    const c = stepper(ctx, a.actor)(`2023-04-2${5 + i}T09:00:00Z`);
    await checkMinutes(c, m.id, { rowVersion: await rowVersion(c, m.id) });
  }
  const approved = await changeMeetingState(w, m.id, { rowVersion: await rowVersion(w, m.id), state: 'minutes_approved' });
  await changeMeetingState(w, m.id, { rowVersion: approved.rowVersion, state: 'published' });

  // The kick-off seminar: the municipalities invited as parties; Kokkola and Kannus forward to their experts.
  s = sys('2023-05-15T08:00:00Z');
  const seminar = await createMeeting(s, forum.id, {
    titleFi: 'Strategisen yhteistyösopimuksen aloitusseminaari',
    titleSv: 'Startseminarium för det strategiska samarbetsavtalet',
    startDate: '2023-09-06',
    startTime: '13:00',
    endTime: '16:00',
    place: 'Kokkola',
    kinds: ['seminar'],
  });
  await sendInvitations(s, seminar.id, { rowVersion: seminar.rowVersion });
  const experts = [
    { code: '272', personName: 'Kokkolan sivistysjohtaja', email: 'sivistysjohtaja.kokkola@demo.kumppanuus.fi' },
    { code: '217', personName: 'Kannuksen hyvinvointikoordinaattori', email: 'hyvinvointi.kannus@demo.kumppanuus.fi' },
  ];
  for (const [i, e] of experts.entries()) {
    const admin = stepper(ctx, admins[i]!.actor)(`2023-05-2${2 + i}T09:00:00Z`);
    await nominateInvitee(admin, seminar.id, { partyId: party(e.code), personName: e.personName, email: e.email });
  }
  const held = sys('2023-09-06T10:30:00Z');
  await changeMeetingState(held, seminar.id, { rowVersion: await rowVersion(held, seminar.id), state: 'held' });
}
