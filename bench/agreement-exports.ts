/**
 * Agreement benchmark (in process, no HTTP): a 32-party agreement of Pohjois-Pohjanmaa (county, 30
 * municipalities, regional council) with 40 sections and 300 comments; times the agreement page's use case
 * (getAgreement, public and party reader) and the DOCX / PDF/A exports of the version in fi and sv.
 * Prints the median of N runs.
 *
 *   node --import tsx bench/agreement-exports.ts [runs]
 *
 * Not done here: the page over HTTP against bare node:http (bench/main.ts would need this data seeded in
 * the app's own database).
 */
import { createUser } from '../src/modules/accounts/index.ts';
import { addComment, addSection, createAgreement, exportAgreementVersion, getAgreement, openCommentRound, publishVersion } from '../src/modules/agreements/index.ts';
import { getCooperationRegion, loadReferenceData } from '../src/modules/parties/index.ts';
import type { Actor } from '../src/platform/actor.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { openPglite } from '../src/platform/db/pglite.ts';
import { silentLogger } from '../src/platform/log.ts';

const runs = Number(process.argv[2] ?? 5);
const db = await openPglite(undefined);
await migrate(db);
const clock = fixedClock('2026-03-02T09:00:00Z');
const ctxAs = (actor: Actor) => ({ db, clock, log: silentLogger, actor, requestId: 'bench' });
const sys = ctxAs({ kind: 'system', label: 'bench' });
await loadReferenceData(sys);

const { parties } = await getCooperationRegion(sys, 'HVA19');
const partyIds = parties.map((p) => p.id).slice(0, 32);
const county = (await db.query<{ id: string }>(`SELECT id FROM party WHERE code = 'HVA19'`))[0]!.id;
const a = await createAgreement(sys, 'HVA19', { titleFi: 'Pohjois-Pohjanmaan strateginen yhteistyösopimus', titleSv: 'Strategiskt samarbetsavtal', validFrom: '2026-06-01', coordinatingPartyId: county, partyIds, sectionKeys: [] });
const para = 'Osapuolet sopivat **yhteisestä** toiminnasta ja seuraavat sitä [THL:n](https://thl.fi) mittareilla. '.repeat(4);
for (let i = 0; i < 40; i++) {
  await addSection(sys, a.id, { headingFi: `Kohta ${i + 1}`, headingSv: `Punkt ${i + 1}`, bodyFi: `${para}\n\n## Tavoitteet\n\n- ensimmäinen\n- toinen\n\n${para}`, bodySv: `${para}\n\n- första\n- andra` });
}
await publishVersion(sys, a.id, { label: 'Lausunnolle' });
await openCommentRound(sys, a.id, { versionNumber: 1, deadline: '2026-04-30' });
const editors: Actor[] = [];
for (const [i, p] of partyIds.entries()) {
  const u = await createUser(sys, { email: `bench${i}@bench.invalid`, displayName: `Bench ${i}`, isPlatformAdmin: false, memberships: [{ partyId: p, role: 'editor' }] });
  editors.push({ kind: 'user', userId: u.id, displayName: `Bench ${i}`, isPlatformAdmin: false, memberships: [{ partyId: p, role: 'editor' }] });
}
for (let i = 0; i < 300; i++) {
  const k = i % editors.length;
  await addComment(ctxAs(editors[k]!), a.id, { partyId: partyIds[k], body: `Kommentti ${i}: ${para}` });
}
console.log(`agreement: ${partyIds.length} parties, 40 sections, 300 comments`);

async function time(label: string, fn: () => Promise<unknown>) {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((x, y) => x - y);
  console.log(`${label.padEnd(36)} median ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} ms (min ${ms[0]!.toFixed(1)}, max ${ms.at(-1)!.toFixed(1)})`);
}
const pub = ctxAs({ kind: 'public' });
await time('getAgreement (public)', () => getAgreement(pub, a.id));
await time('getAgreement (party editor)', () => getAgreement(ctxAs(editors[0]!), a.id));
for (const lang of ['fi', 'sv'] as const) {
  for (const format of ['docx', 'pdf'] as const) {
    let size = 0;
    await time(`export ${format} ${lang}`, async () => (size = (await exportAgreementVersion(pub, a.id, 1, format, lang)).body.length));
    console.log(`${''.padEnd(36)} ${(size / 1024).toFixed(0)} KiB`);
  }
}
await db.close();
