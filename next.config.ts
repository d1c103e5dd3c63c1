import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships a WASM build and the mail libraries open raw sockets: keep them out of the bundle.
  // smtp-server and selfsigned run practice mode's servers; kept out for the same reason.
  serverExternalPackages: ['@electric-sql/pglite', 'imapflow', 'nodemailer', 'pg', 'smtp-server', 'selfsigned'],
  poweredByHeader: false,
};

export default nextConfig;
