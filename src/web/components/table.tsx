import type { ReactNode } from 'react';

/**
 * Wraps a table so that on a narrow screen it scrolls sideways in its own box instead of widening
 * the page (WCAG 1.4.10). The box is a named region in the tab order, so keyboard users can scroll
 * it too (WCAG 2.1.1, axe `scrollable-region-focusable`). Needed for tables whose cells hold no
 * links or buttons; a table with a link in every row is reachable through those.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
