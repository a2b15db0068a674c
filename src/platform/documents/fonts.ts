import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Source Sans 3 (Adobe, SIL Open Font License 1.1) from the `source-sans` npm package, Adobe's own
 * release, which ships TrueType files (the @fontsource packages ship only WOFF/WOFF2, which PDF
 * writers cannot embed). The PDF renderer embeds subsets of these four files; nothing is read from
 * the host's font directories.
 */
export const fontFamily = 'Source Sans 3';

const files = {
  normal: 'SourceSans3-Regular.ttf',
  bold: 'SourceSans3-Bold.ttf',
  italics: 'SourceSans3-It.ttf',
  bolditalics: 'SourceSans3-BoldIt.ttf',
} as const;
export type FontStyleName = keyof typeof files;
export type FontFiles = Record<FontStyleName, Buffer>;

function fontDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('source-sans/package.json')), 'TTF');
}

// The files never change while the process runs: read them once, on first use.
let loading: Promise<FontFiles> | undefined;

export function loadFonts(): Promise<FontFiles> {
  loading ??= (async () => {
    const dir = fontDir();
    const entries = await Promise.all(
      (Object.keys(files) as FontStyleName[]).map(async (k) => [k, await readFile(path.join(dir, files[k]))] as const),
    );
    return Object.fromEntries(entries) as FontFiles;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
