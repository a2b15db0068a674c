/**
 * A small structured document model that the DOCX and PDF/A renderers share. Callers (agreement
 * exports, annual follow-up reports) build it with text that is already in the document's language;
 * this layer adds no words of its own, so both renderers put exactly the model's text on the page.
 */

export type DocumentLanguage = 'fi' | 'sv' | 'en';

/** BCP 47 tags written into the files (DOCX w:lang, PDF /Lang and XMP dc:language). */
export const documentLocale: Record<DocumentLanguage, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export interface InlineRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** An absolute http(s) or mailto URL. */
  link?: string;
}
/** Plain text, or runs with emphasis and links. */
export type RichText = string | readonly InlineRun[];

export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3;
  text: string;
}
export interface ParagraphBlock {
  type: 'paragraph';
  content: RichText;
}
export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: readonly RichText[];
}
export interface TableBlock {
  type: 'table';
  /** The header row; repeated at the top of every page the table runs onto. */
  header: readonly string[];
  rows: readonly (readonly RichText[])[];
  /** Relative column widths (e.g. [3, 1, 2]); equal widths when left out. */
  columnWidths?: readonly number[];
}
export interface PageBreakBlock {
  type: 'pageBreak';
}
export interface SignatureBlock {
  type: 'signature';
  name: string;
  /** The signer's title or role, e.g. "kaupunginjohtaja". */
  title?: string;
  organisation?: string;
  place?: string;
  /** Calendar date of signing, YYYY-MM-DD; printed in the document language's short form. */
  date?: string;
  /** How it was signed, in the document language, e.g. "Sähköinen allekirjoitus, vahva tunnistus". */
  method?: string;
  /** e.g. { label: 'Sisällön tiiviste (SHA-256)', value: '9f86…' } */
  hash?: { label: string; value: string };
}
export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | PageBreakBlock | SignatureBlock;

export interface DocumentMetadata {
  /** Person or body that wrote the document (DOCX creator, PDF Author, XMP dc:creator). */
  author: string;
  /** Issuing organisation (XMP dc:publisher, DOCX extended property Company). */
  organisation?: string;
  subject?: string;
  keywords?: readonly string[];
  /** Free-form description (DOCX dc:description). */
  description?: string;
  /** Name → value. Names are XML names without a prefix (letters, digits, start with a letter), e.g. contentSha256. */
  customProperties?: Readonly<Record<string, string>>;
  created: Date;
}

export interface DocumentModel {
  title: string;
  subtitle?: string;
  language: DocumentLanguage;
  metadata: DocumentMetadata;
  blocks: readonly Block[];
}

export const customPropertyName = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

/** Refuses models that a renderer would turn into a broken file. Called by both renderers. */
export function assertRenderable(doc: DocumentModel): void {
  const fail = (why: string): never => {
    throw new Error(`documents: ${why}`);
  };
  if (!doc.title.trim()) fail('title is empty');
  if (Number.isNaN(doc.metadata.created.getTime())) fail('metadata.created is not a date');
  for (const name of Object.keys(doc.metadata.customProperties ?? {})) {
    if (!customPropertyName.test(name)) fail(`custom property name "${name}" is not a plain XML name`);
  }
  for (const block of doc.blocks) {
    if (block.type === 'table') {
      const cols = block.header.length;
      if (cols === 0) fail('table has no columns');
      if (block.columnWidths && (block.columnWidths.length !== cols || block.columnWidths.some((w) => !(w > 0)))) {
        fail('table columnWidths must give one positive number per column');
      }
      if (block.rows.some((r) => r.length !== cols)) fail('table row length differs from the header');
    }
    if (block.type === 'signature' && block.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(block.date)) {
      fail(`signature date "${block.date}" is not YYYY-MM-DD`);
    }
    for (const run of blockRuns(block)) {
      if (run.link !== undefined && !/^(https?:\/\/|mailto:)/i.test(run.link)) fail(`link "${run.link}" is not http(s) or mailto`);
    }
  }
}

export function runsOf(text: RichText): readonly InlineRun[] {
  return typeof text === 'string' ? [{ text }] : text;
}

export function plainText(text: RichText): string {
  return runsOf(text)
    .map((r) => r.text)
    .join('');
}

function blockRuns(block: Block): InlineRun[] {
  switch (block.type) {
    case 'paragraph':
      return [...runsOf(block.content)];
    case 'list':
      return block.items.flatMap((i) => [...runsOf(i)]);
    case 'table':
      return block.rows.flatMap((r) => r.flatMap((c) => [...runsOf(c)]));
    default:
      return [];
  }
}

/** d.M.yyyy for Finnish and Swedish (as written in Finland), d Month yyyy for English. */
export function formatDocumentDate(isoDate: string, lang: DocumentLanguage): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  if (lang === 'en') {
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, d)),
    );
  }
  return `${d}.${m}.${y}`;
}

/** The signature block's lines, in order; both renderers print exactly these. */
export function signatureLines(block: SignatureBlock, lang: DocumentLanguage): { text: string; strong?: boolean }[] {
  const lines: { text: string; strong?: boolean }[] = [];
  const placeDate = [block.place, block.date && formatDocumentDate(block.date, lang)].filter(Boolean).join(', ');
  if (placeDate) lines.push({ text: placeDate });
  lines.push({ text: block.name, strong: true });
  const role = [block.title, block.organisation].filter(Boolean).join(', ');
  if (role) lines.push({ text: role });
  if (block.method) lines.push({ text: block.method });
  if (block.hash) lines.push({ text: `${block.hash.label}: ${block.hash.value}` });
  return lines;
}

/**
 * The model's text as the reader sees it, one entry per paragraph-like unit (title, heading,
 * paragraph, list item, table cell, signature line), in reading order. Tests check that each
 * rendered file yields these, in this order.
 */
export function documentTextUnits(doc: DocumentModel): string[] {
  const units = [doc.title];
  if (doc.subtitle) units.push(doc.subtitle);
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'heading':
        units.push(block.text);
        break;
      case 'paragraph':
        units.push(plainText(block.content));
        break;
      case 'list':
        units.push(...block.items.map(plainText));
        break;
      case 'table':
        units.push(...block.header, ...block.rows.flatMap((r) => r.map(plainText)));
        break;
      case 'signature':
        units.push(...signatureLines(block, doc.language).map((l) => l.text));
        break;
      case 'pageBreak':
        break;
    }
  }
  return units.filter((u) => u.trim() !== '');
}
