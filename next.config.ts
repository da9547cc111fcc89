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
};

export default nextConfig;
