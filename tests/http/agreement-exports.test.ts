import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '#modules/accounts/index.ts';
import { createAgreement, openCommentRound, publishVersion } from '#modules/agreements/index.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestDb, partyIdByCode, testCtx, testClock } from '../support/db.ts';
import { startTestApp, Visitor, type TestApp } from '../support/http.ts';

/** One clock for the use cases this file calls and the server it starts. */
const clock = testClock();

/** Agreement exports and the public record over HTTP: file names, the version page's rules, links. */
const PASSWORD = 'agreement-exports-password-1';
let db: Db;
let app: TestApp;
let draftId: string;
let publicId: string;
let sha: string;

beforeAll(async () => {
  db = await createTestDb();
  const sys = testCtx(db);
  const [county, kempele] = await Promise.all(['HVA19', '244'].map((c) => partyIdByCode(db, c)));
  const base = { validFrom: '2027-01-01', coordinatingPartyId: county!, partyIds: [county!, kempele!], sectionKeys: ['principles'] };
  draftId = (await createAgreement(sys, 'HVA19', { ...base, titleFi: 'Luonnos' })).id;
  await publishVersion(sys, draftId, { label: 'Sisäinen' });
  publicId = (await createAgreement(sys, 'HVA19', { ...base, titleFi: 'Julkinen sopimus', titleSv: 'Offentligt avtal' })).id;
  sha = (await publishVersion(sys, publicId, { label: 'Lausunnolle' })).sha256;
  await openCommentRound(sys, publicId, { versionNumber: 1, deadline: '2099-01-31' });
  await createUser(sys, { email: 'kempele.katsoja@test.invalid', displayName: 'Kempeleen katsoja', password: PASSWORD, memberships: [{ partyId: kempele!, role: 'viewer' }] });
  app = await startTestApp(db, { clock });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('exports over HTTP', () => {
  it('serves a public version as DOCX and PDF with Content-Disposition file names, in ?lang', async () => {
    const docx = await fetch(`${app.url}/agreements/${publicId}/versions/1/export.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers.get('content-disposition')).toBe('attachment; filename="yhteistyosopimus-v1-fi.docx"');
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const pdf = await fetch(`${app.url}/en/agreements/${publicId}/versions/1/export.pdf?lang=sv`);
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="samarbetsavtal-v1-sv.pdf"');
    expect(pdf.headers.get('x-content-sha256')).toBe(sha);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    // Swedish pages give Swedish documents unless asked otherwise.
    expect((await fetch(`${app.url}/sv/agreements/${publicId}/versions/1/export.docx`)).headers.get('content-disposition')).toContain('samarbetsavtal-v1-sv.docx');
  });

  it('a draft version: 404 to the public, the file to a party', async () => {
    expect((await fetch(`${app.url}/agreements/${draftId}/versions/1/export.pdf`)).status).toBe(404);
    expect((await fetch(`${app.url}/agreements/${draftId}/versions/1/export.docx`)).status).toBe(404);
    const viewer = new Visitor(app.url);
    expect((await viewer.signIn('kempele.katsoja@test.invalid', PASSWORD)).status).toBe(302);
    const res = await viewer.get(`/agreements/${draftId}/versions/1/export.docx?lang=fi`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="yhteistyosopimus-v1-fi.docx"');
  });

  it('the version page links the exports and the public record; the record page needs no sign-in', async () => {
    const page = await (await fetch(`${app.url}/sv/agreements/${publicId}/versions/1`)).text();
    for (const l of ['fi', 'sv']) {
      expect(page).toContain(`/sv/agreements/${publicId}/versions/1/export.docx?lang=${l}`);
      expect(page).toContain(`/sv/agreements/${publicId}/versions/1/export.pdf?lang=${l}`);
    }
    expect(page).toContain(`/sv/agreements/${publicId}/record`);
    const record = await fetch(`${app.url}/sv/agreements/${publicId}/record`);
    expect(record.status).toBe(200);
    const html = await record.text();
    expect(html).toContain('<h1>Beslut och underskrifter</h1>');
    expect(html).toContain(sha);
    expect((await fetch(`${app.url}/agreements/${draftId}/record`)).status).toBe(404);
  });
});
