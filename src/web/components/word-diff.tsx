import type { DiffPart } from '#modules/agreements/index.ts';

/**
 * A word diff, readable without colour: insertions are <ins> (underlined) and deletions <del> (struck
 * through), and each starts with visually hidden text ("lisätty" / "poistettu" in the page language) and
 * ends with a hidden end marker, so screen readers and copied text tell them apart too.
 */
export function WordDiff({ parts, labels, lang }: { parts: DiffPart[]; labels: { added: string; removed: string; end: string }; lang?: string }) {
  return (
    <div className="word-diff" lang={lang}>
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'ins' ? (
          <ins key={i}>
            <span className="visually-hidden">[{labels.added}: </span>
            {p.text}
            <span className="visually-hidden"> – {labels.end}]</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">[{labels.removed}: </span>
            {p.text}
            <span className="visually-hidden"> – {labels.end}]</span>
          </del>
        ),
      )}
    </div>
  );
}
