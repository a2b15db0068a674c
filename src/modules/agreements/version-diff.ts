import { diffWords } from 'diff';
import { MEMBER_GROUP_NAMES, type Bilingual } from './agreement.ts';
import type { Snapshot } from './snapshot.ts';

/** One run of text in a word diff: unchanged, inserted or deleted. */
export interface DiffPart {
  op: 'same' | 'ins' | 'del';
  text: string;
}

export type FieldDiff =
  | { field: string; kind: 'text'; changed: boolean; fi: DiffPart[]; sv: DiffPart[] }
  /** Coded values (forum level, frequency, validity dates): shown translated as old → new. */
  | { field: string; kind: 'code'; changed: boolean; from: string | null; to: string | null };

export interface DiffUnit {
  kind: 'meta' | 'parties' | 'section' | 'area' | 'forum';
  id: string;
  title: Bilingual;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  /** Same content, different place in the order. */
  moved: boolean;
  fields: FieldDiff[];
}

export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ op: 'same', text: before }] : [];
  return diffWords(before, after).map((c) => ({ op: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value }));
}

type Fields = Record<string, { kind: 'text'; value: Bilingual } | { kind: 'code'; value: string | null }>;

function diffFields(a: Fields | null, b: Fields | null): FieldDiff[] {
  const keys = Object.keys(b ?? a ?? {});
  return keys.map((field) => {
    const x = a?.[field];
    const y = b?.[field];
    const kind = (y ?? x)!.kind;
    if (kind === 'code') {
      const from = (x?.value as string | null | undefined) ?? null;
      const to = (y?.value as string | null | undefined) ?? null;
      return { field, kind, changed: a !== null && b !== null ? from !== to : true, from: a ? from : null, to: b ? to : null };
    }
    const xv = (x?.value as Bilingual | undefined) ?? { fi: '', sv: '' };
    const yv = (y?.value as Bilingual | undefined) ?? { fi: '', sv: '' };
    const fi = wordDiff(a ? xv.fi : '', b ? yv.fi : '');
    const sv = wordDiff(a ? xv.sv : '', b ? yv.sv : '');
    return { field, kind, changed: [...fi, ...sv].some((p) => p.op !== 'same'), fi, sv };
  });
}

const text = (value: Bilingual) => ({ kind: 'text' as const, value });
const code = (value: string | null) => ({ kind: 'code' as const, value });

interface Item {
  id: string;
  title: Bilingual;
  fields: Fields;
}

function memberLines(members: Snapshot['forums'][number]['members'], lang: 'fi' | 'sv'): string {
  return members
    .map((m) => {
      const who = m.group ? MEMBER_GROUP_NAMES[m.group][lang] : (m.partyName?.[lang] || m.partyName?.fi || '');
      return `${who}: ${m.role[lang] || m.role.fi}`;
    })
    .join('\n');
}

function items(s: Snapshot): Record<'section' | 'area' | 'forum', Item[]> {
  return {
    section: s.sections.map((x) => ({ id: x.id, title: x.heading, fields: { heading: text(x.heading), body: text(x.body) } })),
    area: s.areas.map((x) => ({
      id: x.id,
      title: x.name,
      fields: {
        name: text(x.name),
        description: text(x.description),
        countySide: text(x.countySide),
        municipalSide: text(x.municipalSide),
        regionalCouncilSide: text(x.regionalCouncilSide),
      },
    })),
    forum: s.forums.map((x) => ({
      id: x.id,
      title: x.name,
      fields: {
        name: text(x.name),
        level: code(x.level),
        frequency: code(x.frequency),
        frequencyNote: text(x.frequencyNote),
        purpose: text(x.purpose),
        members: text({ fi: memberLines(x.members, 'fi'), sv: memberLines(x.members, 'sv') }),
      },
    })),
  };
}

function diffLists(kind: 'section' | 'area' | 'forum', before: Item[], after: Item[]): DiffUnit[] {
  const oldById = new Map(before.map((x, i) => [x.id, { x, i }]));
  const newIds = new Set(after.map((x) => x.id));
  const out: DiffUnit[] = [];
  // Relative order of the items both versions share, to tell a real move from a shift caused by insertions.
  const sharedOld = before.filter((x) => newIds.has(x.id)).map((x) => x.id);
  const sharedNew = after.filter((x) => oldById.has(x.id)).map((x) => x.id);
  for (const y of after) {
    const prev = oldById.get(y.id);
    if (!prev) {
      out.push({ kind, id: y.id, title: y.title, change: 'added', moved: false, fields: diffFields(null, y.fields) });
      continue;
    }
    const fields = diffFields(prev.x.fields, y.fields);
    const moved = sharedOld.indexOf(y.id) !== sharedNew.indexOf(y.id);
    out.push({ kind, id: y.id, title: y.title, change: fields.some((f) => f.changed) ? 'changed' : 'unchanged', moved, fields });
  }
  // Removed items are listed where they stood in the older version.
  for (const [i, x] of before.entries()) {
    if (newIds.has(x.id)) continue;
    const unit: DiffUnit = { kind, id: x.id, title: x.title, change: 'removed', moved: false, fields: diffFields(x.fields, null) };
    const nextKept = before.slice(i + 1).find((b) => newIds.has(b.id));
    const at = nextKept ? out.findIndex((u) => u.id === nextKept.id) : -1;
    if (at === -1) out.push(unit);
    else out.splice(at, 0, unit);
  }
  return out;
}

const partyList = (s: Snapshot, lang: 'fi' | 'sv') => s.parties.map((p) => p.name[lang] || p.name.fi).join('\n');

/**
 * Compares two published versions: the title and validity, the parties, then section by section, area by
 * area and forum by forum (matched by their ids), word by word in both languages.
 */
export function diffSnapshots(a: Snapshot, b: Snapshot): DiffUnit[] {
  const metaFields = diffFields(
    { title: text(a.title), validFrom: code(a.validity.from), validUntil: code(a.validity.until) },
    { title: text(b.title), validFrom: code(b.validity.from), validUntil: code(b.validity.until) },
  );
  const partyFields = diffFields(
    { parties: text({ fi: partyList(a, 'fi'), sv: partyList(a, 'sv') }) },
    { parties: text({ fi: partyList(b, 'fi'), sv: partyList(b, 'sv') }) },
  );
  const A = items(a);
  const B = items(b);
  return [
    { kind: 'meta', id: 'meta', title: b.title, change: metaFields.some((f) => f.changed) ? 'changed' : 'unchanged', moved: false, fields: metaFields },
    { kind: 'parties', id: 'parties', title: { fi: 'Osapuolet', sv: 'Parter' }, change: partyFields.some((f) => f.changed) ? 'changed' : 'unchanged', moved: false, fields: partyFields },
    ...diffLists('section', A.section, B.section),
    ...diffLists('area', A.area, B.area),
    ...diffLists('forum', A.forum, B.forum),
  ];
}
