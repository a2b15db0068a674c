import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_STATUSES,
  assertTransition,
  canonicalHash,
  canonicalJson,
  commentWindow,
  diffSnapshots,
  entryIntoForceDate,
  MODEL_TEMPLATE,
  renderMarkdown,
  sectionsLackingSwedish,
  toCsv,
  wordDiff,
  type AgreementStatus,
  type Snapshot,
} from './index.ts';

describe('status lifecycle', () => {
  const legal: [AgreementStatus, AgreementStatus][] = [
    ['draft', 'comment_round'],
    ['draft', 'in_approval'],
    ['comment_round', 'draft'],
    ['comment_round', 'in_approval'],
    ['in_approval', 'draft'],
    ['in_approval', 'signed_by_all'],
    ['signed_by_all', 'in_force'],
    ['signed_by_all', 'in_approval'],
    ['in_force', 'expired'],
    ['in_force', 'superseded'],
    ['expired', 'superseded'],
  ];
  it('allows exactly the listed transitions and refuses every other pair with a stable code', () => {
    for (const from of AGREEMENT_STATUSES) {
      for (const to of AGREEMENT_STATUSES) {
        const ok = legal.some(([f, t]) => f === from && t === to);
        if (ok) expect(() => assertTransition(from, to), `${from} → ${to}`).not.toThrow();
        else expect(() => assertTransition(from, to), `${from} → ${to}`).toThrow(expect.objectContaining({ code: 'agreements.illegal_transition', kind: 'conflict' }));
      }
    }
  });
});

describe('entry into force (all approved and signed)', () => {
  it('is the later of the last signature and the start date, and nothing while someone has not signed', () => {
    const signed = (d: string) => ({ approved: true, signedOn: d });
    expect(entryIntoForceDate('all_approved_and_signed', '2026-01-01', [signed('2025-11-03'), signed('2025-12-15')])).toBe('2026-01-01');
    expect(entryIntoForceDate('all_approved_and_signed', '2026-01-01', [signed('2026-02-10'), signed('2025-12-15')])).toBe('2026-02-10');
    expect(entryIntoForceDate('all_approved_and_signed', '2026-01-01', [signed('2026-02-10'), { approved: true, signedOn: null }])).toBeNull();
    expect(entryIntoForceDate('all_approved_and_signed', '2026-01-01', [signed('2026-02-10'), { approved: false, signedOn: '2026-01-05' }])).toBeNull();
  });
});

describe('canonical serialisation and hash', () => {
  it('gives the same bytes and SHA-256 whatever the key order or Unicode composition', () => {
    const a = { b: 1, a: { y: 'Kemi', x: ['Hyvinvointialue', 'Pöytäkirja'] }, c: null };
    const b = { c: null, a: { x: ['Hyvinvointialue', 'Po\u0308yta\u0308kirja'], y: 'Kemi' }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"x":["Hyvinvointialue","Pöytäkirja"],"y":"Kemi"},"b":1,"c":null}');
    expect(canonicalHash(a)).toEqual(canonicalHash(b));
    expect(canonicalHash(a).sha256).toMatch(/^[0-9a-f]{64}$/);
    // Order inside arrays is content: changing it changes the hash.
    expect(canonicalHash({ x: [1, 2] }).sha256).not.toBe(canonicalHash({ x: [2, 1] }).sha256);
    expect(() => canonicalJson({ x: 1.5 })).toThrow();
  });
});

describe('markdown subset', () => {
  it('renders headings, lists, emphasis and safe links, and neutralises everything else', () => {
    const html = renderMarkdown('# Tavoite\n\n- *yksi*\n- **kaksi**\n\n[Finlex](https://finlex.fi) [x](javascript:alert(1)) <script>alert(1)</script> ![k](https://e.fi/k.png)', { headingOffset: 3 });
    expect(html).toContain('<h4>Tavoite</h4>');
    expect(html).toContain('<li><em>yksi</em></li>');
    expect(html).toContain('<a href="https://finlex.fi">Finlex</a>');
    expect(html).not.toMatch(/href="(javascript|data):/i); // shown as text, never a link
    expect(html).toContain('[x](javascript:alert(1))');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<img');
  });
});

describe('model template', () => {
  it('has the usual sections in Finnish and Swedish, including the cost clause', () => {
    expect(MODEL_TEMPLATE.map((s) => s.key)).toEqual([
      'parties', 'purpose', 'legal_basis', 'principles', 'cooperation_areas', 'forums', 'operating_rules', 'monitoring', 'costs', 'entry_into_force', 'validity', 'amendment', 'signatures',
    ]);
    for (const s of MODEL_TEMPLATE) expect(sectionsLackingSwedish([{ id: s.key!, ...s }])).toEqual([]);
    expect(MODEL_TEMPLATE.find((s) => s.key === 'costs')!.body.fi).toContain('Kukin osapuoli vastaa omista kustannuksistaan');
    expect(MODEL_TEMPLATE.find((s) => s.key === 'legal_basis')!.body.fi).toMatch(/611\/2021\) 14 §[\s\S]*612\/2021\) 6 ja 7 §/);
  });
});

describe('comment window', () => {
  it('stays open through the deadline day in Helsinki time', () => {
    const round = { deadline: '2023-10-15', closedAt: null };
    expect(commentWindow(round, new Date('2023-10-15T20:59:59Z'))).toBe('open'); // 23:59:59 EEST
    expect(commentWindow(round, new Date('2023-10-15T21:00:00Z'))).toBe('deadline_passed'); // 00:00 on the 16th
    expect(commentWindow({ ...round, closedAt: new Date('2023-10-01T10:00:00Z') }, new Date('2023-10-02T10:00:00Z'))).toBe('closed');
  });
});

function snap(over: Partial<Snapshot>): Snapshot {
  return {
    schema: 'kumppanuus.agreement-version/1',
    agreementId: 'a',
    number: 1,
    label: 'L',
    countyCode: 'HVA19',
    title: { fi: 'Sopimus', sv: 'Avtal' },
    validity: { from: '2024-01-01', until: null },
    entryRule: 'all_approved_and_signed',
    predecessorId: null,
    coordinatingPartyId: 'p1',
    parties: [],
    sections: [],
    areas: [],
    forums: [],
    ...over,
  };
}

describe('version diff', () => {
  const sec = (id: string, fi: string, heading = id) => ({ id, key: null, heading: { fi: heading, sv: '' }, body: { fi, sv: '' } });
  it('compares section by section and word by word, marking insertions, deletions, additions and removals', () => {
    const a = snap({ sections: [sec('s1', 'Kukin osapuoli vastaa omista kuluistaan.'), sec('s2', 'Poistuva osio.'), sec('s3', 'Sama.')] });
    const b = snap({ sections: [sec('s1', 'Kukin osapuoli vastaa omista kustannuksistaan.'), sec('s3', 'Sama.'), sec('s4', 'Uusi osio.')], validity: { from: '2024-01-01', until: '2025-05-31' } });
    const units = diffSnapshots(a, b);
    const byId = Object.fromEntries(units.map((u) => [u.id, u]));
    expect(byId.meta!.change).toBe('changed');
    expect(byId.meta!.fields.find((f) => f.field === 'validUntil')).toMatchObject({ kind: 'code', from: null, to: '2025-05-31' });
    expect(byId.s1!.change).toBe('changed');
    const body = byId.s1!.fields.find((f) => f.field === 'body');
    expect(body?.kind === 'text' && body.fi).toEqual([
      { op: 'same', text: 'Kukin osapuoli vastaa omista ' },
      { op: 'del', text: 'kuluistaan' },
      { op: 'ins', text: 'kustannuksistaan' },
      { op: 'same', text: '.' },
    ]);
    expect(byId.s2!.change).toBe('removed');
    expect(byId.s3!.change).toBe('unchanged');
    expect(byId.s3!.moved).toBe(false); // shifted by the removal, not moved
    expect(byId.s4!.change).toBe('added');
    // Removed s2 is listed where it stood: between s1 and s3.
    expect(units.filter((u) => u.kind === 'section').map((u) => u.id)).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('tells a real reordering apart', () => {
    const a = snap({ sections: [sec('s1', 'A'), sec('s2', 'B')] });
    const b = snap({ sections: [sec('s2', 'B'), sec('s1', 'A')] });
    expect(diffSnapshots(a, b).filter((u) => u.kind === 'section').every((u) => u.moved && u.change === 'unchanged')).toBe(true);
    expect(wordDiff('', '')).toEqual([]);
  });
});

describe('CSV export', () => {
  it('is semicolon-separated UTF-8 with BOM, quotes everything and defuses formulas', () => {
    const csv = toCsv([
      ['Osio', 'Kommentti'],
      ['Kustannukset', 'Sanoi "ei"; ja =SUM(A1)'],
      ['Koko sopimus', '=HYPERLINK("x")'],
    ]);
    expect(csv.startsWith('\uFEFF"Osio";"Kommentti"\r\n')).toBe(true);
    expect(csv).toContain('"Sanoi ""ei""; ja =SUM(A1)"');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
