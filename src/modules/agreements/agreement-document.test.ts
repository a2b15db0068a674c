import { describe, expect, it } from 'vitest';
import { assertRenderable, documentTextUnits } from '#platform/documents/index.ts';
import { buildAgreementDocument, markdownBlocks } from './agreement-document.ts';
import type { Snapshot } from './snapshot.ts';

describe('markdownBlocks', () => {
  it('turns the Markdown subset into headings, paragraphs with emphasis and links, and lists', () => {
    const blocks = markdownBlocks('# Tavoite\n\nTeksti **lihava** ja *kursiivi* [Finlex](https://finlex.fi) ja [sisäinen](/parties).\n\n1. yksi\n2. kaksi\n   - alakohta\n\n#### Syvä', 1);
    expect(blocks).toEqual([
      { type: 'heading', level: 2, text: 'Tavoite' },
      {
        type: 'paragraph',
        content: [
          { text: 'Teksti ' },
          { text: 'lihava', bold: true },
          { text: ' ja ' },
          { text: 'kursiivi', italic: true },
          { text: ' ' },
          { text: 'Finlex', link: 'https://finlex.fi' },
          { text: ' ja sisäinen.' }, // a site-relative link keeps its text only (documents link absolute URLs)
        ],
      },
      { type: 'list', ordered: true, items: ['yksi', 'kaksi', '– alakohta'] },
      { type: 'heading', level: 3, text: 'Syvä' }, // at most level 3
    ]);
  });

  it('gives nothing for empty text and never passes raw HTML through as markup', () => {
    expect(markdownBlocks('  ', 1)).toEqual([]);
    expect(markdownBlocks('<b>x</b>', 1)).toEqual([{ type: 'paragraph', content: '<b>x</b>' }]);
  });
});

describe('buildAgreementDocument', () => {
  const snapshot: Snapshot = {
    schema: 'kumppanuus.agreement-version/1',
    agreementId: 'a',
    number: 2,
    label: 'Hallitukset',
    countyCode: 'HVA19',
    title: { fi: 'Sopimus', sv: '' },
    validity: { from: '2026-01-01', until: null },
    entryRule: 'all_approved_and_signed',
    predecessorId: null,
    coordinatingPartyId: 'p1',
    parties: [
      { id: 'p1', code: 'HVA19', type: 'wellbeing_services_county', businessId: '3221335-9', name: { fi: 'Hyvinvointialue', sv: 'Välfärdsområdet' }, language: 'fi' },
      { id: 'p2', code: '244', type: 'municipality', businessId: null, name: { fi: 'Kempele', sv: 'Kempele' }, language: 'fi' },
    ],
    sections: [{ id: 's', key: null, heading: { fi: 'Periaatteet', sv: 'Principer' }, body: { fi: '- yhdessä', sv: '' } }],
    areas: [],
    forums: [],
  };
  const facts = { version: { number: 2, label: 'Hallitukset', sha256: 'f'.repeat(64), publishedAt: new Date('2026-02-01T10:00:00Z') }, decisions: [], signatures: [] };

  it('carries the hash in the text and in the metadata; Swedish falls back to Finnish where a text is missing', () => {
    const doc = buildAgreementDocument(snapshot, facts, 'sv');
    assertRenderable(doc);
    expect(doc.metadata.customProperties).toEqual({ contentSha256: 'f'.repeat(64), agreementVersion: '2' });
    expect(doc.metadata.created.toISOString()).toBe('2026-02-01T10:00:00.000Z');
    const units = documentTextUnits(doc);
    expect(units).toContain(`Innehållets hashvärde (SHA-256): ${'f'.repeat(64)}`);
    expect(units.slice(0, 2)).toEqual(['Sopimus', 'Version 2: Hallitukset']);
    expect(units).toContain('Välfärdsområdet (samordnande part)');
    expect(units).toContain('3221335-9');
    expect(units).toContain('1 Principer');
    expect(units).toContain('yhdessä');
    expect(units).toContain('Avtalet gäller från 1.1.2026 tills vidare.');
    expect(units).not.toContain('Beslut'); // no decisions, no such heading
  });
});
