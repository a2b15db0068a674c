/**
 * Where to go after signing in: only a path of this site. The value is resolved as a browser would resolve it
 * (WHATWG URL: tabs and newlines are dropped, so `/\t/evil.example` is `//evil.example`, and `\` is `/`) and
 * refused unless it stays on this origin; control characters and backslashes are refused outright (a newline
 * in a Location header is a 500, not a redirect). Returns the normalised path, query and fragment.
 */
export function safeReturnTo(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  const base = 'https://return-to.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
