import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { createAgreement, getApprovalOverview, publishVersion } from '#modules/agreements/index.ts';
import { createApiToken } from '#modules/tokens/index.ts';
import type { Db } from '#platform/db/db.ts';
import { catalogs } from '#i18n/index.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/** One clock for the use cases this file calls and the server it starts. */
const clock = testClock();

/**
 * Approval pages driven as a browser without JavaScript (GET pages, POSTed forms with the CSRF token), and
 * the agreement operations of /api/v1 with sessions and API tokens.
 */
const PASSWORD = 'approval-pages-password-1';
let db: Db;
let app: TestApp;
const ids: Record<string, string> = {};
let agreementId: string;

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

async function account(email: string, memberships: { partyId: string; role: 'admin' | 'editor' | 'approver' | 'viewer' }[], displayName = email) {
  await createUser(testCtx(db), { email, displayName, password: PASSWORD, memberships });
  const v = new Visitor(app.url);
  expect((await v.signIn(email, PASSWORD)).status).toBe(302);
  return v;
}

async function postForm(v: Visitor, path: string, form: Record<string, string>) {
  const csrf = await v.csrf(path);
  return v.post(path, { _csrf: csrf, ...form });
}

let coordinator: Visitor;
let kempeleAdmin: Visitor;
let kempeleRecorder: Visitor;

beforeAll(async () => {
  db = await createTestDb();
  for (const code of ['HVA19', '244', 'MK17', '564']) ids[code] = await partyIdByCode(db, code);
  app = await startTestApp(db, { clock });
  const a = await createAgreement(testCtx(db), 'HVA19', {
    titleFi: 'Testialueen strateginen yhteistyösopimus',
    validFrom: '2026-01-01',
    partyIds: [ids.HVA19, ids['244'], ids.MK17],
    sectionKeys: ['principles'],
  });
  await publishVersion(testCtx(db), a.id, { label: 'Kuntajohtajafoorumi 10.9.2025' });
  agreementId = a.id;
  coordinator = await account('coordinator@test.invalid', [{ partyId: ids.HVA19!, role: 'editor' }]);
  kempeleAdmin = await account('kempele-admin@test.invalid', [{ partyId: ids['244']!, role: 'admin' }]);
  kempeleRecorder = await account('kempele-recorder@test.invalid', [{ partyId: ids['244']!, role: 'approver' }], 'Kempeleen kirjaaja');
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('approval pages without JavaScript', () => {
  it('the coordinator sends the newest version for approval from the overview; the matrix shows every party in words', async () => {
    const path = `/agreements/${agreementId}/approval`;
    const before = text(await (await coordinator.get(path)).text());
    expect(before).toContain('Lähetä hyväksyttäväksi');
    const res = await postForm(coordinator, path, { intent: 'send', versionNumber: '1' });
    expect(res.status).toBe(200);
    const page = text(await res.text());
    expect(page).toContain(catalogs.fi.agreements.approval.sent);
    expect(page).toContain('Versio 1 (Kuntajohtajafoorumi 10.9.2025) on osapuolten hyväksyttävänä.');
    expect(page).toContain('Osapuolten käsittelyt: 3/3 osapuolta näkyvissä');
    expect(page).toContain('Aluehallitus (esittää): Ei vielä käsitelty');
    expect(page).toContain('Maakuntahallitus (hyväksyy, lopullinen hyväksyntä): Ei vielä käsitelty');
    expect(page).toContain('Ei allekirjoitettu');
    // Parties only; the public is sent to sign in.
    expect((await new Visitor(app.url).get(path)).status).toBe(302);
  });

  it('Kempele’s administrator edits Kempele’s chain; a stale form is refused with a message', async () => {
    const path = `/agreements/${agreementId}/parties/${ids['244']}/chain`;
    const page = text(await (await kempeleAdmin.get(path)).text());
    expect(page).toContain('Hyväksymisketju: Kempele');
    const form = {
      rowVersion: '0',
      requiredSignatures: '1',
      'steps.0.body': 'other',
      'steps.0.nameFi': 'Kunnanhallitus',
      'steps.0.role': 'propose',
      'steps.1.body': 'other',
      'steps.1.nameFi': 'Kunnanvaltuusto',
      'steps.1.nameSv': 'Kommunfullmäktige',
      'steps.1.role': 'approve',
    };
    // Sending to approval saved the default steps, but the party's settings row only this editor writes: 0 is current.
    const ok = await postForm(kempeleAdmin, path, form);
    expect(ok.status).toBe(200);
    expect(text(await ok.text())).toContain(catalogs.fi.agreements.approval.chainSaved);
    const stale = await postForm(kempeleAdmin, path, form);
    expect(stale.status).toBe(409);
    expect(text(await stale.text())).toContain(catalogs.fi.errors['agreements.edited_by_someone_else']);
    // The recorder may not edit the chain.
    expect((await postForm(kempeleRecorder, path, { ...form, rowVersion: '1' })).status).toBe(403);
  });

  it('the recorder sees the decision proposal texts, records Kempele’s decisions (with an error summary first), and signs in person', async () => {
    const path = `/agreements/${agreementId}/parties/${ids['244']}/decisions`;
    const html = await (await kempeleRecorder.get(path)).text();
    expect(html).toContain('Kunnanhallitus esittää kunnanvaltuustolle, että se hyväksyy liitteenä olevan sopimuksen ”Testialueen strateginen yhteistyösopimus” (sopimusversio 1).');
    expect(html).toContain('Kommunstyrelsen föreslår att kommunfullmäktige godkänner');
    expect(html).toMatch(/<textarea[^>]*readOnly|<textarea[^>]*readonly/);
    const overview = await getApprovalOverview(testCtx(db), agreementId);
    const steps = overview.parties.find((p) => p.party.code === '244')!.chain;
    const bad = await postForm(kempeleRecorder, path, { stepId: steps[1]!.id!, versionNumber: '1', meetingDate: '', outcome: 'approved' });
    expect(bad.status).toBe(400);
    const badText = text(await bad.text());
    expect(badText).toContain(catalogs.fi.common.errorSummaryTitle);
    expect(badText).toContain('Kokouspäivä: Tieto on pakollinen.');
    const good = await postForm(kempeleRecorder, path, {
      stepId: steps[1]!.id!,
      versionNumber: '1',
      meetingDate: '2025-11-17',
      section: '§ 64',
      diaryNumber: '412/00.04.01/2025',
      presenter: 'kunnanjohtaja',
      outcome: 'approved',
      minutesUrl: 'https://kempele.fi/poytakirjat/kv-2025-11-17',
    });
    expect(good.status).toBe(200);
    const after = text(await good.text());
    expect(after).toContain(catalogs.fi.agreements.approval.recorded);
    expect(after).toContain('412/00.04.01/2025');
    expect(after).toContain('Kunnanvaltuusto (hyväksyy, lopullinen hyväksyntä): Hyväksytty 17.11.2025 § 64');

    const sigPath = `/agreements/${agreementId}/parties/${ids['244']}/signatures`;
    const sigPage = await (await kempeleRecorder.get(sigPath)).text();
    const hash = overview.approvalVersion!.sha256;
    expect(sigPage).toContain(hash);
    const signed = await postForm(kempeleRecorder, sigPath, { sha256: hash, method: 'in_product', signerTitle: 'hallintojohtaja', place: 'Kempele' });
    expect(signed.status).toBe(200);
    const signedText = text(await signed.text());
    expect(signedText).toContain(catalogs.fi.agreements.approval.signed);
    expect(signedText).toContain('Kempeleen kirjaaja, hallintojohtaja');
    // The matrix: Kempele done, in Swedish too; the "not done yet" filter leaves it out; CSV says the same.
    const sv = text(await (await coordinator.get(`/sv/agreements/${agreementId}/approval`)).text());
    expect(sv).toContain('Kommunfullmäktige (godkänner, slutligt godkännande): Godkänt 17.11.2025 § 64');
    const pending = text(await (await coordinator.get(`/agreements/${agreementId}/approval?show=pending`)).text());
    expect(pending).toContain('2/3 osapuolta näkyvissä');
    expect(pending).not.toContain('Kempele');
    const csv = await coordinator.get(`/agreements/${agreementId}/approval.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('"Osapuoli";"Y-tunnus";"Kommentit";"Lausunto";"Käsittely 1";"Käsittely 2";"Allekirjoitus"');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith('"Kempele"'))).toContain('Hyväksytty 17.11.2025 § 64 | https://kempele.fi/poytakirjat/kv-2025-11-17');
  });
});

describe('/api/v1 agreement operations', () => {
  const api = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => new Visitor(app.url).json(method, `/api/v1${path}`, body, headers);

  it('lists and reads agreements by the public rules; comments and the overview are for the parties', async () => {
    const list = await api('GET', '/regions/HVA19/agreements');
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: { id: string; status: string }[] };
    expect(body.items).toContainEqual(expect.objectContaining({ id: agreementId, status: 'in_approval' }));
    const one = (await (await api('GET', `/agreements/${agreementId}`)).json()) as { approvalVersion: number; parties: { code: string; finalApprovalOn: string | null }[] };
    expect(one.approvalVersion).toBe(1);
    expect(one.parties.find((p) => p.code === '244')!.finalApprovalOn).toBe('2025-11-17');
    const v = (await (await api('GET', `/agreements/${agreementId}/versions/1`)).json()) as { sha256: string; hashVerified: boolean };
    expect(v.hashVerified).toBe(true);
    // The agreement page tells everyone where approval stands, in words, with the hash signatures bind to.
    const page = text(await (await new Visitor(app.url).get(`/agreements/${agreementId}`)).text());
    expect(page).toContain('Hyväksyttävänä');
    expect(page).toContain('Lopullisesti hyväksynyt 1/3 osapuolta, allekirjoittanut 1/3.');
    expect(page).toContain(v.sha256);
    expect(page).not.toContain(catalogs.fi.agreements.approval.overviewLink); // the overview is for the parties
    expect((await api('GET', `/agreements/${agreementId}/comments`)).status).toBe(401);
    expect((await api('GET', `/agreements/${agreementId}/approval`)).status).toBe(401);
  });

  it('a token of the regional council records its own decision; a token of another party is refused', async () => {
    const liitto = await createApiToken(testCtx(db), ids.MK17!, { name: 'liiton asianhallinta', role: 'approver' });
    const oulu = await createApiToken(testCtx(db), ids['564']!, { name: 'oulun asianhallinta', role: 'admin' });
    const overview = (await (await api('GET', `/agreements/${agreementId}/approval`, { authorization: `Bearer ${liitto.secret}` })).json()) as {
      parties: { code: string; steps: { id: string }[] }[];
    };
    const stepId = overview.parties.find((p) => p.code === 'MK17')!.steps[0]!.id;
    const input = { partyId: ids.MK17, stepId, versionNumber: 1, meetingDate: '2025-11-24', section: '132', outcome: 'approved' };
    const foreign = await api('POST', `/agreements/${agreementId}/decisions`, { authorization: `Bearer ${oulu.secret}` }, input);
    expect(foreign.status).toBe(403);
    const ok = await api('POST', `/agreements/${agreementId}/decisions`, { authorization: `Bearer ${liitto.secret}` }, input);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ partyId: ids.MK17, section: '132', outcome: 'approved', versionNumber: 1 });
    // A token cannot sign in person; a recorded wet-ink signature is fine; a wrong hash is a 409.
    const hash = ((await (await api('GET', `/agreements/${agreementId}`)).json()) as { versions: { sha256: string }[] }).versions[0]!.sha256;
    const sign = (b: Record<string, unknown>) => api('POST', `/agreements/${agreementId}/signatures`, { authorization: `Bearer ${liitto.secret}` }, { partyId: ids.MK17, sha256: hash, place: 'Oulu', ...b });
    expect((await sign({ method: 'in_product' })).status).toBe(403);
    expect((await sign({ method: 'wet_ink', signerName: 'Maakuntajohtaja', signerTitle: 'maakuntajohtaja', signedOn: '2025-11-25', sha256: 'c'.repeat(64) })).status).toBe(409);
    const wet = await sign({ method: 'wet_ink', signerName: 'Maakuntajohtaja', signerTitle: 'maakuntajohtaja', signedOn: '2025-11-25', reference: 'Liiton arkisto 2025/88' });
    expect(wet.status).toBe(201);
    expect(await wet.json()).toMatchObject({ sha256: hash, method: 'wet_ink', signedOn: '2025-11-25' });
  });
});
