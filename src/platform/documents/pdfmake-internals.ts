import { createRequire } from 'node:module';

/**
 * pdfmake 0.3's public entry is a process-wide singleton (fonts, virtual file system and access
 * policies are set on it), and its renderer writes no structure tags even with `tagged: true`.
 * So the PDF renderer drives pdfmake's own layout engine and renderer classes directly (the same
 * steps as pdfmake's Printer.createPdfKitDocument), per call, with subclasses that add tags and
 * our XMP. These are pdfmake's internal modules: the version is pinned exactly, and the tests in
 * documents.test.ts fail if an upgrade changes them.
 */

const require = createRequire(import.meta.url);

/** The parts of PDFKit's document (via pdfmake's subclass) that the renderer uses. */
export interface PdfKitDocument {
  page: { dictionary: unknown };
  info: Record<string, unknown>;
  _currentStructureElement?: StructureElement;
  text(text: string, x?: number, y?: number, options?: unknown): this;
  addPage(options?: unknown): this;
  markContent(tag: string, options?: unknown): this;
  markStructureContent(tag: string, options?: unknown): StructureContent;
  endMarkedContent(): this;
  struct(type: string, options?: Record<string, unknown>): StructureElement;
  addStructure(element: StructureElement): this;
  appendXML(xml: string, newline?: boolean): void;
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  end(): void;
}
export type StructureContent = object;
export interface StructureElement {
  add(child: StructureElement | StructureContent): StructureElement;
  end(): void;
}

export type FontDescriptors = Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>;
export interface VirtualFs {
  existsSync(name: string): boolean;
  readFileSync(name: string): Buffer;
}

export type PdfmakeDocumentClass = new (
  fonts: FontDescriptors,
  images: object,
  patterns: object,
  attachments: object,
  options: object,
  virtualfs: VirtualFs,
  localAccessPolicy: undefined,
) => PdfKitDocument;

export interface PdfmakeLine {
  inlines: Record<string, unknown>[];
}
export interface PdfmakeRenderer {
  renderPages(pages: unknown[]): void;
  renderLine(line: PdfmakeLine, x: number, y: number): void;
  renderVector(vector: unknown): void;
}
export type PdfmakeRendererClass = new (doc: PdfKitDocument, progressCallback?: undefined) => PdfmakeRenderer;

export interface PdfmakeLayoutBuilder {
  registerTableLayouts(layouts: Record<string, unknown>): void;
  layoutDocument(
    content: unknown,
    doc: PdfKitDocument,
    styles: Record<string, unknown>,
    defaultStyle: Record<string, unknown>,
    background: undefined,
    header: undefined,
    footer: undefined,
    watermark: undefined,
    pageBreakBefore: (node: { headlineLevel?: number }, nodes: { getFollowingNodesOnPage(): unknown[] }) => boolean,
  ): unknown[];
}

type PageSize = { width: number; height: number };

export const pdfmake = {
  Document: (require('pdfmake/js/PDFDocument.js') as { default: PdfmakeDocumentClass }).default,
  Renderer: (require('pdfmake/js/Renderer.js') as { default: PdfmakeRendererClass }).default,
  LayoutBuilder: (
    require('pdfmake/js/LayoutBuilder.js') as {
      default: new (pageSize: PageSize, margins: unknown, svgMeasure: unknown) => PdfmakeLayoutBuilder;
    }
  ).default,
  SVGMeasure: (require('pdfmake/js/SVGMeasure.js') as { default: new () => unknown }).default,
  pageSize: require('pdfmake/js/PageSize.js') as {
    normalizePageSize(size: string, orientation: string): PageSize;
    normalizePageMargin(margin: number | number[]): unknown;
  },
  tableLayouts: (require('pdfmake/js/tableLayouts.js') as { tableLayouts: Record<string, unknown> }).tableLayouts,
};
