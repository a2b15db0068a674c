import { catalogs } from '#i18n/index.ts';
import { formatDocumentDate, type Block, type DocumentModel, type InlineRun, type RichText } from '#platform/documents/index.ts';
import type { Bilingual } from './agreement.ts';
import { MEMBER_GROUP_NAMES } from './agreement.ts';
import type { DecisionRecord, SignatureRecord } from './approval.ts';
import { markdownTokens } from './markdown.ts';
import type { Snapshot } from './snapshot.ts';

export type ExportLang = 'fi' | 'sv';

/** The Swedish text when asked and written, else the Finnish (the agreement's text of record). */
const pick = (b: Bilingual, lang: ExportLang) => (lang === 'sv' && b.sv.trim() ? b.sv : b.fi);

const ABSOLUTE = /^(https?:\/\/|mailto:)/i;

type Token = ReturnType<typeof markdownTokens>[number];

/** Inline tokens → runs with emphasis and (absolute) links; relative links keep their text only. */
function inlineRuns(children: readonly Token[]): InlineRun[] {
  const runs: InlineRun[] = [];
  let bold = 0;
  let italic = 0;
  let link: string | undefined;
  const push = (text: string) => {
    if (!text) return;
    const run: InlineRun = { text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}), ...(link ? { link } : {}) };
    const last = runs.at(-1);
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic && last.link === run.link) last.text += text;
    else runs.push(run);
  };
  for (const t of children) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
        push(t.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        push(' ');
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'link_open': {
        const href = String(t.attrGet('href') ?? '');
        link = ABSOLUTE.test(href) ? href : undefined;
        break;
      }
      case 'link_close':
        link = undefined;
        break;
      default:
        if (t.content) push(t.content);
    }
  }
  return runs;
}

const richOf = (runs: InlineRun[]): RichText => (runs.every((r) => !r.bold && !r.italic && !r.link) ? runs.map((r) => r.text).join('') : runs);

/**
 * The agreement's Markdown subset → document blocks: headings (shifted below the section heading,
 * at most level 3), paragraphs and lists (nested items are flattened into the outer list with a dash).
 */
export function markdownBlocks(text: string, headingBase: 1 | 2): Block[] {
  const tokens = markdownTokens(text);
  const blocks: Block[] = [];
  let list: { ordered: boolean; items: RichText[] } | null = null;
  let depth = 0;
  let heading: number | null = null;
  for (const t of tokens) {
    switch (t.type) {
      case 'heading_open':
        heading = Math.min(3, Number(t.tag.slice(1)) + headingBase);
        break;
      case 'heading_close':
        heading = null;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (depth === 0) list = { ordered: t.type === 'ordered_list_open', items: [] };
        depth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        depth--;
        if (depth === 0 && list) {
          if (list.items.length) blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
          list = null;
        }
        break;
      case 'inline': {
        const runs = inlineRuns(t.children ?? []);
        if (runs.length === 0) break;
        if (heading !== null) blocks.push({ type: 'heading', level: heading as 1 | 2 | 3, text: runs.map((r) => r.text).join('') });
        else if (list) list.items.push(depth > 1 ? richOf([{ text: '– ' }, ...runs]) : richOf(runs));
        else blocks.push({ type: 'paragraph', content: richOf(runs) });
        break;
      }
    }
  }
  return blocks;
}

export interface ExportFacts {
  version: { number: number; label: string; sha256: string; publishedAt: Date };
  /** Decision records on this version (public records), oldest first. */
  decisions: readonly (Pick<DecisionRecord, 'partyId' | 'body' | 'meetingDate' | 'section' | 'outcome'>)[];
  /** Signatures in force on this version (revoked ones left out); a wet-ink one may have its scanned page. */
  signatures: readonly (Pick<SignatureRecord, 'partyId' | 'signerName' | 'signerTitle' | 'signedOn' | 'place' | 'method' | 'sha256'> & { scan?: SignatureRecord['scan'] })[];
}

/**
 * One published version as a document in Finnish or Swedish: title, parties with Business IDs, validity,
 * the sections, areas of cooperation, forums, decisions and signatures, and the content SHA-256 both in
 * the text and in the metadata (custom property contentSha256).
 */
export function buildAgreementDocument(s: Snapshot, facts: ExportFacts, lang: ExportLang): DocumentModel {
  const t = catalogs[lang].agreementDocument;
  const ta = catalogs[lang].agreements;
  const date = (d: string) => formatDocumentDate(d, lang);
  const partyName = new Map(s.parties.map((p) => [p.id, pick(p.name, lang)]));
  const coordinator = partyName.get(s.coordinatingPartyId) ?? '';
  const hash = facts.version.sha256;
  const blocks: Block[] = [];

  blocks.push({ type: 'heading', level: 1, text: t.partiesHeading });
  blocks.push({
    type: 'table',
    header: [t.colParty, t.colBusinessId],
    columnWidths: [3, 1],
    rows: s.parties.map((p) => [p.id === s.coordinatingPartyId ? `${pick(p.name, lang)} (${t.coordinator})` : pick(p.name, lang), p.businessId ?? '']),
  });
  blocks.push({ type: 'heading', level: 1, text: t.validityHeading });
  blocks.push({ type: 'paragraph', content: t.validity(date(s.validity.from), s.validity.until ? date(s.validity.until) : null) });

  s.sections.forEach((x, i) => {
    blocks.push({ type: 'heading', level: 1, text: `${i + 1} ${pick(x.heading, lang)}` });
    blocks.push(...markdownBlocks(pick(x.body, lang), 1));
  });

  if (s.areas.length) {
    blocks.push({ type: 'heading', level: 1, text: t.areasHeading });
    for (const a of s.areas) {
      blocks.push({ type: 'heading', level: 2, text: pick(a.name, lang) });
      blocks.push(...markdownBlocks(pick(a.description, lang), 2));
      const sides = [
        [t.countySide, a.countySide],
        [t.municipalSide, a.municipalSide],
        [t.regionalCouncilSide, a.regionalCouncilSide],
      ] as const;
      for (const [label, side] of sides) {
        const text = pick(side, lang).trim();
        if (text) blocks.push({ type: 'paragraph', content: [{ text: `${label}: `, bold: true }, { text }] });
      }
    }
  }

  if (s.forums.length) {
    blocks.push({ type: 'heading', level: 1, text: t.forumsHeading });
    for (const f of s.forums) {
      blocks.push({ type: 'heading', level: 2, text: pick(f.name, lang) });
      if (pick(f.purpose, lang).trim()) blocks.push(...markdownBlocks(pick(f.purpose, lang), 2));
      const note = pick(f.frequencyNote, lang).trim();
      blocks.push({
        type: 'paragraph',
        content: [
          { text: `${t.level}: `, bold: true },
          { text: `${ta.levels[f.level]}. ` },
          { text: `${t.meets}: `, bold: true },
          { text: note ? `${ta.frequencies[f.frequency]} (${note})` : ta.frequencies[f.frequency] },
        ],
      });
      if (f.members.length) {
        blocks.push({ type: 'paragraph', content: [{ text: t.members, bold: true }] });
        blocks.push({
          type: 'list',
          ordered: false,
          items: f.members.map((m) => {
            const who = m.partyName ? pick(m.partyName, lang) : m.group ? pick(MEMBER_GROUP_NAMES[m.group], lang) : '';
            const role = pick(m.role, lang).trim();
            return role ? `${who}: ${role}` : who;
          }),
        });
      }
    }
  }

  if (facts.decisions.length) {
    blocks.push({ type: 'heading', level: 1, text: t.decisionsHeading });
    blocks.push({
      type: 'table',
      header: [t.colParty, t.colBody, t.colDate, t.colSection, t.colOutcome],
      columnWidths: [3, 3, 2, 1, 2],
      rows: facts.decisions.map((d) => [partyName.get(d.partyId) ?? '', pick(d.body, lang), date(d.meetingDate), d.section, t.outcomes[d.outcome]]),
    });
  }

  if (facts.signatures.length) {
    blocks.push({ type: 'heading', level: 1, text: t.signaturesHeading });
    for (const g of facts.signatures) {
      blocks.push({
        type: 'signature',
        name: g.signerName,
        ...(g.signerTitle ? { title: g.signerTitle } : {}),
        organisation: partyName.get(g.partyId) ?? '',
        ...(g.place ? { place: g.place } : {}),
        date: g.signedOn,
        method: t.methods[g.method],
        hash: { label: t.hashLabel, value: g.sha256 },
      });
      if (g.scan) blocks.push({ type: 'paragraph', content: [{ text: t.scanAttached(g.scan.fileName, g.scan.sha256), italic: true }] });
    }
  }

  blocks.push({ type: 'paragraph', content: [{ text: `${t.hashLabel}: `, bold: true }, { text: hash }] });
  blocks.push({ type: 'paragraph', content: [{ text: t.hashNote, italic: true }] });

  return {
    title: pick(s.title, lang),
    subtitle: t.version(facts.version.number, facts.version.label),
    language: lang,
    metadata: {
      author: coordinator,
      organisation: coordinator,
      subject: t.subject,
      keywords: s.parties.map((p) => pick(p.name, lang)),
      description: `${t.hashLabel}: ${hash}`,
      customProperties: { contentSha256: hash, agreementVersion: String(facts.version.number) },
      // The version's publishing time: the same version always gives the same document.
      created: facts.version.publishedAt,
    },
    blocks,
  };
}
