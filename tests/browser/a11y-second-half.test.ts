import { accessibilitySuites } from './a11y-pages.ts';

/** The other half of the pages (the first: a11y-first-half.test.ts), in Finnish at 320 px and in Swedish and English (tests/browser/a11y-pages.ts). */
accessibilitySuites({ part: 1 });
