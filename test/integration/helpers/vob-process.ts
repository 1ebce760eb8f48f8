/**
 * `vob serve --dev` as a real child process (node bin/vob.js serve --dev: no admin or SESSION_SECRET needed on loopback, built by `npm run build`), for
 * fault tests that kill it, restart it or run two at once. Every child is tracked: stopAllVob()
 * in afterAll ends them (SIGTERM, then SIGKILL), and a process 'exit' hook SIGKILLs any left, so
 * a failing test never leaves an orphan that keeps jest waiting.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
/**
 * The checkout whose `vob serve` runs: this one, or VOB_TEST_SERVE_ROOT (e.g. a clean export of
 * HEAD when others' work in progress in a shared tree does not run).
 */
const SERVE_ROOT = process.env.VOB_TEST_SERVE_ROOT ? path.resolve(process.env.VOB_TEST_SERVE_ROOT) : ROOT;
const MAIN_JS = path.join(SERVE_ROOT, 'dist/src/cli/main.js');

export interface LogLine {
  level: number;
  time: number;
  msg?: string;
  [key: string]: unknown;
}

export interface VobProcess {
  readonly name: string;
  readonly pid: number;
  /** http://127.0.0.1:PORT once listening. */
  readonly url: string;
  /** Parsed pino lines seen so far. */
  readonly logs: LogLine[];
  /** Output that is not a log line, for failure messages. */
  readonly stderr: string[];
  /** Set once the process has exited. */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL now and wait for the exit: a crash, no shutdown code runs. */
  kill(): Promise<void>;
  /** SIGTERM (graceful stop), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Resolves with the first log line matching (lines already seen count too). */
  waitForLog(match: (line: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
  /** The last lines of output, for failure messages. */
  tail(n?: number): string;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * `npm run build` when dist is older than any source the service is built from, under a lock
 * so test files running at the same time do not build twice. tsc emits even when some file in
 * the tree (another engineer's work in progress) has a type error; that is `npm run typecheck`'s
 * business, so a failed build is only fatal when it left no fresh dist behind.
 */
export function ensureBuilt(): void {
  const sources = Math.max(...['src', 'workers', 'schemas'].map((d) => newestMtime(path.join(SERVE_ROOT, d))));
  const built = (): number => {
    try {
      return statSync(MAIN_JS).mtimeMs;
    } catch {
      return 0;
    }
  };
  if (built() > sources) return;
  const lock = path.join(os.tmpdir(), 'vob-intake-test-build.lock');
  try {
    execFileSync('flock', ['-w', '300', lock, 'npm', 'run', '--silent', 'build'], { cwd: SERVE_ROOT, stdio: 'pipe', timeout: 300_000 });
  } catch (err) {
    if (built() < sources) {
      const out = (err as { stdout?: Buffer }).stdout?.toString() ?? String(err);
      throw new Error(`npm run build failed and dist is stale:\n${out.slice(0, 4000)}`);
    }
  }
}

export interface StartVobOptions {
  name: string;
  env: Record<string, string>;
  /** How long to wait for "http listening" (ms). */
  readyTimeoutMs?: number;
}

/** Starts `node bin/vob.js serve` and resolves once its HTTP port listens. */
export async function startVob({ name, env, readyTimeoutMs = 30_000 }: StartVobOptions): Promise<VobProcess> {
  const child = spawn(process.execPath, [path.join(SERVE_ROOT, 'bin/vob.js'), 'serve', '--dev'], {
    cwd: SERVE_ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const logs: LogLine[] = [];
  const stderr: string[] = [];
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((l) => l());
  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      children.delete(child);
      notify();
      resolve(exitInfo);
    });
  });

  const lines = (stream: NodeJS.ReadableStream, onLine: (line: string) => void): void => {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        onLine(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
      }
    });
  };
  // pino writes JSON lines (to stderr); anything else is kept as text.
  // VOB_CHILD_LOG_DIR=<dir>: every child's output also goes to <dir>/<name>-<pid>.log.
  const logFile = process.env.VOB_CHILD_LOG_DIR ? path.join(process.env.VOB_CHILD_LOG_DIR, `${name}-${child.pid}.log`) : null;
  const onLine = (line: string): void => {
    if (logFile) appendFileSync(logFile, `${line}\n`);
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = null;
    }
    if (parsed && typeof parsed === 'object' && 'level' in parsed) logs.push(parsed as LogLine);
    else stderr.push(line);
    notify();
  };
  lines(child.stdout!, onLine);
  lines(child.stderr!, onLine);

  const tail = (n = 25): string =>
    [...logs.slice(-n).map((l) => JSON.stringify(l)), ...stderr.slice(-10).map((l) => `output: ${l}`)].join('\n');

  const waitForLog = (match: (line: LogLine) => boolean, what: string, timeoutMs = 30_000): Promise<LogLine> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = logs.find(match);
        if (found) {
          done();
          resolve(found);
          return true;
        }
        if (exitInfo) {
          done();
          reject(new Error(`vob ${name} exited (${JSON.stringify(exitInfo)}) before ${what}\n${tail()}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for vob ${name}: ${what}\n${tail()}`));
      }, timeoutMs);
      const listener = (): void => void check();
      const done = (): void => {
        clearTimeout(timer);
        listeners.delete(listener);
      };
      listeners.add(listener);
      check();
    });

  const stop = async (graceMs = 15_000): Promise<void> => {
    if (exitInfo) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  let listening: LogLine;
  try {
    listening = await waitForLog((l) => l.msg === 'http listening', 'http listening', readyTimeoutMs);
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    throw err;
  }
  return {
    name,
    pid: child.pid!,
    url: String(listening['url']),
    logs,
    stderr,
    exit: () => exitInfo,
    exited,
    async kill() {
      if (exitInfo) return;
      child.kill('SIGKILL');
      await exited;
    },
    stop,
    waitForLog,
    tail,
  };
}

/** Every child still running: SIGTERM, then SIGKILL after `graceMs`. For afterAll. */
export async function stopAllVob(graceMs = 10_000): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}
