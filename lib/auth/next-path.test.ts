import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

// Each value is what the page receives in `searchParams.next`, already percent-decoded once by
// the framework: `?next=%2F%09%2Fevil` arrives as "/\t/evil", `?next=%2F%2509%2Fevil` as "/%09/evil".

const APP = 'https://app.example';

/** Where a browser goes for `Location: <path>` or `href="<path>"` on one of our pages. */
function whereABrowserGoes(path: string): URL {
  return new URL(path, `${APP}/sign-in?next=x`);
}

describe('safeNextPath', () => {
  // [what arrives in `next`, what the page redirects and links to]
  const table: [string, string][] = [
    // Legitimate paths are kept, with their query and hash.
    ['/accounts?x=1#y', '/accounts?x=1#y'],
    ['/#configure-in-client', '/#configure-in-client'],
    ['/support/sessions/abc', '/support/sessions/abc'],
    ['/accounts?next=//evil', '/accounts?next=//evil'],
    ['/#//evil', '/#//evil'],
    // Normalised the way a browser would read them.
    ['/a/../b', '/b'],
    ['/./accounts', '/accounts'],
    ['/ /evil', '/%20/evil'],
    ['/accounts ', '/accounts'],
    // Other schemes and other sites.
    ['javascript:alert(1)', '/'],
    ['JaVaScRiPt:alert(1)', '/'],
    ['https://evil.example', '/'],
    ['http://app.invalid/x', '/'],
    // Protocol-relative, directly or with extra slashes.
    ['//evil', '/'],
    ['///evil', '/'],
    ['//app.invalid/x', '/'],
    [' //evil', '/'],
    // Dot segments that leave `//` behind once resolved (the reported bug).
    ['/.//evil', '/'],
    ['/..//evil', '/'],
    ['/.//evil.example/phish', '/'],
    ['/..//evil.example/phish', '/'],
    ['/accounts/../../..//evil', '/'],
    ['/%2e//evil', '/'],
    ['/%2e%2e//evil', '/'],
    ['/.%2e//evil', '/'],
    ['/x/%2e%2e/%2e%2e//evil', '/'],
    // Backslashes, which a browser reads as `/`.
    ['/\\evil', '/'],
    ['/\\\\evil', '/'],
    ['\\\\evil', '/'],
    ['/..\\evil', '/'],
    ['/.\\/evil', '/'],
    // Tabs, newlines and other controls, which a browser drops or refuses.
    ['/\t/evil', '/'],
    ['/\n/evil', '/'],
    ['/\r/evil', '/'],
    ['/\r\n/evil', '/'],
    ['/\u0000/evil', '/'],
    ['/\u007f/evil', '/'],
    // Encoded forms stay encoded: a browser never decodes them into a host name.
    ['/%09/evil', '/%09/evil'],
    ['/%0a/evil', '/%0a/evil'],
    ['/%2F%2Fevil', '/%2F%2Fevil'],
    ['/%2f%2fevil', '/%2f%2fevil'],
    ['/..%2F/evil', '/..%2F/evil'],
    ['/%5Cevil', '/%5Cevil'],
    ['/%5C%5Cevil', '/%5C%5Cevil'],
    ['/%252F%252Fevil', '/%252F%252Fevil'],
    // A path that only looks like a scheme is a path.
    ['/javascript:alert(1)', '/javascript:alert(1)'],
    ['/@evil.example', '/@evil.example'],
    // Not a path at all.
    ['', '/'],
    ['accounts', '/'],
    ['?x=1', '/'],
    ['#y', '/'],
  ];

  it.each(table)('%j becomes %j', (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it.each(table)('%j keeps the browser on this site, and checking again changes nothing', (value) => {
    const path = safeNextPath(value);
    expect(path).toMatch(/^\/(?![/\\])/);
    expect(whereABrowserGoes(path).origin).toBe(APP);
    // The page hands its `next` to the form, the action checks it again, and the switch link
    // between sign-in and sign-up carries it on: every pass must agree with the first.
    expect(safeNextPath(path)).toBe(path);
  });

  it('refuses values that are not a single string, such as a repeated `next`', () => {
    for (const value of [undefined, null, 42, ['/accounts', '//evil'], { toString: () => '/accounts' }]) {
      expect(safeNextPath(value)).toBe('/');
    }
  });

  it('answers the given fallback for anything refused', () => {
    expect(safeNextPath('/.//evil', '/accounts')).toBe('/accounts');
    expect(safeNextPath('/support', '/accounts')).toBe('/support');
  });
});
