import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { wordDiff } from '#modules/agreements/index.ts';
import { WordDiff } from './word-diff.tsx';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"');

describe('WordDiff', () => {
  it('marks insertions and deletions in the text itself, not only with styles', () => {
    const parts = wordDiff('Kukin osapuoli vastaa omista kuluistaan.', 'Kukin osapuoli vastaa omista kustannuksistaan.');
    const html = renderToStaticMarkup(createElement(WordDiff, { parts, labels: { added: 'lisätty', removed: 'poistettu', end: 'muutos päättyy' }, lang: 'fi' }));
    expect(html).toContain('<del><span class="visually-hidden">[poistettu: </span>kuluistaan<span class="visually-hidden"> – muutos päättyy]</span></del>');
    expect(html).toContain('<ins><span class="visually-hidden">[lisätty: </span>kustannuksistaan<span class="visually-hidden"> – muutos päättyy]</span></ins>');
    // With every style and tag stripped away, the words still say what changed.
    expect(textOf(html)).toBe('Kukin osapuoli vastaa omista [poistettu: kuluistaan – muutos päättyy][lisätty: kustannuksistaan – muutos päättyy].');
  });

  it('uses the page language for the hidden words', () => {
    const html = renderToStaticMarkup(createElement(WordDiff, { parts: wordDiff('a', 'b'), labels: { added: 'tillagt', removed: 'borttaget', end: 'ändringen slutar' } }));
    expect(textOf(html)).toBe('[borttaget: a – ändringen slutar][tillagt: b – ändringen slutar]');
  });
});
