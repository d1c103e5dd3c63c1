// The `next` parameter of /sign-in and /sign-up comes from the address bar, so anyone can craft
// it. It becomes a `Location` header (a signed-in visitor is sent on at once), the target of the
// sign-in and sign-up actions' redirect, and the `href` of the pages' back link; a browser must
// read every one of those as a path on this site.
//
// Checking the text as typed is not enough: the browser resolves dot segments (`/.//evil`,
// `/..//evil`, `/%2e%2e//evil` all become `//evil`), drops tabs and newlines anywhere
// (`/\t/evil` becomes `//evil`) and reads `\` as `/`. So the candidate is parsed the way a
// browser parses it (the WHATWG URL parser) against an origin of our own, and what comes back
// is the parser's normalised path, checked again.

/** A made-up origin: `.invalid` can never be a real host, so only a relative path stays on it. */
const PLACEHOLDER_ORIGIN = 'http://app.invalid';

// C0 controls (tab, CR, LF, NUL...), DEL and backslashes have no place in a path we produce;
// the parser would silently drop or rewrite them, so they are refused before it sees them.
const REFUSED_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

// A single leading slash. `//` or `/\` would make the browser read a host name.
const PATH_ON_THIS_SITE = /^\/(?![/\\])/;

/**
 * Where to go after signing in: the normalised form (`pathname + search + hash`) of a path on
 * this site, or `fallback` for anything else, so `next` cannot send a visitor to another site.
 */
export function safeNextPath(value: unknown, fallback = '/'): string {
  // Checked before parsing as well as after: `//app.invalid/x` would otherwise pass as `/x`.
  if (typeof value !== 'string' || !PATH_ON_THIS_SITE.test(value) || REFUSED_CHARACTERS.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return PATH_ON_THIS_SITE.test(path) ? path : fallback;
}
