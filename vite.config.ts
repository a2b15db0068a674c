import { reactRouter } from '@react-router/dev/vite';
import { defineConfig, type Plugin } from 'vite';
import { suomifiDesignTokens } from 'suomifi-design-tokens';

/**
 * Suomi.fi design tokens (colours, spacing) as CSS custom properties, generated from the
 * suomifi-design-tokens package into app.css where it says `/* @suomifi-tokens *\/`.
 */
function suomifiTokens(): Plugin {
  const t = suomifiDesignTokens as unknown as { colors: Record<string, string>; spacing: Record<string, string> };
  const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const css = `:root {\n${[
    ...Object.entries(t.colors).map(([k, v]) => `  --fi-color-${kebab(k)}: ${v};`),
    ...Object.entries(t.spacing).map(([k, v]) => `  --fi-spacing-${kebab(k)}: ${v};`),
  ].join('\n')}\n}`;
  return {
    name: 'suomifi-tokens',
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0]!.endsWith('.css') || !code.includes('/* @suomifi-tokens */')) return undefined;
      return { code: code.replace('/* @suomifi-tokens */', css), map: null };
    },
  };
}

export default defineConfig({
  plugins: [suomifiTokens(), reactRouter()],
  build: { assetsInlineLimit: 0 },
  server: { host: '127.0.0.1' },
});
