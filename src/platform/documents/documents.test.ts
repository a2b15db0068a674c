import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertRenderable, documentTextUnits, formatDocumentDate, renderDocx, renderPdf, timeExport, type DocumentModel } from './index.ts';
import { sampleAgreement } from './sample-agreement.ts';

const run = promisify(execFile);
const installed = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const hasSoffice = installed('soffice');
const hasPoppler = installed('pdfinfo') && installed('pdffonts') && installed('pdftotext');
const skipNote = (ok: boolean, what: string) => (ok ? '' : ` — SKIPPED: ${what} is not installed (.ci/run installs it)`);
if (!hasSoffice) console.warn('documents.test: soffice not found; the LibreOffice checks are skipped');
if (!hasPoppler) console.warn('documents.test: poppler-utils not found; the PDF checks are skipped');

const langs = ['fi', 'sv'] as const;
type Lang = (typeof langs)[number];
const samples = Object.fromEntries(langs.map((l) => [l, sampleAgreement(l)])) as Record<Lang, ReturnType<typeof sampleAgreement>>;

/** A table long enough to run onto a second page. */
const longTable: DocumentModel = {
  title: 'Indikaattorit',
  language: 'fi',
  metadata: { author: 'Testi', created: new Date('2026-01-15T08:00:00Z') },
  blocks: [
    {
      type: 'table',
      header: ['Indikaattori', 'Alue', 'Arvo'],
      columnWidths: [4, 2, 1],
      rows: Array.from({ length: 70 }, (_, i) => [`Indikaattori ${i + 1}`, 'Pohjois-Karjala', String(i * 3)]),
    },
  ],
};

/** Whitespace-free text, so line wrapping and list markers' spacing do not matter. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** Every unit occurs in `text`, each after the previous one. Returns the units not found in order. */
function missingInOrder(text: string, units: readonly string[]): string[] {
  const hay = squash(text);
  let at = 0;
  const missing: string[] = [];
  for (const unit of units) {
    const found = hay.indexOf(squash(unit), at);
    if (found < 0) missing.push(unit);
    else at = found + squash(unit).length;
  }
  return missing;
}

let dir: string;
const files: Record<string, { docx: string; pdf: string }> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kp-documents-'));
  for (const lang of langs) {
    const { model } = samples[lang];
    files[lang] = { docx: path.join(dir, `${lang}.docx`), pdf: path.join(dir, `${lang}.pdf`) };
    await writeFile(files[lang].docx, await renderDocx(model));
    await writeFile(files[lang].pdf, await renderPdf(model));
  }
  files.long = { docx: path.join(dir, 'long.docx'), pdf: path.join(dir, 'long.pdf') };
  await writeFile(files.long.docx, await renderDocx(longTable));
  await writeFile(files.long.pdf, await renderPdf(longTable));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('document model', () => {
  it('refuses models a renderer would turn into a broken file', async () => {
    const table: DocumentModel = { ...longTable, blocks: [{ type: 'table', header: ['A', 'B'], rows: [['1']] }] };
    expect(() => assertRenderable(table)).toThrow(/row length/);
    const badName: DocumentModel = { ...longTable, metadata: { ...longTable.metadata, customProperties: { 'content hash': 'x' } } };
    await expect(renderPdf(badName)).rejects.toThrow(/not a plain XML name/);
    await expect(renderDocx(badName)).rejects.toThrow(/not a plain XML name/);
    const badLink: DocumentModel = { ...longTable, blocks: [{ type: 'paragraph', content: [{ text: 'x', link: 'javascript:alert(1)' }] }] };
    expect(() => assertRenderable(badLink)).toThrow(/not http/);
  });

  it('lists the text a reader sees, signature lines included, with dates in the document language', () => {
    const { model, contentSha256 } = samples.fi;
    const units = documentTextUnits(model);
    expect(units[0]).toBe('Strateginen yhteistyösopimus');
    expect(units).toContain('Joensuu, 2.4.2026');
    expect(units).toContain(`Sisällön tiiviste (SHA-256): ${contentSha256}`);
    expect(contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(formatDocumentDate('2026-04-02', 'sv')).toBe('2.4.2026');
    expect(formatDocumentDate('2026-04-02', 'en')).toBe('2 April 2026');
  });
});

describe('DOCX export', () => {
  it('uses Word heading styles with outline levels, repeats table headers, sets language and properties', async () => {
    const { model, contentSha256 } = samples.sv;
    const zip = await JSZip.loadAsync(await readFile(files.sv!.docx));
    const part = (name: string) => zip.file(name)!.async('string');
    const document = await part('word/document.xml');
    const styles = await part('word/styles.xml');
    const core = await part('docProps/core.xml');
    const custom = await part('docProps/custom.xml');
    const app = await part('docProps/app.xml');
    for (const level of [1, 2, 3]) expect(document).toContain(`<w:pStyle w:val="Heading${level}"/>`);
    expect(document).toContain('<w:pStyle w:val="Title"/>');
    expect(styles).toMatch(/w:styleId="Heading1".*?<w:outlineLvl w:val="0"\/>/s);
    expect(styles).toMatch(/w:styleId="Heading3".*?<w:outlineLvl w:val="2"\/>/s);
    expect(styles).toContain('<w:lang w:val="sv-FI"/>');
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(2); // parties and decisions tables
    expect(core).toContain('<dc:title>Strategiskt samarbetsavtal</dc:title>');
    expect(core).toContain('<dc:creator>Arbetsgruppen för gränsytor</dc:creator>');
    expect(core).toContain('<cp:keywords>samarbetsavtal; gränsyta; främjande av välfärd och hälsa</cp:keywords>');
    expect(core).toContain(`<dc:subject>${model.metadata.subject}</dc:subject>`);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-31T09:00:00Z</dcterms:created>');
    expect(custom).toMatch(new RegExp(`name="contentSha256"><vt:lpwstr>${contentSha256}</vt:lpwstr>`));
    expect(app).toContain('<Company>Norra Karelens välfärdsområde</Company>');
  });

  it('escapes metadata text', async () => {
    const zip = await JSZip.loadAsync(await renderDocx({ ...longTable, title: 'T&K <yhteistyö>' }));
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:title>T&amp;K &lt;yhteistyö&gt;</dc:title>');
  });

  describe.skipIf(!hasSoffice)(`opened by LibreOffice${skipNote(hasSoffice, 'soffice')}`, () => {
    async function soffice(target: string, inputs: string[]): Promise<string> {
      const out = await mkdtemp(path.join(dir, 'lo-out-'));
      const profile = await mkdtemp(path.join(dir, 'lo-profile-'));
      await run(
        'soffice',
        [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', out, ...inputs],
        { timeout: 120_000 },
      );
      return out;
    }
    let txt: string;
    let html: string;
    beforeAll(async () => {
      txt = await soffice('txt:Text (encoded):UTF8', [files.fi!.docx, files.sv!.docx]);
      html = await soffice('html', [files.fi!.docx, files.long!.docx]);
    }, 180_000);

    it.each(langs)('%s: every text unit, in order, with ä/ö/å and the content hash', async (lang) => {
      const text = await readFile(path.join(txt, `${lang}.txt`), 'utf8');
      expect(missingInOrder(text, documentTextUnits(samples[lang].model))).toEqual([]);
      expect(text).toContain(samples[lang].contentSha256);
      expect(text).toMatch(/ä/);
      expect(text).toMatch(/ö/);
      expect(text).toMatch(/Å/);
    });

    it('sees heading levels 1–3, table header rows, the language and the link', async () => {
      const page = await readFile(path.join(html, 'fi.html'), 'utf8');
      expect(page).toMatch(/<h1[^>]*>1 Sopimusosapuolet<\/h1>/);
      expect(page).toMatch(/<h2[^>]*>4\.1 Hyvinvoinnin ja terveyden edistäminen<\/h2>/);
      expect(page).toMatch(/<h3[^>]*>Mittarit<\/h3>/);
      expect(page.match(/<thead>/g)).toHaveLength(2);
      expect(page).toContain('lang="fi-FI"');
      expect(page).toMatch(/<a href="https:\/\/www\.finlex\.fi\/fi\/lainsaadanto\/2021\/612"[^>]*>/);
      const long = await readFile(path.join(html, 'long.html'), 'utf8');
      expect(long).toContain('<thead>');
    });
  });
});

describe.skipIf(!hasPoppler)(`PDF/A-2b export${skipNote(hasPoppler, 'poppler-utils')}`, () => {
  const tool = async (cmd: string, args: string[]) => (await run(cmd, args, { maxBuffer: 10_000_000 })).stdout;

  it.each(langs)('%s: pdfinfo reports title, PDF 1.7, tagged, not encrypted, content hash property', async (lang) => {
    const { model, contentSha256 } = samples[lang];
    const info = await tool('pdfinfo', ['-custom', files[lang]!.pdf]);
    expect(info).toMatch(new RegExp(`^Title:\\s+${model.title}$`, 'm'));
    expect(info).toMatch(/^contentSha256:\s+([0-9a-f]{64})$/m);
    expect(info).toContain(contentSha256);
    const plain = await tool('pdfinfo', [files[lang]!.pdf]);
    expect(plain).toMatch(/^Tagged:\s+yes$/m);
    expect(plain).toMatch(/^Encrypted:\s+no$/m);
    expect(plain).toMatch(/^PDF version:\s+1\.7$/m);
    expect(plain).toMatch(/^Author:\s+\S/m);
    expect(plain).toMatch(/^Page size:.*\(A4\)$/m);
  });

  it.each(langs)('%s: XMP says PDF/A-2b and carries title, creator, language and the content hash', async (lang) => {
    const { model, contentSha256 } = samples[lang];
    const xmp = await tool('pdfinfo', ['-meta', files[lang]!.pdf]);
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${model.title}</rdf:li>`);
    expect(xmp).toContain(`<dc:creator><rdf:Seq><rdf:li>${model.metadata.author}</rdf:li></rdf:Seq></dc:creator>`);
    expect(xmp).toContain(`<dc:language><rdf:Bag><rdf:li>${lang}-FI</rdf:li></rdf:Bag></dc:language>`);
    expect(xmp).toContain(`<kp:contentSha256>${contentSha256}</kp:contentSha256>`);
    expect(xmp).toContain('<pdfaProperty:name>contentSha256</pdfaProperty:name>'); // declared, as PDF/A requires
    expect(xmp).toContain('<xmp:CreateDate>2026-03-31T09:00:00Z</xmp:CreateDate>');
  });

  it('escapes text in the XMP', async () => {
    const file = path.join(dir, 'escape.pdf');
    await writeFile(file, await renderPdf({ ...longTable, title: 'T&K <yhteistyö>' }));
    expect(await tool('pdfinfo', ['-meta', file])).toContain('<rdf:li xml:lang="x-default">T&amp;K &lt;yhteistyö&gt;</rdf:li>');
    expect(await tool('pdfinfo', [file])).toMatch(/^Title:\s+T&K <yhteistyö>$/m);
  });

  it.each(langs)('%s: every font is embedded and none is Type 3', async (lang) => {
    const rows = (await tool('pdffonts', [files[lang]!.pdf])).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2); // regular and bold at least
    for (const row of rows) {
      expect(row).toMatch(/SourceSans3/);
      expect(row).not.toMatch(/Type 3/);
      // columns: name type encoding emb sub uni object ID
      expect(row.trim().split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    }
  });

  it.each(langs)('%s: pdftotext gives every text unit, in order, with ä/ö/å and the content hash', async (lang) => {
    const text = await tool('pdftotext', ['-raw', '-enc', 'UTF-8', files[lang]!.pdf, '-']);
    expect(missingInOrder(text, documentTextUnits(samples[lang].model))).toEqual([]);
    expect(text).toContain(samples[lang].contentSha256);
    expect(text).toMatch(/ä/);
    expect(text).toMatch(/ö/);
    expect(text).toMatch(/Å/);
  });

  it('has a structure tree: headings, a table with header cells, lists, a link, signature blocks', async () => {
    const tree = await tool('pdfinfo', ['-struct-text', files.fi!.pdf]);
    expect(tree).toMatch(/^\s*H1 \(block\)\n\s*"Strateginen yhteistyösopimus"/m);
    expect(tree).toMatch(/^\s*H2 \(block\)\n\s*"1 Sopimusosapuolet"/m);
    expect(tree).toMatch(/^\s*H3 \(block\)\n\s*"4\.1 Hyvinvoinnin ja terveyden edistäminen"/m);
    expect(tree).toMatch(/^\s*H4 \(block\)\n\s*"Mittarit"/m);
    expect(tree.match(/^\s*TH\b/gm)).toHaveLength(7); // 3 + 4 header cells
    expect(tree).toMatch(/\/Scope \/Column/);
    expect(tree.match(/^\s*L \(block\)/gm)).toHaveLength(3);
    expect(tree).toMatch(/\/ListNumbering \/Decimal/);
    expect(tree).toMatch(/^\s*Link \(inline\)\n\s*"lakiin sosiaali- ja "/m);
    expect(tree.match(/^\s*Div\b/gm)).toHaveLength(3);
  });

  it('repeats a long table header on the next page, tagged once', async () => {
    const info = await tool('pdfinfo', [files.long!.pdf]);
    expect(info).toMatch(/^Pages:\s+[2-9]$/m);
    const text = await tool('pdftotext', ['-raw', '-enc', 'UTF-8', files.long!.pdf, '-']);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
    expect(text.match(/^\f?Indikaattori Alue Arvo$/gm)).toHaveLength(pages); // pages start with a form feed
    const tree = await tool('pdfinfo', ['-struct', files.long!.pdf]); // -struct-text is slow on big tables
    expect(tree.match(/^\s*TH\b/gm)).toHaveLength(3);
    expect(tree.match(/^\s*TR\b/gm)).toHaveLength(71);
  });
});

describe('timing helper', () => {
  it('times an export on a model without keeping state', async () => {
    const { model } = samples.fi;
    const a = await timeExport(renderDocx, model, { runs: 3, warmup: 0 });
    expect(a.ms).toHaveLength(3);
    expect(a.minMs).toBeLessThanOrEqual(a.medianMs);
    expect(a.medianMs).toBeLessThanOrEqual(a.maxMs);
    expect(a.bytes).toBeGreaterThan(5_000);
    const b = await timeExport(renderPdf, model, { runs: 1, warmup: 0 });
    expect(b.ms).toHaveLength(1);
    expect(b.bytes).toBeGreaterThan(20_000);
    await expect(timeExport(renderPdf, model, { runs: 0 })).rejects.toThrow(/positive/);
  });
});
