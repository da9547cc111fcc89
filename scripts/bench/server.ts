import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const READY_TIMEOUT_MS = 120_000;

export type BenchServer = {
  url: string;
  /** the largest VmHWM (peak resident set) among the server's processes, in MiB */
  peakRssMiB(): number;
  /** CPU seconds (user + system) the server's processes have used so far */
  cpuSeconds(): number;
  stop(): Promise<void>;
};

/**
 * Starts the production server as `npm start` does (tsx server/http/main.ts with
 * NODE_ENV=production) in its own process group, and resolves once GET /api/health answers.
 * With cpuProfDir, node itself runs the entry with tsx's loader and --cpu-prof (which
 * NODE_OPTIONS refuses); the profile is written there when the server stops.
 */
export async function startProductionServer(
  env: Record<string, string>,
  logFile: string,
  options: { cpuProfDir?: string } = {},
): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  // As in package.json's start: the hook that lets plain Node load `import 'server-only'` modules.
  const entry = ['--import', './server/http/server-only.mjs', 'server/http/main.ts'];
  const [command, args] = options.cpuProfDir
    ? [process.execPath, ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`, '--import', 'tsx', ...entry]]
    : [path.resolve('node_modules/.bin/tsx'), entry];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answers(`${url}/api/health`))) {
    if (exited || Date.now() > deadline) {
      killGroup(child.pid!, 'SIGKILL');
      throw new Error(
        `the server did not become ready (${exited ? 'it exited' : 'timed out'}); see ${logFile}:\n${tail(logFile)}`,
      );
    }
    await sleep(200);
  }

  return {
    url,
    peakRssMiB: () => Math.max(...processTree(child.pid!).map(peakRssKiB)) / 1024,
    cpuSeconds: () => processTree(child.pid!).reduce((sum, pid) => sum + cpuTicks(pid), 0) / CLOCK_TICKS,
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      killGroup(child.pid!, 'SIGTERM');
      if ((await Promise.race([gone, sleep(10_000, 'timeout')])) === 'timeout')
        killGroup(child.pid!, 'SIGKILL');
      log.end();
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The pid and all its descendants (tsx runs the server in a child node process). */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // the command name may contain spaces and parentheses: the ppid follows the last ')'
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/** USER_HZ: the unit of utime and stime in /proc/PID/stat, 100 on Linux. */
const CLOCK_TICKS = 100;

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime and stime are fields 14 and 15
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function peakRssKiB(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
