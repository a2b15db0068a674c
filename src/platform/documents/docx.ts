import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { fontFamily } from './fonts.ts';
import {
  assertRenderable,
  documentLocale,
  runsOf,
  signatureLines,
  type Block,
  type DocumentModel,
  type RichText,
} from './model.ts';
import { isoSeconds, xmlEscape } from './xml.ts';

/**
 * DOCX (Office Open XML) for attaching to agendas in case-management systems. Uses Word's built-in
 * style ids (Title, Heading1–3, with outline levels) so Word and LibreOffice build their navigation
 * pane and a table of contents from the headings; sets the document language on the default run
 * properties; repeats table header rows; writes core, extended and custom properties.
 *
 * The font is named (Source Sans 3), not embedded: a reader without it substitutes a sans-serif.
 */

// A4 and 2 cm margins, in twentieths of a point.
const pageWidth = 11906;
const pageHeight = 16838;
const margin = 1134;
const textWidth = pageWidth - 2 * margin;

const colours = { heading: '002F5F', muted: '4C4C4C', headerFill: 'E6EEF6' } as const;

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  assertRenderable(model);
  const locale = documentLocale[model.language];
  let listInstance = 0;

  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] })];
  if (model.subtitle) children.push(new Paragraph({ style: 'Subtitle', children: [new TextRun(model.subtitle)] }));
  for (const block of model.blocks) children.push(...renderBlock(block));

  function renderBlock(block: Block): (Paragraph | Table)[] {
    switch (block.type) {
      case 'heading':
        return [new Paragraph({ heading: headingLevels[block.level], children: [new TextRun(block.text)] })];
      case 'paragraph':
        return [new Paragraph({ children: inlines(block.content) })];
      case 'list': {
        const reference = block.ordered ? 'kp-numbered' : 'kp-bullet';
        const instance = ++listInstance; // each list starts its own numbering
        return block.items.map((item) => new Paragraph({ numbering: { reference, level: 0, instance }, children: inlines(item) }));
      }
      case 'table':
        return [table(block.header, block.rows, block.columnWidths)];
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
      case 'signature': {
        const lines = signatureLines(block, model.language);
        return lines.map(
          (line, i) =>
            new Paragraph({
              keepNext: i < lines.length - 1,
              keepLines: true,
              spacing: { before: i === 0 ? 360 : 0, after: i === lines.length - 1 ? 240 : 0 },
              children: [new TextRun({ text: line.text, bold: line.strong })],
            }),
        );
      }
    }
  }

  const meta = model.metadata;
  const document = new Document({
    title: model.title,
    subject: meta.subject,
    creator: meta.author,
    keywords: meta.keywords?.join('; '),
    description: meta.description,
    customProperties: Object.entries(meta.customProperties ?? {}).map(([name, value]) => ({ name, value })),
    styles: {
      default: {
        document: {
          run: { font: fontFamily, size: 22, language: { value: locale } },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        title: { run: { font: fontFamily, size: 40, bold: true, color: colours.heading }, paragraph: { spacing: { after: 120 } } },
        heading1: {
          run: { font: fontFamily, size: 32, bold: true, color: colours.heading },
          paragraph: { outlineLevel: 0, keepNext: true, spacing: { before: 360, after: 120 } },
        },
        heading2: {
          run: { font: fontFamily, size: 28, bold: true, color: colours.heading },
          paragraph: { outlineLevel: 1, keepNext: true, spacing: { before: 240, after: 120 } },
        },
        heading3: {
          run: { font: fontFamily, size: 24, bold: true, color: colours.heading },
          paragraph: { outlineLevel: 2, keepNext: true, spacing: { before: 240, after: 80 } },
        },
        hyperlink: { run: { color: '0F5BA7', underline: {} } },
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 28, color: colours.muted },
          paragraph: { spacing: { after: 240 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'kp-bullet',
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: listIndent }],
        },
        {
          reference: 'kp-numbered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: listIndent }],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: pageWidth, height: pageHeight }, margin: { top: margin, right: margin, bottom: margin, left: margin } } },
        children,
      },
    ],
  });

  // docx stamps "now" into core.xml and writes an empty app.xml: replace both with the model's values.
  return Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: coreXml(model, locale) },
    { path: 'docProps/app.xml', data: appXml(model) },
  ]);
}

const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const listIndent = { paragraph: { indent: { left: 567, hanging: 340 } } };

function inlines(text: RichText, forceBold = false): ParagraphChild[] {
  return runsOf(text).map((run) => {
    const textRun = new TextRun({
      text: run.text,
      bold: forceBold || run.bold,
      italics: run.italic,
      style: run.link ? 'Hyperlink' : undefined,
    });
    return run.link ? new ExternalHyperlink({ link: run.link, children: [textRun] }) : textRun;
  });
}

function table(header: readonly string[], rows: readonly (readonly RichText[])[], relative?: readonly number[]): Table {
  const weights = relative ?? header.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * textWidth));
  const cell = (content: RichText, i: number, isHeader: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      shading: isHeader ? { type: ShadingType.CLEAR, color: 'auto', fill: colours.headerFill } : undefined,
      children: [new Paragraph({ spacing: { after: 0 }, children: inlines(content, isHeader) })],
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

function coreXml(model: DocumentModel, locale: string): string {
  const m = model.metadata;
  const el = (name: string, value: string | undefined) => (value ? `<${name}>${xmlEscape(value)}</${name}>` : '');
  const created = isoSeconds(m.created);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', model.title) +
    el('dc:subject', m.subject) +
    el('dc:creator', m.author) +
    el('cp:keywords', m.keywords?.join('; ')) +
    el('dc:description', m.description) +
    el('dc:language', locale) +
    el('cp:lastModifiedBy', m.author) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function appXml(model: DocumentModel): string {
  const company = model.metadata.organisation ? `<Company>${xmlEscape(model.metadata.organisation)}</Company>` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `${company}<Application>Kumppanuus</Application></Properties>` // schema order: Company before Application
  );
}
