import { foldTypedText } from '@/lib/providers/text-fold';

// Internationalised domain names (例子.公司, bücher.example). DNS, TLS and the login all take a
// domain in its ASCII form (`xn--fsqu00a.xn--55qx5d`); the user sees it as typed. The
// conversion is the WHATWG URL host parser's (UTS #46, non-transitional), which node:url's
// `domainToASCII` also runs: the address schema runs in the browser as well as on the server,
// and only the URL parser exists in both (idn.test.ts holds the two to the same answers). No
// imports beyond text folding: step 1 loads this file with the page.

// What ends a host inside a URL, or cannot be in one: left in, the parser would read a different
// host from the one typed (`a/b.com` as `a`), so such text is no domain at all.
const NOT_IN_A_DOMAIN = /[\s/\\?#@:%[\]<>^|"'`{}]/u;
// Anything outside printable ASCII.
const NON_ASCII = /[^\x20-\x7e]/u;

/** True when `text` has a character outside printable ASCII. */
export const hasNonAscii = (text: string): boolean => NON_ASCII.test(text);

/**
 * The ASCII form of a domain (lower case, each non-ASCII label as `xn--` Punycode), or undefined
 * when the text is no domain the URL parser accepts (an unencodable label, a forbidden character,
 * a last label that reads as a number). ASCII text is returned as it is: the address rules judge it.
 */
export function toAsciiDomain(domain: string): string | undefined {
  if (!hasNonAscii(domain)) return domain;
  if (domain === '' || NOT_IN_A_DOMAIN.test(domain)) return undefined;
  let hostname: string;
  try {
    hostname = new URL(`http://${domain}/`).hostname;
  } catch {
    return undefined;
  }
  // The parser also reads IPv4 addresses and IPv6 literals: a domain is neither.
  if (hostname.startsWith('[') || /^[\d.]+$/.test(hostname)) return undefined;
  return hostname;
}

/**
 * The domain of a typed address as the user sees it: after the last "@", folded as the address
 * schema folds it (full-width characters, the ideographic full stop, letter case) but not
 * converted to ASCII. Empty when nothing follows an "@".
 */
export function domainAsTyped(typed: string): string {
  const folded = foldTypedText(typed).replace(/\u3002/gu, '.').trim().toLowerCase();
  const at = folded.lastIndexOf('@');
  return at === -1 ? '' : folded.slice(at + 1);
}

/**
 * How to show a domain the address schema returned (`ascii`) to the user who typed `typed`: as
 * typed when that is the same domain, else the ASCII form (the typed text has moved on).
 */
export function shownDomain(ascii: string, typed: string): string {
  const asTyped = domainAsTyped(typed);
  return asTyped !== ascii && toAsciiDomain(asTyped) === ascii ? asTyped : ascii;
}

/** An address with its domain shown as typed (see shownDomain). */
export function shownAddress(address: string, typed: string): string {
  const at = address.lastIndexOf('@');
  if (at === -1) return address;
  return `${address.slice(0, at + 1)}${shownDomain(address.slice(at + 1), typed)}`;
}
