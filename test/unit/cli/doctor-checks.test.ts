import { LAB_STORAGE_KEY } from '../../../src/config';
import { checkOcrData, checkStaffAuth, checkStorageKey, formatCheckLine, runChecks, safeUrl } from '../../../src/cli/doctor-checks';
import { runDoctor } from '../../../src/cli/doctor-command';

describe('vob doctor: lines and checks without servers', () => {
  it('one line per check, the fix on the failing ones', () => {
    expect(formatCheckLine({ name: 'redis', status: 'ok', detail: 'reachable' })).toBe('ok    redis            reachable');
    expect(formatCheckLine({ name: 'redis', status: 'fail', detail: 'down', fix: 'start Redis' })).toBe('FAIL  redis            down -> fix: start Redis');
    expect(formatCheckLine({ name: 'imap folder', status: 'note', detail: 'Processed will be created' })).toMatch(/^note  imap folder/);
  });

  it('a note passes, a failure or a crashing check does not, and every check still runs', async () => {
    const out: string[] = [];
    const passed = await runChecks(
      [
        ['a', async () => [{ name: 'a', status: 'note', detail: 'will be created' }]],
        ['b', async () => { throw new Error('boom'); }],
        ['c', async () => [{ name: 'c', status: 'ok', detail: 'fine' }]],
      ],
      (l) => out.push(l),
    );
    expect(passed).toBe(false);
    expect(out).toEqual(['note  a                will be created', expect.stringMatching(/^FAIL  b +check crashed: boom/), 'ok    c                fine']);
    expect(await runChecks([['a', async () => [{ name: 'a', status: 'note', detail: 'n' }]]], () => undefined)).toBe(true);
  });

  it('URLs are shown without their credentials', () => {
    expect(safeUrl('postgres://vob:secret@db.internal:5432/vob')).toBe('postgres://db.internal:5432/vob');
    expect(safeUrl('redis://:pw@127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('the storage key must be set and not the lab key; the session secret must be set', async () => {
    const lab = Buffer.from(LAB_STORAGE_KEY, 'hex');
    expect((await checkStorageKey({ STORAGE_KEY: lab }, {})())[0]!.status).toBe('fail');
    expect((await checkStorageKey({ STORAGE_KEY: lab }, { STORAGE_KEY: LAB_STORAGE_KEY })())[0]!.status).toBe('fail');
    expect((await checkStorageKey({ STORAGE_KEY: Buffer.alloc(32, 9) }, { STORAGE_KEY: 'x' })())[0]!.status).toBe('ok');
    const unreachable = 'postgres://vob:vob@127.0.0.1:9/vob';
    expect((await checkStaffAuth({ SESSION_SECRET: null, DATABASE_URL: unreachable })())[0]!.fix).toMatch(/SESSION_SECRET/);
    expect((await checkStaffAuth({ SESSION_SECRET: Buffer.alloc(32, 1), DATABASE_URL: unreachable })())[0]!.status).toBe('ok');
  });

  it('OCR data: present here; a missing package names npm ci', async () => {
    expect((await checkOcrData()())[0]!.status).toBe('ok');
    const missing = (await checkOcrData(() => { throw new Error('not found'); })())[0]!;
    expect(missing.status).toBe('fail');
    expect(missing.fix).toMatch(/npm ci/);
  });

  it('a bad configuration is one failing line naming the variable, and exit 1', async () => {
    const out: string[] = [];
    expect(await runDoctor([], { MAIL_AUTH: 'oauth2-microsoft', IMAP_USER: 'v@x.example' }, (l) => out.push(l))).toBe(1);
    expect(out).toEqual([expect.stringMatching(/^FAIL  config .*MS_TENANT_ID.* -> fix: set MS_TENANT_ID/)]);
  });
});
