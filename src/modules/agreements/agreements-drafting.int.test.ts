import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#platform/actor.ts';
import type { Db } from '#platform/db/db.ts';
import { createTestActor, createTestDb, partyIdByCode, testCtx } from '../../../tests/support/db.ts';
import {
  addArea,
  addForum,
  addForumMember,
  addSection,
  compareVersions,
  createAgreement,
  getAgreement,
  getAgreementForEdit,
  getSectionForEdit,
  getVersion,
  listAgreements,
  moveSection,
  openCommentRound,
  publishVersion,
  removeSection,
  saveRegionTemplate,
  sha256Hex,
  updateAgreement,
  updateArea,
  updateSection,
} from './index.ts';

let db: Db;
const ids: Record<string, string> = {};
let countyEditor: Actor;
let secondCountyEditor: Actor;
let countyViewer: Actor;
let ouluEditor: Actor;
let tampereEditor: Actor;
const PUBLIC: Actor = { kind: 'public' };

beforeAll(async () => {
  db = await createTestDb();
  for (const code of ['HVA19', '564', '244', 'MK17', '837', 'HVA08', 'HVA15', 'HVA17']) ids[code] = await partyIdByCode(db, code);
  countyEditor = await createTestActor(db, [{ partyId: ids.HVA19!, role: 'editor' }], { displayName: 'Valmistelija A' });
  secondCountyEditor = await createTestActor(db, [{ partyId: ids.HVA19!, role: 'admin' }], { displayName: 'Valmistelija B' });
  countyViewer = await createTestActor(db, [{ partyId: ids.HVA19!, role: 'viewer' }]);
  ouluEditor = await createTestActor(db, [{ partyId: ids['564']!, role: 'editor' }]);
  tampereEditor = await createTestActor(db, [{ partyId: ids['837']!, role: 'editor' }]);
});
afterAll(async () => db?.close());

const base = { titleFi: 'Pohjois-Pohjanmaan strateginen yhteistyösopimus', titleSv: 'Strategiskt samarbetsavtal i Norra Österbotten', validFrom: '2024-01-01' };

describe('starting an agreement', () => {
  it('takes every party of the region by default, the county as coordinator and the model sections in order', async () => {
    const a = await createAgreement(testCtx(db, countyEditor), 'HVA19', { ...base });
    expect(a.status).toBe('draft');
    expect(a.partyIds).toHaveLength(32);
    expect(a.coordinatingPartyId).toBe(ids.HVA19);
    expect(a.validUntil).toBeNull(); // until further notice
    const edit = await getAgreementForEdit(testCtx(db, countyEditor), a.id);
    expect(edit.sections.map((s) => s.templateKey)).toEqual([
      'parties', 'purpose', 'legal_basis', 'principles', 'cooperation_areas', 'forums', 'operating_rules', 'monitoring', 'costs', 'entry_into_force', 'validity', 'amendment', 'signatures',
    ]);
    const audit = await db.query<{ action: string; party_id: string }>(`SELECT action, party_id FROM audit_event WHERE target_id = $1`, [a.id]);
    expect(audit).toEqual([{ action: 'agreement.create', party_id: ids.HVA19 }]);
  });

  it('Pirkanmaa has 25 parties; a region may take only some model sections and only some parties', async () => {
    const pirkanmaaEditor = await createTestActor(db, [{ partyId: ids.HVA08!, role: 'editor' }]);
    const all = await createAgreement(testCtx(db, pirkanmaaEditor), 'HVA08', { ...base, titleFi: 'Pirkanmaan puitesopimus' });
    expect(all.partyIds).toHaveLength(25);
    const some = await createAgreement(testCtx(db, pirkanmaaEditor), 'HVA08', {
      ...base,
      titleFi: 'Suppea',
      partyIds: [ids.HVA08, ids['837']],
      sectionKeys: ['parties', 'costs'],
    });
    expect(some.partyIds.sort()).toEqual([ids.HVA08, ids['837']].sort());
    expect((await getAgreementForEdit(testCtx(db, pirkanmaaEditor), some.id)).sections.map((s) => s.templateKey)).toEqual(['parties', 'costs']);
  });

  it('refuses parties from outside the region, a coordinator who is not a party, and an editor of no party in the region', async () => {
    const ctx = testCtx(db, countyEditor);
    await expect(createAgreement(ctx, 'HVA19', { ...base, partyIds: [ids.HVA19, ids['837']] })).rejects.toMatchObject({
      code: 'validation.invalid_input',
      issues: [{ field: 'partyIds', code: 'party_not_in_region' }],
    });
    await expect(createAgreement(testCtx(db, ouluEditor), 'HVA19', { ...base, coordinatingPartyId: ids['564'], partyIds: [ids.HVA19, ids['244']] })).rejects.toMatchObject({
      issues: [{ field: 'coordinatingPartyId', code: 'coordinator_not_party' }],
    });
    await expect(createAgreement(testCtx(db, tampereEditor), 'HVA19', { ...base })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(createAgreement(testCtx(db, PUBLIC), 'HVA19', { ...base })).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(createAgreement(ctx, 'HVA19', { ...base, validUntil: '2023-12-31' })).rejects.toMatchObject({ issues: [{ field: 'validUntil', code: 'date_range_reversed' }] });
  });

  it('links a successor to its predecessor in the same region (Keski-Suomi 2022 → 2026), never across regions', async () => {
    const ksEditor = await createTestActor(db, [{ partyId: ids.HVA15!, role: 'editor' }]);
    const ctx = testCtx(db, ksEditor);
    const old = await createAgreement(ctx, 'HVA15', { ...base, titleFi: 'Keski-Suomen puitesopimus', validFrom: '2023-01-01', validUntil: '2025-12-31' });
    const next = await createAgreement(ctx, 'HVA15', { ...base, titleFi: 'Keski-Suomen strateginen yhteistyösopimus', validFrom: '2026-01-01', predecessorId: old.id });
    expect(next.predecessorId).toBe(old.id);
    // The predecessor may not be made its own successor's successor.
    await expect(updateAgreement(ctx, old.id, { ...base, validFrom: '2023-01-01', rowVersion: old.rowVersion, predecessorId: next.id })).rejects.toMatchObject({
      issues: [{ field: 'predecessorId', code: 'invalid_predecessor' }],
    });
    const pp = await createAgreement(testCtx(db, countyEditor), 'HVA19', { ...base });
    await expect(createAgreement(ctx, 'HVA15', { ...base, predecessorId: pp.id })).rejects.toMatchObject({ issues: [{ field: 'predecessorId', code: 'invalid_predecessor' }] });
  });
});

describe('the region adapts the model and saves its own template', () => {
  it('picks, reorders, renames and adds sections, saves them per region, and starts the next agreement from them', async () => {
    const ctx = testCtx(db, countyEditor);
    const a = await createAgreement(ctx, 'HVA19', { ...base, sectionKeys: ['parties', 'purpose', 'costs'] });
    let sections = (await getAgreementForEdit(ctx, a.id)).sections;
    await moveSection(ctx, sections[2]!.id, { direction: 'up' }); // costs before purpose
    const purpose = sections[1]!;
    await updateSection(ctx, purpose.id, { rowVersion: purpose.rowVersion, headingFi: 'Tausta ja tarkoitus', headingSv: 'Bakgrund och syfte', bodyFi: purpose.body.fi, bodySv: purpose.body.sv });
    await addSection(ctx, a.id, { headingFi: 'Yhteinen väestöennuste', headingSv: 'Gemensam befolkningsprognos', bodyFi: 'Liitto laatii.', bodySv: 'Förbundet gör.' });
    await removeSection(ctx, sections[0]!.id, { rowVersion: sections[0]!.rowVersion });
    sections = (await getAgreementForEdit(ctx, a.id)).sections;
    expect(sections.map((s) => s.heading.fi)).toEqual(['Kustannukset', 'Tausta ja tarkoitus', 'Yhteinen väestöennuste']);

    // Only the county's editors keep the region's template.
    await expect(saveRegionTemplate(testCtx(db, ouluEditor), a.id)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await saveRegionTemplate(ctx, a.id)).toEqual({ sections: 3 });
    const next = await createAgreement(ctx, 'HVA19', { ...base, template: 'region' });
    expect((await getAgreementForEdit(ctx, next.id)).sections.map((s) => [s.templateKey?.startsWith('custom_') ? 'custom' : s.templateKey, s.heading.sv])).toEqual([
      ['costs', 'Kostnader'],
      ['purpose', 'Bakgrund och syfte'],
      ['custom', 'Gemensam befolkningsprognos'],
    ]);
    await expect(createAgreement(testCtx(db, await createTestActor(db, [{ partyId: ids.HVA08!, role: 'editor' }])), 'HVA08', { ...base, template: 'region' })).rejects.toMatchObject({
      issues: [{ field: 'template', code: 'no_region_template' }],
    });
  });
});

describe('editing the draft', () => {
  it('refuses the later of two saves of the same section as a conflict and hands back the current text', async () => {
    const a = await createAgreement(testCtx(db, countyEditor), 'HVA19', { ...base, sectionKeys: ['costs'] });
    const one = testCtx(db, countyEditor);
    const two = testCtx(db, secondCountyEditor);
    const seenByOne = (await getSectionForEdit(one, a.id, (await getAgreementForEdit(one, a.id)).sections[0]!.id)).section;
    const seenByTwo = (await getSectionForEdit(two, a.id, seenByOne.id)).section;
    const theirs = { rowVersion: seenByOne.rowVersion, headingFi: 'Kustannukset', headingSv: 'Kostnader', bodyFi: 'Kukin osapuoli vastaa omista kustannuksistaan.', bodySv: 'Varje part svarar för sina egna kostnader.' };
    const saved = await updateSection(one, seenByOne.id, theirs);
    expect(saved.rowVersion).toBe(seenByOne.rowVersion + 1);
    const mine = { ...theirs, rowVersion: seenByTwo.rowVersion, bodyFi: 'Yhteisistä kustannuksista sovitaan erikseen.' };
    await expect(updateSection(two, seenByTwo.id, mine)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'agreements.section_edited_by_someone_else',
      details: { current: { body: { fi: theirs.bodyFi }, rowVersion: saved.rowVersion } },
    });
    // Nothing of the first save was lost; the second editor may save knowingly on top of it.
    expect((await getSectionForEdit(two, a.id, seenByOne.id)).section.body.fi).toBe(theirs.bodyFi);
    const again = await updateSection(two, seenByTwo.id, { ...mine, rowVersion: saved.rowVersion });
    expect(again.body.fi).toBe(mine.bodyFi);
    const audit = await db.query<{ actor_label: string }>(`SELECT actor_label FROM audit_event WHERE target_id = $1 AND action = 'agreement_section.update' ORDER BY id`, [seenByOne.id]);
    expect(audit.map((r) => r.actor_label)).toEqual(['Valmistelija A', 'Valmistelija B']);
  });

  it('lets only the coordinating party’s editors change the draft', async () => {
    const a = await createAgreement(testCtx(db, countyEditor), 'HVA19', { ...base, sectionKeys: ['costs'] });
    const section = (await getAgreementForEdit(testCtx(db, countyEditor), a.id)).sections[0]!;
    const input = { rowVersion: section.rowVersion, headingFi: 'X', bodyFi: 'Y' };
    await expect(updateSection(testCtx(db, ouluEditor), section.id, input)).rejects.toMatchObject({ kind: 'forbidden' }); // a party, not coordinating
    await expect(updateSection(testCtx(db, tampereEditor), section.id, input)).rejects.toMatchObject({ kind: 'forbidden' }); // an outsider
    await expect(updateSection(testCtx(db, countyViewer), section.id, input)).rejects.toMatchObject({ kind: 'forbidden' }); // county, but only a viewer
    await expect(updateSection(testCtx(db, PUBLIC), section.id, input)).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(addArea(testCtx(db, ouluEditor), a.id, { nameFi: 'X' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(publishVersion(testCtx(db, ouluEditor), a.id, { label: 'X' })).rejects.toMatchObject({ kind: 'forbidden' });
    // Handing over coordination to Oulu moves the right with it.
    const handed = await updateAgreement(testCtx(db, countyEditor), a.id, { ...base, rowVersion: a.rowVersion, coordinatingPartyId: ids['564'] });
    expect(handed.coordinatingPartyId).toBe(ids['564']);
    await expect(updateSection(testCtx(db, countyEditor), section.id, input)).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await updateSection(testCtx(db, ouluEditor), section.id, input)).heading.fi).toBe('X');
  });

  it('keeps areas (with responsibilities on each side) and forums (levels, members, frequency) in the draft', async () => {
    const ctx = testCtx(db, countyEditor);
    const a = await createAgreement(ctx, 'HVA19', { ...base, sectionKeys: ['cooperation_areas', 'forums'] });
    const area = await addArea(ctx, a.id, {
      nameFi: 'Hyvinvoinnin, terveyden ja turvallisuuden edistäminen',
      countySideFi: 'Hyvinvointialue: hyvinvoinnin ja terveyden edistämisen yksikkö',
      municipalSideFi: 'Kunnat: hyvinvointikoordinaattorit',
    });
    await expect(updateArea(ctx, area.id, { rowVersion: area.rowVersion + 5, nameFi: 'X' })).rejects.toMatchObject({ code: 'agreements.edited_by_someone_else' });
    const forum = await addForum(ctx, a.id, { nameFi: 'Yhteistyöfoorumi', level: 'political', frequency: 'once_per_council_term', frequencyNoteFi: 'vähintään 1 krt/valtuustokausi' });
    await addForumMember(ctx, forum.id, { member: 'group:municipalities', roleFi: 'valtuuston puheenjohtajat' });
    await addForumMember(ctx, forum.id, { member: `party:${ids.HVA19}`, roleFi: 'hyvinvointialuejohtaja' });
    await expect(addForumMember(ctx, forum.id, { member: `party:${ids['837']}`, roleFi: 'x' })).rejects.toMatchObject({ issues: [{ field: 'member', code: 'not_a_party' }] });
    await expect(addForum(ctx, a.id, { nameFi: 'X', level: 'strategic', frequency: 'yearly' })).rejects.toMatchObject({ issues: [{ field: 'level', code: 'invalid_choice' }] });
    const view = await getAgreement(ctx, a.id);
    expect(view.content.areas[0]).toMatchObject({ countySide: { fi: 'Hyvinvointialue: hyvinvoinnin ja terveyden edistämisen yksikkö' }, municipalSide: { fi: 'Kunnat: hyvinvointikoordinaattorit' } });
    expect(view.content.forums[0]).toMatchObject({ level: 'political', frequency: 'once_per_council_term', members: [{ group: 'municipalities' }, { partyId: ids.HVA19, partyName: { fi: 'Pohjois-Pohjanmaan hyvinvointialue' } }] });
  });

  it('shows which sections lack Swedish when a party is bilingual', async () => {
    const ostroEditor = await createTestActor(db, [{ partyId: ids.HVA17!, role: 'editor' }]);
    const ctx = testCtx(db, ostroEditor);
    const a = await createAgreement(ctx, 'HVA17', { ...base, sectionKeys: ['costs'] });
    await addSection(ctx, a.id, { headingFi: 'Vain suomeksi', bodyFi: 'Teksti.' });
    const view = await getAgreement(ctx, a.id);
    expect(view.needsSwedish).toBe(true);
    expect(view.content.sections.filter((s) => s.lacksSwedish).map((s) => s.heading.fi)).toEqual(['Vain suomeksi']);
    expect((await getAgreement(testCtx(db, countyEditor), (await createAgreement(testCtx(db, countyEditor), 'HVA19', { ...base })).id)).needsSwedish).toBe(false);
  });
});

describe('published versions', () => {
  it('numbers versions, hashes a canonical snapshot, and the database refuses to change or delete them', async () => {
    const ctx = testCtx(db, countyEditor);
    const a = await createAgreement(ctx, 'HVA19', { ...base, sectionKeys: ['costs'] });
    const v1 = await publishVersion(ctx, a.id, { label: 'Kuntajohtajafoorumi 14.9.2023' });
    const v2 = await publishVersion(ctx, a.id, { label: 'Yhteistyöfoorumi 6.11.2023' });
    expect([v1.number, v2.number]).toEqual([1, 2]);
    const [row] = await db.query<{ canonical: string; sha256: string }>('SELECT canonical, sha256 FROM agreement_version WHERE id = $1', [v1.id]);
    expect(row!.sha256).toBe(sha256Hex(row!.canonical));
    expect(JSON.parse(row!.canonical)).toMatchObject({ number: 1, label: 'Kuntajohtajafoorumi 14.9.2023', parties: expect.any(Array), sections: [{ heading: { fi: 'Kustannukset' } }] });
    expect(JSON.parse(row!.canonical).parties).toHaveLength(32);
    await expect(db.query(`UPDATE agreement_version SET label = 'muutettu' WHERE id = $1`, [v1.id])).rejects.toThrow(/immutable/);
    await expect(db.query('DELETE FROM agreement_version WHERE id = $1', [v1.id])).rejects.toThrow(/immutable/);
    await expect(db.query('TRUNCATE agreement_version CASCADE')).rejects.toThrow(/immutable/);
    // A hash that does not match its text cannot even be stored.
    await expect(
      db.query(`INSERT INTO agreement_version (agreement_id, number, label, canonical, sha256) VALUES ($1, 9, 'x', '{}', $2)`, [a.id, '0'.repeat(64)]),
    ).rejects.toThrow();
    const view = await getVersion(ctx, a.id, 1);
    expect(view.hashVerified).toBe(true);
  });

  it('keeps the published text when the draft changes, and compares versions section by section', async () => {
    const ctx = testCtx(db, countyEditor);
    const a = await createAgreement(ctx, 'HVA19', { ...base, sectionKeys: ['costs', 'validity'] });
    await publishVersion(ctx, a.id, { label: 'Luonnos 1' });
    const costs = (await getAgreementForEdit(ctx, a.id)).sections[0]!;
    await updateSection(ctx, costs.id, { rowVersion: costs.rowVersion, headingFi: 'Kustannukset', headingSv: 'Kostnader', bodyFi: 'Kukin osapuoli vastaa omista kustannuksistaan. Yhteisistä hankkeista sovitaan kirjallisesti.', bodySv: costs.body.sv });
    await publishVersion(ctx, a.id, { label: 'Luonnos 2' });
    expect((await getVersion(ctx, a.id, 1)).content.sections[0]!.html.fi).toContain('Yhteisten hankkeiden kustannuksista sovitaan erikseen');
    const { units } = await compareVersions(ctx, a.id, 1, 2);
    const unit = units.find((u) => u.id === costs.id)!;
    expect(unit.change).toBe('changed');
    const body = unit.fields.find((f) => f.field === 'body')!;
    expect(body.kind === 'text' && body.fi.filter((p) => p.op === 'ins').map((p) => p.text).join('')).toContain('kirjallisesti');
    expect(units.find((u) => u.kind === 'section' && u.id !== costs.id)!.change).toBe('unchanged');
  });
});

describe('what the public sees', () => {
  it('sees nothing of a draft, then the versions that went to a comment round — never the working draft', async () => {
    const ctx = testCtx(db, countyEditor);
    const a = await createAgreement(ctx, 'HVA19', { ...base, titleFi: 'Julkisuustesti', sectionKeys: ['costs'] });
    await publishVersion(ctx, a.id, { label: 'Kuntajohtajafoorumi 14.9.2023' });
    const pub = testCtx(db, PUBLIC);
    await expect(getAgreement(pub, a.id)).rejects.toMatchObject({ code: 'agreements.not_found' });
    await expect(getVersion(pub, a.id, 1)).rejects.toMatchObject({ code: 'agreements.version_not_found' });
    await expect(getAgreement(testCtx(db, tampereEditor), a.id)).rejects.toMatchObject({ code: 'agreements.not_found' }); // signed in, but no party of it
    expect((await listAgreements(pub, 'HVA19')).items.map((i) => i.agreement.id)).not.toContain(a.id);
    // A viewer of any party sees the draft.
    expect((await getAgreement(testCtx(db, countyViewer), a.id)).contentSource).toEqual({ kind: 'draft' });

    await openCommentRound(ctx, a.id, { versionNumber: 1, deadline: '2026-12-15' });
    const costs = (await getAgreementForEdit(ctx, a.id)).sections[0]!;
    await updateSection(ctx, costs.id, { rowVersion: costs.rowVersion, headingFi: 'Kustannukset', bodyFi: 'Luonnosteksti, jota yleisö ei näe.' });
    await publishVersion(ctx, a.id, { label: 'Sisäinen luonnos 2' });

    const seen = await getAgreement(pub, a.id);
    expect(seen.contentSource).toEqual({ kind: 'version', number: 1, label: 'Kuntajohtajafoorumi 14.9.2023' });
    expect(JSON.stringify(seen.content)).not.toContain('Luonnosteksti');
    expect(seen.versions.map((v) => v.number)).toEqual([1]);
    expect((await getVersion(pub, a.id, 1)).version.label).toBe('Kuntajohtajafoorumi 14.9.2023');
    await expect(getVersion(pub, a.id, 2)).rejects.toMatchObject({ code: 'agreements.version_not_found' });
    await expect(compareVersions(pub, a.id, 1, 2)).rejects.toMatchObject({ code: 'agreements.version_not_found' });
    expect((await getVersion(testCtx(db, ouluEditor), a.id, 2)).version.number).toBe(2);
    expect((await listAgreements(pub, 'HVA19')).items.map((i) => i.agreement.id)).toContain(a.id);
  });
});
