import 'server-only';
import next from 'next';
import { DatabaseOpenError } from '@/db/client';
import { ConfigError, exportNextAuthEnv, loadConfig } from '@/server/core/config';
import { createRuntime, setRuntime } from '@/server/core/runtime';
import { bootstrapAdmin } from '@/server/modules/auth/services/bootstrap-admin';
import { smtpTransport } from '@/server/modules/mail/transport';
import { startJobRunner } from '../jobs/runner';
import { startServer } from './start';

async function main() {
  const config = loadConfig();
  const dev = process.argv.includes('--dev');
  const rt = await createRuntime(config);
  setRuntime(rt);
  exportNextAuthEnv(config, rt.keys.nextAuth);

  const admin = await bootstrapAdmin(rt);
  if (admin) {
    // Printed once, on the first start only: the password is temporary and must be changed at first sign-in.
    const password = admin.generatedPassword ?? '(the ADMIN_PASSWORD you set)';
    process.stdout.write(
      `\nFirst platform admin created: ${admin.email} / ${password}\nYou will be asked to change this password at first sign-in.\n\n`,
    );
  }

  const nextApp = next({ dev, dir: process.cwd(), hostname: config.host, port: config.port });
  await nextApp.prepare();
  const server = await startServer(rt, { next: nextApp.getRequestHandler(), nextDev: dev });

  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : undefined;
  const jobs = await startJobRunner(rt, { transport });

  rt.log.info({ url: config.appUrl, env: config.appEnv, database: rt.database.kind }, 'Provena is ready');
  process.stdout.write(`Provena is running: open ${config.appUrl}\n`);
  if (config.appEnv === 'development' && !config.smtpUrl) {
    process.stdout.write(`Emails (sign-in codes, resets) are kept for you at ${config.appUrl}/dev/mailbox\n`);
  }

  const stop = async () => {
    await server.close();
    await jobs.stop();
    transport?.close();
    await nextApp.close?.();
    await rt.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DatabaseOpenError) {
    process.stderr.write(`Provena cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`Provena failed to start: ${(error as Error).stack ?? error}\n`);
  }
  process.exit(1);
});
