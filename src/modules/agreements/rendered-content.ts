import type { Bilingual } from './agreement.ts';
import { renderMarkdown } from './markdown.ts';
import type { Snapshot } from './snapshot.ts';

/** An agreement's content ready for a page: Markdown rendered (sanitised) to HTML in both languages. */
export interface RenderedContent {
  title: Bilingual;
  validity: Snapshot['validity'];
  parties: Snapshot['parties'];
  coordinatingPartyId: string;
  sections: { id: string; key: string | null; heading: Bilingual; html: Bilingual; lacksSwedish: boolean }[];
  areas: (Snapshot['areas'][number] & { descriptionHtml: Bilingual })[];
  forums: Snapshot['forums'];
}

/** Section headings are h3 on the pages; `#` in a body becomes h4. */
const HEADING_OFFSET = 3;

const html = (b: Bilingual): Bilingual => ({
  fi: renderMarkdown(b.fi, { headingOffset: HEADING_OFFSET }),
  sv: renderMarkdown(b.sv, { headingOffset: HEADING_OFFSET }),
});

export function renderContent(s: Snapshot): RenderedContent {
  return {
    title: s.title,
    validity: s.validity,
    parties: s.parties,
    coordinatingPartyId: s.coordinatingPartyId,
    sections: s.sections.map((x) => ({
      id: x.id,
      key: x.key,
      heading: x.heading,
      html: html(x.body),
      lacksSwedish: !x.heading.sv.trim() || (x.body.fi.trim() !== '' && !x.body.sv.trim()),
    })),
    areas: s.areas.map((a) => ({ ...a, descriptionHtml: html(a.description) })),
    forums: s.forums,
  };
}
