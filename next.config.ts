import type { NextConfig } from 'next';
import { HSTS, NON_PAGE_POLICY } from './lib/security/content-security-policy';

/**
 * Sent with every response, pages, API routes, static files and 404s alike (issue 13: people
 * paste secrets here, and staff look at customers' setups). Nothing may frame the app (the
 * code-paste page, /accounts' delete and replace, /support): `frame-ancestors` for current
 * browsers and X-Frame-Options for older ones. No referrer leaves the app (its URLs can name a
 * mailbox), no content is sniffed into another type, and no powerful browser feature is on offer.
 *
 * The Content-Security-Policy here is the one for responses that are not pages (nothing may load
 * or run). proxy.ts replaces it on every page with the nonce-based page policy: Next collects these
 * headers first and the proxy's after them, by name, and the names are lower-case like the proxy's
 * so that its value replaces this one: one policy per response, never two (e2e/home.spec.ts
 * counts them).
 */
const SECURITY_HEADERS = [
  { key: 'content-security-policy', value: NON_PAGE_POLICY },
  { key: 'x-frame-options', value: 'DENY' },
  { key: 'referrer-policy', value: 'no-referrer' },
  { key: 'x-content-type-options', value: 'nosniff' },
  { key: 'permissions-policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

const nextConfig: NextConfig = {
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      // HSTS on every response to a request that came over https, and never over plain http
      // (a browser ignores it there, and it would be a promise nobody checked). The header is
      // the one requestIsHttps (lib/net/client.ts) reads: scripts/serve.mjs sets it to https
      // exactly when the socket was TLS or a trusted proxy said the client used https. Next
      // matches the value whole (^https$).
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'strict-transport-security', value: HSTS }],
      },
    ];
  },
  // PGlite ships a WASM build and the mail libraries open raw sockets: keep them out of the bundle.
  // smtp-server and selfsigned run practice mode's servers; kept out for the same reason. pino and
  // pino-pretty (lib/log/logger.mjs) are loaded by the server before Next and must be the same
  // modules inside the app (Next lists them by default too); prom-client holds the process's one
  // registry of metrics.
  serverExternalPackages: ['@electric-sql/pglite', 'imapflow', 'nodemailer', 'pg', 'smtp-server', 'selfsigned', 'pino', 'pino-pretty', 'prom-client'],
  poweredByHeader: false,
  // Builds of the same sources with the same deployment id (scripts/build-identity.mjs) are the
  // same build, down to the id Next stamps on its pages; without one Next makes a random id.
  generateBuildId: async () => process.env.NEXT_DEPLOYMENT_ID ?? null,
  // Every page's <title> in the <head> of the first bytes, for every reader, not streamed in after
  // the content (Next's default for dynamic pages, kept only for bots). Screen readers announce
  // the title when a page opens; an axe scan once found /accounts without one on a loaded
  // machine. Our generateMetadata only reads the locale cookie, so waiting for it costs nothing.
  htmlLimitedBots: /.*/,
  // `npm test` type-checks every source, route types included (next typegen, then tsc), before it
  // builds, and says so here; the build would only check the same files again.
  typescript: { ignoreBuildErrors: process.env.BUILD_AFTER_TYPECHECK === '1' },
};

export default nextConfig;
