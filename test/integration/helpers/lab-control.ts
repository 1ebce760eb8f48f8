/**
 * Stopping and starting single lab services (scripts/services.sh down|up <service>) for fault
 * tests. Fault tests that stop a shared service call restoreLab() in afterAll, so the lab is up
 * again for the next test file even when the test failed half-way.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './vob-process';

const run = promisify(execFile);
const SCRIPT = path.join(ROOT, 'scripts/services.sh');

export type LabService = 'postgres' | 'redis' | 'dovecot' | 'postfix';

async function services(command: 'up' | 'down', service?: LabService): Promise<string> {
  try {
    const { stdout } = await run('bash', [SCRIPT, command, ...(service ? [service] : [])], { cwd: ROOT, timeout: 120_000 });
    return stdout;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message?: string };
    throw new Error(`scripts/services.sh ${command} ${service ?? ''} failed: ${e.stderr || e.stdout || e.message}`);
  }
}

export const labDown = (service: LabService): Promise<string> => services('down', service);
export const labUp = (service: LabService): Promise<string> => services('up', service);

/** Stops the service, then starts it again; resolves when it answers. */
export async function restartLabService(service: LabService): Promise<{ downMs: number }> {
  const started = Date.now();
  try {
    await labDown(service);
  } finally {
    await labUp(service);
  }
  return { downMs: Date.now() - started };
}

/** The whole lab up (idempotent): for afterAll of tests that stop services. */
export async function restoreLab(): Promise<void> {
  await services('up');
}
