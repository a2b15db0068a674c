import MarkdownIt from 'markdown-it';

/**
 * Agreement texts are a safe Markdown subset: headings, lists, emphasis and links — nothing else.
 * Raw HTML is never passed through (html: false escapes it), images, tables and code are off, and links
 * must be http(s), mailto, or relative to this site. Rendered on the server only.
 */
const md = new MarkdownIt('zero', { html: false, linkify: false, typographer: false, breaks: false });
md.enable(['heading', 'list', 'emphasis', 'link', 'autolink', 'newline', 'escape', 'entity']);

const SAFE_LINK = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

/** Headings in a body sit below the section heading: `#` becomes h(offset+1), never beyond h6. */
md.core.ruler.push('shift_headings', (state) => {
  const offset = Number((state.env as { headingOffset?: number }).headingOffset ?? 0);
  if (!offset) return;
  for (const t of state.tokens) {
    if (t.type === 'heading_open' || t.type === 'heading_close') {
      const level = Number(t.tag.slice(1));
      t.tag = `h${Math.min(6, level + offset)}`;
    }
  }
});

/**
 * Rendered HTML by heading offset and source text, least recently used out first. The same texts are
 * rendered again and again (a published version never changes, and the agreement page renders every
 * section in both languages on each request): rendering 40 sections took ~10 % of the page's CPU time.
 * Rendering is a pure function of the two, so a hit is exactly what rendering would give.
 */
const rendered = new Map<string, string>();
let renderedChars = 0;
const RENDERED_MAX_CHARS = 4_000_000;

export function renderMarkdown(text: string, opts: { headingOffset?: number } = {}): string {
  if (!text.trim()) return '';
  const headingOffset = opts.headingOffset ?? 0;
  const key = `${headingOffset}\n${text}`;
  const hit = rendered.get(key);
  if (hit !== undefined) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const html = md.render(text, { headingOffset });
  if (key.length + html.length <= RENDERED_MAX_CHARS / 8) {
    rendered.set(key, html);
    renderedChars += key.length + html.length;
    for (const [k, v] of rendered) {
      if (renderedChars <= RENDERED_MAX_CHARS) break;
      rendered.delete(k);
      renderedChars -= k.length + v.length;
    }
  }
  return html;
}

/** The same subset as tokens (for the document exports, which build their own blocks; headings not shifted). */
export function markdownTokens(text: string): ReturnType<typeof md.parse> {
  return text.trim() ? md.parse(text, {}) : [];
}
