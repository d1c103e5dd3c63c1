// The Content-Security-Policy of every response, and HSTS (issue 13, item 6). People paste secrets
// into these pages and staff look at customers' setups in them, so a page runs only the scripts
// the app itself put in it, loads nothing from anywhere else and cannot be framed.
//
// Two policies, and one header on every response: next.config.ts sends NON_PAGE_POLICY with
// every response (API routes, static files, the icon), and proxy.ts replaces it on the app's
// pages with pagePolicy(), built around a nonce made for that one request. Next finds the nonce
// in the request's policy and puts it on every script it renders. Plain code, no server-only: the
// proxy and next.config.ts load it as well as the app.

/** HSTS for a year, subdomains included; sent only on responses to https requests. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * For everything that is not one of the app's pages: JSON, scripts and stylesheets as files, the
 * icon. None of them is a document that should load or run anything, or be framed; should a
 * browser ever open one as a document (an SVG, a JSON answer), it stays inert.
 */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export interface PagePolicyOptions {
  /** This request's nonce (newNonce), carried by Next's scripts and the app's one inline script. */
  nonce: string;
  /** The client reached the app over https (requestIsHttps): ask the browser to stay on https. */
  https: boolean;
  /** `next dev`: React rebuilds server error stacks with eval and the dev tools inject styles. */
  development?: boolean;
}

/**
 * The policy of one page response. Each directive is what the app's pages need, no more:
 *  - scripts: only those carrying this response's nonce (Next's own, the wizard's boot script),
 *    and what they load ('strict-dynamic': Next loads its chunks by adding script elements).
 *    'self' is for browsers without 'strict-dynamic'; those that have it ignore 'self'. No eval.
 *  - styles: the app's stylesheet files. No page renders a style attribute or a <style> element
 *    (app/not-found.tsx replaces Next's built-in 404, which does both); React and Next set styles
 *    from script through element.style, which a policy does not govern.
 *  - images: the icon. The illustrations are inline SVG, which is markup, not an image load; no
 *    page or stylesheet uses data: images.
 *  - fonts: none are downloaded (system fonts), so 'self' is only a bound.
 *  - connections: server actions, the router's fetches and the help panel's polling, all to the
 *    app itself.
 *  - nothing may frame a page, <base> cannot move relative URLs elsewhere, forms post only to the
 *    app, and plugins (<object>, <embed>) are off.
 */
export function pagePolicy({ nonce, https, development = false }: PagePolicyOptions): string {
  const directives: string[][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", ...(development ? ["'unsafe-inline'"] : [])],
    ['img-src', "'self'"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    // Over plain http it would make the browser ask for https resources the server may not have.
    ...(https ? [['upgrade-insecure-requests']] : []),
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/**
 * A nonce for one response: 128 random bits in base64 (what CSP's nonce-source and Next's
 * reading of it accept). Web Crypto, available in Node and in the proxy alike.
 */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The nonce of a policy's script-src (where Next looks for it too); undefined without one. */
export function nonceOf(policy: string): string | undefined {
  const scriptSrc = policy
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .find(([name]) => name === 'script-src');
  const source = scriptSrc?.find((value) => /^'nonce-[A-Za-z0-9+/_-]+={0,2}'$/.test(value));
  return source?.slice("'nonce-".length, -1);
}
