import { fontFamily, loadFonts, type FontFiles } from './fonts.ts';
import {
  assertRenderable,
  documentLocale,
  runsOf,
  signatureLines,
  type DocumentModel,
  type RichText,
} from './model.ts';
import {
  pdfmake,
  type PdfKitDocument,
  type PdfmakeLine,
  type StructureElement,
  type VirtualFs,
} from './pdfmake-internals.ts';
import { isoSeconds, xmlEscape } from './xml.ts';

/**
 * PDF/A-2b (ISO 19005-2, level B) for archiving, rendered in-process with pdfmake/PDFKit:
 * PDF 1.7, Source Sans 3 embedded (subset TrueType), sRGB output intent, no encryption, XMP with
 * pdfaid part 2 / conformance B, dc:title/creator/description/subject/language/publisher, and every
 * custom property (e.g. contentSha256) both in the Info dictionary and as an XMP property in our
 * own namespace, declared with a PDF/A extension schema as PDF/A requires.
 *
 * Tagged: a structure tree (Document; H1 for the title, H2–H4 for headings 1–3; P; L/LI/LBody;
 * Table/TR/TH/TD; Link with its annotation; Div for signature blocks), catalogue /Lang, and
 * decorations (rules, bullets, list numbers, repeated table headers) marked as artifacts.
 * Headings also become bookmarks.
 */

const namespace = { uri: 'urn:kumppanuus:xmp:document:1#', prefix: 'kp' } as const;
const producer = 'Kumppanuus (pdfmake 0.3, PDFKit)';
const creatorTool = 'Kumppanuus';
const colours = { heading: '#002F5F', muted: '#4C4C4C', link: '#0F5BA7', rule: '#9FB3C8', headerFill: '#E6EEF6' } as const;

export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  assertRenderable(model);
  const fonts = await loadFonts();
  const tags = new TagTree();
  const content = buildContent(model, tags);
  const meta = model.metadata;
  const custom = meta.customProperties ?? {};

  const info: Record<string, unknown> = {
    Title: model.title,
    Author: meta.author,
    ...(meta.subject ? { Subject: meta.subject } : {}),
    ...(meta.keywords?.length ? { Keywords: meta.keywords.join('; ') } : {}),
    Creator: creatorTool,
    Producer: producer,
    CreationDate: meta.created,
    ModDate: meta.created,
    ...custom,
  };

  const pageSize = pdfmake.pageSize.normalizePageSize('A4', 'portrait');
  const doc = new TaggedDocument(
    { [fontFamily]: { normal: 'normal', bold: 'bold', italics: 'italics', bolditalics: 'bolditalics' } },
    {},
    {},
    {},
    {
      size: [pageSize.width, pageSize.height],
      pdfVersion: '1.7',
      subset: 'PDF/A-2b',
      tagged: true,
      displayTitle: true,
      compress: true,
      lang: documentLocale[model.language],
      fontLayoutCache: true,
      bufferPages: false,
      autoFirstPage: false,
      info,
      font: null,
    },
    fontFs(fonts),
    undefined,
  );
  doc.kp = { tags, xmp: xmpDescriptions(model), line: undefined, index: 0, open: undefined, links: new Map() };
  tags.createElements(doc);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const builder = new pdfmake.LayoutBuilder(pageSize, pdfmake.pageSize.normalizePageMargin(margins), new pdfmake.SVGMeasure());
  builder.registerTableLayouts(pdfmake.tableLayouts);
  builder.registerTableLayouts({ kp: tableLayout });
  const pages = builder.layoutDocument(
    content,
    doc,
    styles,
    { font: fontFamily, fontSize: 10.5, lineHeight: 1.2 },
    undefined,
    undefined,
    undefined,
    undefined,
    // Never leave a heading alone at the foot of a page.
    (node, nodes) => node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().length === 0,
  );
  new TaggingRenderer(doc).renderPages(pages);
  doc.end();
  return done;
}

const margins = [57, 57, 57, 57]; // 2 cm
const styles: Record<string, Record<string, unknown>> = {
  title: { fontSize: 20, bold: true, color: colours.heading, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 14, color: colours.muted, margin: [0, 0, 0, 12] },
  h1: { fontSize: 16, bold: true, color: colours.heading, margin: [0, 14, 0, 6] },
  h2: { fontSize: 13.5, bold: true, color: colours.heading, margin: [0, 10, 0, 4] },
  h3: { fontSize: 12, bold: true, color: colours.heading, margin: [0, 8, 0, 4] },
  p: { margin: [0, 0, 0, 6] },
  list: { margin: [0, 0, 0, 6] },
  table: { margin: [0, 2, 0, 10] },
  th: { bold: true },
  signature: { margin: [0, 16, 0, 8] },
};
const tableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => colours.rule,
  vLineColor: () => colours.rule,
  fillColor: (row: number) => (row === 0 ? colours.headerFill : null),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

function fontFs(fonts: FontFiles): VirtualFs {
  const files: Record<string, Buffer> = fonts;
  return {
    existsSync: (name) => typeof name === 'string' && name in files,
    readFileSync: (name) => files[name]!,
  };
}

// ---- content -------------------------------------------------------------------------------

type Node = Record<string, unknown>;

function buildContent(model: DocumentModel, tags: TagTree): Node[] {
  const root = tags.root;
  const out: Node[] = [];
  let breakBefore = false;
  const push = (node: Node) => {
    if (breakBefore) node.pageBreak = 'before';
    breakBefore = false;
    out.push(node);
  };
  const runs = (text: RichText, leaf: Tag): Node[] =>
    runsOf(text).map((run) => ({
      text: run.text,
      ...(run.bold ? { bold: true } : {}),
      ...(run.italic ? { italics: true } : {}),
      ...(run.link ? { link: run.link, color: colours.link, decoration: 'underline', _kpLink: tags.linkId() } : {}),
      _kp: leaf.id,
    }));

  push({ text: runs(model.title, tags.add(root, 'H1')), style: 'title' });
  if (model.subtitle) push({ text: runs(model.subtitle, tags.add(root, 'P')), style: 'subtitle' });

  const outlineParents: (string | undefined)[] = [];
  let headingCount = 0;
  for (const block of model.blocks) {
    switch (block.type) {
      case 'heading': {
        const id = `kp-heading-${++headingCount}`;
        outlineParents[block.level] = id;
        outlineParents.length = block.level + 1;
        push({
          text: runs(block.text, tags.add(root, `H${block.level + 1}`)),
          style: `h${block.level}`,
          headlineLevel: block.level,
          id,
          outline: true,
          outlineText: block.text,
          outlineParentId: outlineParents.slice(0, block.level).findLast(Boolean),
        });
        break;
      }
      case 'paragraph':
        push({ text: runs(block.content, tags.add(root, 'P')), style: 'p' });
        break;
      case 'list': {
        const list = tags.add(root, 'L', { listNumbering: block.ordered ? 'Decimal' : 'Disc' });
        const items = block.items.map((item) => ({ text: runs(item, tags.add(tags.add(list, 'LI'), 'LBody')) }));
        push({ [block.ordered ? 'ol' : 'ul']: items, style: 'list' });
        break;
      }
      case 'table': {
        const table = tags.add(root, 'Table');
        const weights = block.columnWidths ?? block.header.map(() => 1);
        const sum = weights.reduce((a, b) => a + b, 0);
        const headerRow = tags.add(table, 'TR');
        const body = [
          block.header.map((h) => ({ text: runs(h, tags.add(headerRow, 'TH', { scope: 'Column', headerCell: true })), style: 'th' })),
          ...block.rows.map((row) => {
            const tr = tags.add(table, 'TR');
            return row.map((cell) => ({ text: runs(cell, tags.add(tr, 'TD')) }));
          }),
        ];
        push({
          table: { headerRows: 1, dontBreakRows: true, widths: weights.map((w) => `${((w / sum) * 100).toFixed(3)}%`), body },
          layout: 'kp',
          style: 'table',
        });
        break;
      }
      case 'pageBreak':
        breakBefore = true;
        break;
      case 'signature': {
        const div = tags.add(root, 'Div');
        push({
          stack: signatureLines(block, model.language).map((line) => ({
            text: runs(line.text, tags.add(div, 'P')),
            ...(line.strong ? { bold: true } : {}),
          })),
          unbreakable: true,
          style: 'signature',
        });
        break;
      }
    }
  }
  return out;
}

// ---- tagging -------------------------------------------------------------------------------

interface Tag {
  id: string;
  role: string;
  children: Tag[];
  options: { scope?: 'Column'; listNumbering?: string; headerCell?: boolean };
  element?: StructureElement;
  /** The page its content was first drawn on: a header cell drawn on a later page is a repeat. */
  firstPage?: unknown;
}

class TagTree {
  readonly root: Tag = { id: 't0', role: 'Document', children: [], options: {} };
  readonly byId = new Map<string, Tag>([['t0', this.root]]);
  private links = 0;

  add(parent: Tag, role: string, options: Tag['options'] = {}): Tag {
    const tag: Tag = { id: `t${this.byId.size}`, role, children: [], options };
    parent.children.push(tag);
    this.byId.set(tag.id, tag);
    return tag;
  }

  linkId(): string {
    return `l${++this.links}`;
  }

  /** Every element but links exists before drawing starts; content is attached as it is drawn. */
  createElements(doc: PdfKitDocument): void {
    const create = (tag: Tag): StructureElement => {
      const options: Record<string, unknown> = {};
      if (tag.options.scope) options.scope = tag.options.scope;
      const element = doc.struct(tag.role, options);
      if (tag.options.listNumbering) {
        (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
          O: 'List',
          ListNumbering: tag.options.listNumbering,
        };
      }
      tag.element = element;
      return element;
    };
    const walk = (tag: Tag) => {
      for (const child of tag.children) {
        tag.element!.add(create(child));
        walk(child);
      }
    };
    doc.addStructure(create(this.root));
    walk(this.root);
  }
}

type Target = Tag | 'artifact' | { link: StructureElement };

interface KpState {
  tags: TagTree;
  xmp: string;
  line: PdfmakeLine | undefined;
  index: number;
  open: Target | undefined;
  /** Link elements on the current page, by link run id (a link that wraps onto a new page gets a new element). */
  links: Map<string, StructureElement>;
}

class TaggedDocument extends pdfmake.Document {
  kp!: KpState;

  /** pdfmake's renderer calls text() once per inline of the line being drawn, in order. */
  override text(text: string, x?: number, y?: number, options?: unknown): this {
    const k = this.kp;
    if (k.line) this.switchTo(this.targetOf(k.line.inlines[k.index++]));
    return super.text(text, x, y, options);
  }

  override addPage(options?: unknown): this {
    // PDFKit records a link's page when its element is written: end (write) them on their page.
    for (const link of this.kp.links.values()) link.end();
    this.kp.links.clear();
    return super.addPage(options);
  }

  beginLine(line: PdfmakeLine): void {
    this.kp.line = line;
    this.kp.index = 0;
  }

  endLine(): void {
    this.switchTo(undefined);
    this.kp.line = undefined;
  }

  private targetOf(inline: Record<string, unknown> | undefined): Target {
    const tag = typeof inline?._kp === 'string' ? this.kp.tags.byId.get(inline._kp) : undefined;
    if (!tag) return 'artifact'; // list numbers and anything else pdfmake adds
    if (tag.options.headerCell && tag.firstPage !== undefined && tag.firstPage !== this.page) return 'artifact';
    tag.firstPage ??= this.page;
    if (typeof inline?._kpLink !== 'string') return tag;
    let link = this.kp.links.get(inline._kpLink);
    if (!link) {
      link = this.struct('Link');
      tag.element!.add(link);
      this.kp.links.set(inline._kpLink, link);
    }
    return { link };
  }

  private switchTo(target: Target | undefined): void {
    const k = this.kp;
    const same =
      target === k.open ||
      (typeof target === 'object' && typeof k.open === 'object' && 'link' in target && 'link' in k.open && target.link === k.open.link);
    if (same) return;
    if (k.open !== undefined) {
      this.endMarkedContent();
      this._currentStructureElement = undefined;
    }
    k.open = target;
    if (target === undefined) return;
    if (target === 'artifact') {
      this.markContent('Artifact');
    } else if ('link' in target) {
      target.link.add(this.markStructureContent('Link'));
      this._currentStructureElement = target.link; // PDFKit then ties the link annotation to it
    } else {
      target.element!.add(this.markStructureContent(target.role));
    }
  }

  /** Replaces PDFKit's XMP (which does not escape text) with ours; pdfaid is added by PDFKit. */
  _addInfo(): void {
    this.appendXML(this.kp.xmp);
  }
}

class TaggingRenderer extends pdfmake.Renderer {
  constructor(private readonly doc: TaggedDocument) {
    super(doc);
  }

  override renderLine(line: PdfmakeLine, x: number, y: number): void {
    this.doc.beginLine(line);
    super.renderLine(line, x, y);
    this.doc.endLine();
  }

  override renderVector(vector: unknown): void {
    this.doc.markContent('Artifact');
    super.renderVector(vector);
    this.doc.endMarkedContent();
  }
}

// ---- XMP -----------------------------------------------------------------------------------

function xmpDescriptions(model: DocumentModel): string {
  const m = model.metadata;
  const e = xmlEscape;
  const date = isoSeconds(m.created);
  const alt = (name: string, value: string) =>
    `<${name}><rdf:Alt><rdf:li xml:lang="x-default">${e(value)}</rdf:li></rdf:Alt></${name}>`;
  const bag = (name: string, values: readonly string[]) =>
    `<${name}><rdf:Bag>${values.map((v) => `<rdf:li>${e(v)}</rdf:li>`).join('')}</rdf:Bag></${name}>`;
  const custom = Object.entries(m.customProperties ?? {});

  const parts = [
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">` +
      `<xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate>` +
      `<xmp:MetadataDate>${date}</xmp:MetadataDate><xmp:CreatorTool>${e(creatorTool)}</xmp:CreatorTool></rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
      '<dc:format>application/pdf</dc:format>' +
      alt('dc:title', model.title) +
      `<dc:creator><rdf:Seq><rdf:li>${e(m.author)}</rdf:li></rdf:Seq></dc:creator>` +
      (m.subject ? alt('dc:description', m.subject) : '') +
      (m.keywords?.length ? bag('dc:subject', m.keywords) : '') +
      (m.organisation ? bag('dc:publisher', [m.organisation]) : '') +
      bag('dc:language', [documentLocale[model.language]]) +
      '</rdf:Description>',
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">` +
      `<pdf:Producer>${e(producer)}</pdf:Producer>` +
      (m.keywords?.length ? `<pdf:Keywords>${e(m.keywords.join('; '))}</pdf:Keywords>` : '') +
      '</rdf:Description>',
  ];
  if (custom.length > 0) {
    parts.push(
      `<rdf:Description rdf:about="" xmlns:${namespace.prefix}="${namespace.uri}">` +
        custom.map(([k, v]) => `<${namespace.prefix}:${k}>${e(v)}</${namespace.prefix}:${k}>`).join('') +
        '</rdf:Description>',
      // PDF/A allows only declared XMP properties: declare ours.
      '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" ' +
        'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">' +
        '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">' +
        '<pdfaSchema:schema>Kumppanuus document properties</pdfaSchema:schema>' +
        `<pdfaSchema:namespaceURI>${namespace.uri}</pdfaSchema:namespaceURI>` +
        `<pdfaSchema:prefix>${namespace.prefix}</pdfaSchema:prefix>` +
        '<pdfaSchema:property><rdf:Seq>' +
        custom
          .map(
            ([k]) =>
              '<rdf:li rdf:parseType="Resource">' +
              `<pdfaProperty:name>${k}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>` +
              '<pdfaProperty:category>external</pdfaProperty:category>' +
              `<pdfaProperty:description>${e(k)}</pdfaProperty:description></rdf:li>`,
          )
          .join('') +
        '</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>',
    );
  }
  return parts.join('\n');
}
