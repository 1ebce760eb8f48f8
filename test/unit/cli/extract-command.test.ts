import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vobDocumentSchema } from '../../../schemas/vob-record';
import { runCli } from './run-cli';

const run = runCli;

const fixture = (name: string) => join(__dirname, '../../../fixtures/emails', name);

describe('vob extract', () => {
  it('prints exactly one contract document with --json', async () => {
    const { code, stdout } = await run(['extract', fixture('body-plain-colon.eml'), '--json']);
    expect(code).toBe(0);
    const document = vobDocumentSchema.parse(JSON.parse(stdout));
    expect(document.requests).toHaveLength(1);
  });

  it('prints a readable summary without --json', async () => {
    const { code, stdout } = await run(['extract', fixture('body-plain-colon.eml')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Message: /);
    expect(stdout).toContain('Automatic reply: ');
  });

  it('refuses a file that is not a message with one line and a non-zero exit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vob-cli-'));
    const file = join(dir, 'card.png');
    writeFileSync(file, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const { code, stdout, stderr } = await run(['extract', file, '--json']);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('not a readable message');
  });

  it('reports a missing file and bad usage without a stack trace', async () => {
    const missing = await run(['extract', '/nonexistent/x.eml']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/cannot read .*ENOENT/);
    const usage = await run(['extract']);
    expect(usage.code).toBe(64);
    expect(usage.stderr).toContain('usage: vob extract');
  });
});
