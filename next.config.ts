import type { NextConfig } from 'next';

/**
 * Sent with every response, pages, API routes and 404s alike (issue 13: people paste secrets
 * here, and staff look at customers' setups). Nothing may frame the app (the code-paste page,
 * /accounts' delete and replace, /support): `frame-ancestors` for current browsers and
 * X-Frame-Options for older ones. No referrer leaves the app (its URLs can name a mailbox), no
 * content is sniffed into another type, and no powerful browser feature is on offer. The
 * script-level Content-Security-Policy (nonces) is not part of this yet.
 */
const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
  // PGlite ships a WASM build and the mail libraries open raw sockets: keep them out of the bundle.
  // smtp-server and selfsigned run practice mode's servers; kept out for the same reason.
  serverExternalPackages: ['@electric-sql/pglite', 'imapflow', 'nodemailer', 'pg', 'smtp-server', 'selfsigned'],
  poweredByHeader: false,
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
