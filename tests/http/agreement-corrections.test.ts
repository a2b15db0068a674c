import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { createAgreement, getPartyApproval, publishVersion, recordDecision, sendToApproval } from '#modules/agreements/index.ts';
import { createApiToken } from '#modules/tokens/index.ts';
import type { Db } from '#platform/db/db.ts';
import { catalogs } from '#i18n/index.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/** One clock for the use cases this file calls and the server it starts. */
const clock = testClock();

/**
 * Scanned wet-ink signature pages through a real multipart form without JavaScript and through the API,
 * their download headers, and correcting / annulling decision records and revoking signatures by page and API.
 */
const PASSWORD = 'corrections-pages-password-1';
const MAX = 1024 * 1024; // UPLOAD_MAX_MB=1 for this app
let db: Db;
let app: TestApp;
const ids: Record<string, string> = {};
let agreementId: string;
let sha: string;
let kempele: Visitor;
let oulu: Visitor;

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

/** Posts a multipart/form-data form the way a browser without JavaScript does. */
async function postMultipart(v: Visitor, path: string, fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }, csrf?: string) {
  const form = new FormData();
  form.set('_csrf', csrf ?? (await v.csrf(path)));
  for (const [k, val] of Object.entries(fields)) form.set(k, val);
  if (file) form.set('scan', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const res = await fetch(new URL(path, app.url), { method: 'POST', redirect: 'manual', headers: { cookie: v.jar.header() }, body: form });
  v.jar.take(res);
  return res;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

beforeAll(async () => {
  db = await createTestDb();
  for (const code of ['HVA19', '244', 'MK17', '564']) ids[code] = await partyIdByCode(db, code);
  app = await startTestApp(db, { clock, config: { uploadMaxBytes: MAX } });
  const sys = testCtx(db);
  const a = await createAgreement(sys, 'HVA19', { titleFi: 'Korjausten testisopimus', validFrom: '2027-01-01', partyIds: [ids.HVA19, ids['244'], ids.MK17], sectionKeys: ['principles'] });
  const v = await publishVersion(sys, a.id, { label: 'Kuntajohtajafoorumi 10.9.2025' });
  sha = v.sha256;
  await sendToApproval(sys, a.id, { versionNumber: 1 });
  agreementId = a.id;
  const chain = (await getPartyApproval(sys, a.id, ids['244']!)).approval.chain;
  await recordDecision(sys, a.id, { partyId: ids['244'], stepId: chain.at(-1)!.id, versionNumber: 1, meetingDate: '2025-11-17', section: '41', outcome: 'approved' });
  kempele = await account('kempele-recorder@test.invalid', [{ partyId: ids['244']!, role: 'approver' }], 'Kempeleen kirjaaja');
  oulu = await account('oulu-recorder@test.invalid', [{ partyId: ids['564']!, role: 'approver' }]);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const signaturesPath = () => `/agreements/${agreementId}/parties/${ids['244']}/signatures`;
const wetInk = { method: 'wet_ink', sha256: '', signerName: 'Kaisa Kunnanjohtaja', signerTitle: 'kunnanjohtaja', signedOn: '2025-11-20', place: 'Kempele', reference: 'arkisto 7/2025' };

describe('scanned signature page through the form (no JavaScript)', () => {
  it('the form is multipart; a bad file is refused naming the field, keeping what was typed; a missing CSRF token is 403', async () => {
    const page = await (await kempele.get(signaturesPath())).text();
    expect(page).toMatch(/<form[^>]+enctype="multipart\/form-data"/i);
    expect(page).toContain('type="file"');
    const t = catalogs.fi;
    const gif = await postMultipart(kempele, signaturesPath(), { ...wetInk, sha256: sha }, { name: 'allekirjoitus.pdf', bytes: GIF, type: 'application/pdf' });
    expect(gif.status).toBe(400);
    const html = await gif.text();
    expect(text(html)).toContain(t.validation.scan_type_not_allowed);
    expect(text(html)).toContain(t.agreements.approval.scan); // the field is named in the error summary
    expect(html).toContain('value="Kaisa Kunnanjohtaja"'); // the rest of the form is kept
    const big = Buffer.concat([PDF, Buffer.alloc(MAX, 0x20)]);
    const tooBig = await postMultipart(kempele, signaturesPath(), { ...wetInk, sha256: sha }, { name: 'iso.pdf', bytes: big, type: 'application/pdf' });
    expect(tooBig.status).toBe(400);
    expect(text(await tooBig.text())).toContain(t.validation.file_too_large({ max: 1 }));
    const empty = await postMultipart(kempele, signaturesPath(), { ...wetInk, sha256: sha }, { name: 'tyhja.pdf', bytes: Buffer.alloc(0), type: 'application/pdf' });
    expect(empty.status).toBe(400);
    expect(text(await empty.text())).toContain(t.validation.file_empty);
    const noCsrf = await postMultipart(kempele, signaturesPath(), { ...wetInk, sha256: sha }, { name: 'a.pdf', bytes: PDF, type: 'application/pdf' }, 'wrong-token');
    expect(noCsrf.status).toBe(403);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM agreement_signature WHERE agreement_id = $1', [agreementId]);
    expect(rows[0]!.n).toBe(0);
  });

  it('a good scan is stored with the signature and downloads as an attachment with a safe type from the party page and the public record', async () => {
    const res = await postMultipart(kempele, signaturesPath(), { ...wetInk, sha256: sha }, { name: 'Kempele allekirjoitus.pdf', bytes: PDF, type: 'application/octet-stream' });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(text(page)).toContain(catalogs.fi.agreements.approval.signed);
    const link = /href="(\/agreements\/[^"]+\/signatures\/[^"]+\/scan)"/.exec(page)?.[1];
    expect(link).toBeDefined();
    // The public record page links the same file; anyone can download it.
    const record = await (await new Visitor(app.url).get(`/agreements/${agreementId}/record`)).text();
    expect(record).toContain(`href="${link}"`);
    const dl = await new Visitor(app.url).get(link!);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('content-disposition')).toBe('attachment; filename="Kempele allekirjoitus.pdf"');
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    const body = Buffer.from(await dl.arrayBuffer());
    expect(Buffer.compare(body, PDF)).toBe(0);
    expect(dl.headers.get('x-content-sha256')).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect((await new Visitor(app.url).get(`/agreements/${agreementId}/signatures/00000000-0000-4000-8000-000000000000/scan`)).status).toBe(404);
  });

  it('the agreement page links to the public record', async () => {
    const html = await (await new Visitor(app.url).get(`/agreements/${agreementId}`)).text();
    expect(html).toContain(`href="/agreements/${agreementId}/record"`);
  });

  it('the recorder revokes the signature with a reason on the page; it stays listed, struck through', async () => {
    const page = await (await kempele.get(signaturesPath())).text();
    const signatureId = /name="signatureId" value="([^"]+)"/.exec(page)![1]!;
    const csrf = await kempele.csrf(signaturesPath());
    const empty = await kempele.post(signaturesPath(), { _csrf: csrf, intent: 'revoke', signatureId, reason: '' });
    expect(empty.status).toBe(400);
    const ok = await kempele.post(signaturesPath(), { _csrf: csrf, intent: 'revoke', signatureId, reason: 'Väärä allekirjoittaja' });
    expect(ok.status).toBe(200);
    const html = await ok.text();
    expect(text(html)).toContain(catalogs.fi.agreements.approval.revoked);
    expect(html).toContain('<del>');
    expect(text(html)).toContain('Väärä allekirjoittaja');
    // Another party's recorder cannot revoke Kempele's signatures.
    const foreign = await oulu.post(signaturesPath(), { _csrf: await oulu.csrf('/'), intent: 'revoke', signatureId, reason: 'x' });
    expect(foreign.status).toBe(403);
  });
});

describe('correcting a decision record on its page', () => {
  it('saves a correction (redirect with a notice), shows both on a stale save, and annuls with a reason', async () => {
    const decisions = await (await kempele.get(`/agreements/${agreementId}/parties/${ids['244']}/decisions`)).text();
    const path = /href="(\/agreements\/[^"]+\/decisions\/[0-9a-f-]{36})"/.exec(decisions)?.[1];
    expect(path).toBeDefined();
    const form = await (await kempele.get(path!)).text();
    const field = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(form)?.[1] ?? '';
    const stepId = /<select[^>]+name="stepId"[\s\S]*?<option[^>]+value="([^"]+)"[^>]*selected/.exec(form)?.[1] ?? '';
    const csrf = await kempele.csrf(path!);
    const values = { _csrf: csrf, intent: 'correct', rowVersion: field('rowVersion'), stepId, versionNumber: '1', meetingDate: '2025-11-18', section: '42', outcome: 'approved' };
    const ok = await kempele.post(path!, values);
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe(`${path}?saved=corrected`);
    expect(text(await (await kempele.get(`${path}?saved=corrected`)).text())).toContain(catalogs.fi.agreements.approval.corrected);
    const stale = await kempele.post(path!, { ...values, section: '43' });
    expect(stale.status).toBe(409);
    const staleHtml = text(await stale.text());
    expect(staleHtml).toContain(catalogs.fi.agreements.approval.conflictHeading);
    expect(staleHtml).toContain(catalogs.fi.errors['agreements.decision_edited_by_someone_else']);
    // Oulu's recorder may not correct Kempele's record.
    expect((await oulu.post(path!, { ...values, _csrf: await oulu.csrf('/'), rowVersion: '2' })).status).toBe(403);
    const annul = await kempele.post(path!, { _csrf: csrf, intent: 'annul', rowVersion: '2', reason: 'Kirjattu väärään sopimukseen' });
    expect(annul.status).toBe(302);
    const after = text(await (await kempele.get(`/agreements/${agreementId}/parties/${ids['244']}/decisions`)).text());
    expect(after).toContain(catalogs.fi.agreements.approval.annulledTag);
    expect(after).toContain('Kirjattu väärään sopimukseen');
  });
});

describe('/api/v1: scans, corrections and revocations', () => {
  const api = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => new Visitor(app.url).json(method, `/api/v1${path}`, body, headers);

  it('a token records a wet-ink signature with its scan as multipart; the scan downloads with safe headers; bad files are 400 naming the field', async () => {
    const liitto = await createApiToken(testCtx(db), ids.MK17!, { name: 'liiton asianhallinta', role: 'approver' });
    const auth = { authorization: `Bearer ${liitto.secret}` };
    const overview = (await (await api('GET', `/agreements/${agreementId}/approval`, auth)).json()) as { parties: { code: string; steps: { id: string }[] }[] };
    const stepId = overview.parties.find((p) => p.code === 'MK17')!.steps.at(-1)!.id;
    const decided = await api('POST', `/agreements/${agreementId}/decisions`, auth, { partyId: ids.MK17, stepId, versionNumber: 1, meetingDate: '2025-11-24', section: '13', outcome: 'approved' });
    expect(decided.status).toBe(201);
    const decision = (await decided.json()) as { id: string; rowVersion: number };
    const multipart = (file: { bytes: Buffer; name: string }) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ ...wetInk, partyId: ids.MK17!, sha256: sha, signerName: 'Maakuntajohtaja', signedOn: '2025-11-25', place: 'Oulu' })) form.set(k, v);
      form.set('scan', new Blob([new Uint8Array(file.bytes)]), file.name);
      return fetch(`${app.url}/api/v1/agreements/${agreementId}/signatures`, { method: 'POST', headers: auth, body: form });
    };
    const bad = await multipart({ bytes: Buffer.from('<svg onload="alert(1)"/>'), name: 'sivu.png' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'validation.invalid_input', errors: [expect.objectContaining({ field: 'scan', code: 'scan_type_not_allowed' })] });
    const ok = await multipart({ bytes: PDF, name: 'liitto.pdf' });
    expect(ok.status).toBe(201);
    const sig = (await ok.json()) as { id: string; scan: { sha256: string; mediaType: string; fileName: string; sizeBytes: number } };
    expect(sig.scan).toEqual({ sha256: createHash('sha256').update(PDF).digest('hex'), mediaType: 'application/pdf', fileName: 'liitto.pdf', sizeBytes: PDF.length });
    const dl = await fetch(`${app.url}/api/v1/agreements/${agreementId}/signatures/${sig.id}/scan`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment; filename="?liitto\.pdf"?$/);
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.compare(Buffer.from(await dl.arrayBuffer()), PDF)).toBe(0);

    // Corrections: a stale rowVersion is a 409 with the code; another party's token is refused; then a revocation.
    const correct = (rowVersion: number, h = auth) => api('PUT', `/agreements/${agreementId}/decisions/${decision.id}`, h, { stepId, versionNumber: 1, meetingDate: '2025-11-24', section: '14', outcome: 'approved', rowVersion });
    const oulu = await createApiToken(testCtx(db), ids['564']!, { name: 'oulu', role: 'admin' });
    expect((await correct(1, { authorization: `Bearer ${oulu.secret}` })).status).toBe(403);
    const fixed = await correct(decision.rowVersion);
    expect(fixed.status).toBe(200);
    expect(await fixed.json()).toMatchObject({ section: '14', rowVersion: 2, annulled: null });
    const stale = await correct(1);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: 'agreements.decision_edited_by_someone_else' });
    const revoked = await api('POST', `/agreements/${agreementId}/signatures/${sig.id}/revoke`, auth, { reason: 'Väärä sivu' });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ revoked: { reason: 'Väärä sivu' } });
    // The scan of a revoked signature is no longer public.
    expect((await fetch(`${app.url}/api/v1/agreements/${agreementId}/signatures/${sig.id}/scan`)).status).toBe(404);
    const annulled = await api('POST', `/agreements/${agreementId}/decisions/${decision.id}/annul`, auth, { rowVersion: 2, reason: 'Väärä kokous' });
    expect(annulled.status).toBe(200);
    expect(await annulled.json()).toMatchObject({ annulled: { reason: 'Väärä kokous' } });
  });
});
