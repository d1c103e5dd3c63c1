import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships a WASM build and the mail libraries open raw sockets: keep them out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'imapflow', 'nodemailer', 'pg'],
  poweredByHeader: false,
};

export default nextConfig;
