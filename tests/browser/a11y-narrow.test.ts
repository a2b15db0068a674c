import { accessibilitySuites } from './a11y-pages.ts';

/** Every page in English, and in Finnish at 320 CSS px (WCAG 1.4.10 reflow) (the pages: tests/browser/a11y-pages.ts). */
accessibilitySuites({ langs: ['en'], narrow: true });
