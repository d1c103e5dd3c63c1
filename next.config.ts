import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
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
