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
    // reads its font metrics and fontkit data from its own folder at run time (report PDFs)
    'pdfkit',
  ],
  poweredByHeader: false,
  typedRoutes: false,
  // The dashboard's page for the members module was /team: old links and bookmarks keep working.
  async redirects() {
    return [{ source: '/team', destination: '/members', permanent: true }];
  },
};

export default nextConfig;
