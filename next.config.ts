import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native and WASM packages are loaded by Node, never bundled: the runtime (database, argon2)
  // is created once by server/http and shared with Next through globalThis.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'postgres',
    'argon2',
    'pino',
    'nodemailer',
    'ioredis',
    'qrcode',
  ],
  poweredByHeader: false,
  typedRoutes: false,
  // The dashboard's page for the members module was /team: old links and bookmarks keep working.
  async redirects() {
    return [{ source: '/team', destination: '/members', permanent: true }];
  },
};

export default nextConfig;
