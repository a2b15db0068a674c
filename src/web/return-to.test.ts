import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.ts';

describe('safeReturnTo: only paths of this site', () => {
  it('keeps a path with its query and fragment', () => {
    expect(safeReturnTo('/sv/parties?q=Ou#list', '/')).toBe('/sv/parties?q=Ou#list');
  });
  it.each([
    ['//evil.example/', 'protocol-relative'],
    ['/\t/evil.example/', 'a tab that browsers drop (issue 8, finding 4)'],
    ['/\n/evil.example/', 'a newline (was a 500)'],
    ['/\\evil.example', 'a backslash browsers read as a slash'],
    ['https://evil.example/', 'absolute'],
    ['evil.example', 'not a path'],
    ['/%0d%0aSet-Cookie:x', 'encoded CR LF stays encoded'],
  ])('%s (%s)', (value) => {
    const r = safeReturnTo(value, '/fallback');
    expect(r === '/fallback' || (r.startsWith('/') && !r.startsWith('//') && !/[\r\n\t]/.test(r))).toBe(true);
    expect(new URL(r, 'https://kumppanuus.test').origin).toBe('https://kumppanuus.test');
  });
  it('refuses what is not a string', () => {
    expect(safeReturnTo(undefined, '/x')).toBe('/x');
    expect(safeReturnTo(['/a'], '/x')).toBe('/x');
  });
});
