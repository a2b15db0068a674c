import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('renderMarkdown (remembered renders)', () => {
  it('gives the same HTML again, and keeps texts with different heading offsets apart', () => {
    const text = '# Tavoitteet\n\n- **yksi**\n- [THL](https://thl.fi)';
    const shifted = renderMarkdown(text, { headingOffset: 3 });
    expect(shifted).toContain('<h4>Tavoitteet</h4>');
    expect(renderMarkdown(text, { headingOffset: 3 })).toBe(shifted);
    expect(renderMarkdown(text)).toContain('<h1>Tavoitteet</h1>');
    expect(renderMarkdown(text, { headingOffset: 1 })).toContain('<h2>Tavoitteet</h2>');
  });

  it('stays correct when more text is rendered than it keeps', () => {
    const big = (i: number) => `Kohta ${i}\n\n${'sana '.repeat(40_000)}`;
    for (let i = 0; i < 40; i++) expect(renderMarkdown(big(i))).toContain(`<p>Kohta ${i}</p>`);
    expect(renderMarkdown(big(0))).toContain('<p>Kohta 0</p>');
  });
});
