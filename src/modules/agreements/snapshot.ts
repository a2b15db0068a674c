import type { Agreement, Area, Bilingual, EntryRule, Forum, ForumFrequency, ForumLevel, MemberGroup, PartyRef, Section } from './agreement.ts';

/**
 * What a published version holds: everything the parties approve and sign. Built from the working draft
 * at publishing time and stored as canonical JSON (see canonical.ts); never changed afterwards.
 */
export interface Snapshot {
  schema: 'kumppanuus.agreement-version/1';
  agreementId: string;
  number: number;
  label: string;
  countyCode: string;
  title: Bilingual;
  validity: { from: string; until: string | null };
  entryRule: EntryRule;
  predecessorId: string | null;
  coordinatingPartyId: string;
  parties: { id: string; code: string; type: string; businessId: string | null; name: Bilingual; language: string }[];
  sections: { id: string; key: string | null; heading: Bilingual; body: Bilingual }[];
  areas: { id: string; name: Bilingual; description: Bilingual; countySide: Bilingual; municipalSide: Bilingual; regionalCouncilSide: Bilingual }[];
  forums: {
    id: string;
    name: Bilingual;
    level: ForumLevel;
    frequency: ForumFrequency;
    frequencyNote: Bilingual;
    purpose: Bilingual;
    members: { partyId: string | null; partyName: Bilingual | null; group: MemberGroup | null; role: Bilingual }[];
  }[];
}

const bi = (b: Bilingual): Bilingual => ({ fi: b.fi, sv: b.sv });

export function buildSnapshot(input: {
  agreement: Agreement;
  number: number;
  label: string;
  parties: PartyRef[];
  sections: Section[];
  areas: Area[];
  forums: Forum[];
}): Snapshot {
  const { agreement: a } = input;
  const partyName = new Map(input.parties.map((p) => [p.id, { fi: p.name.fi, sv: p.name.sv }]));
  return {
    schema: 'kumppanuus.agreement-version/1',
    agreementId: a.id,
    number: input.number,
    label: input.label,
    countyCode: a.countyCode,
    title: bi(a.title),
    validity: { from: a.validFrom, until: a.validUntil },
    entryRule: a.entryRule,
    predecessorId: a.predecessorId,
    coordinatingPartyId: a.coordinatingPartyId,
    parties: input.parties.map((p) => ({
      id: p.id,
      code: p.code,
      type: p.type,
      businessId: p.businessId,
      name: { fi: p.name.fi, sv: p.name.sv },
      language: p.language,
    })),
    sections: input.sections.map((s) => ({ id: s.id, key: s.templateKey, heading: bi(s.heading), body: bi(s.body) })),
    areas: input.areas.map((x) => ({
      id: x.id,
      name: bi(x.name),
      description: bi(x.description),
      countySide: bi(x.countySide),
      municipalSide: bi(x.municipalSide),
      regionalCouncilSide: bi(x.regionalCouncilSide),
    })),
    forums: input.forums.map((f) => ({
      id: f.id,
      name: bi(f.name),
      level: f.level,
      frequency: f.frequency,
      frequencyNote: bi(f.frequencyNote),
      purpose: bi(f.purpose),
      members: f.members.map((m) => ({
        partyId: m.partyId,
        partyName: m.partyId ? (partyName.get(m.partyId) ?? null) : null,
        group: m.group,
        role: bi(m.role),
      })),
    })),
  };
}

export function parseSnapshot(canonical: string): Snapshot {
  return JSON.parse(canonical) as Snapshot;
}
