import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse270, TEST_NPI, X12_FIXTURES } from '../x12/x12-test-files';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'vob-eligibility-'));

/** A text-only request message (fictional values) with the given body lines. */
function message(name: string, body: string[]): string {
  const file = join(dir, name);
  const lines = [
    'From: Intake <intake@center.test>',
    'To: verification@vob.test',
    'Subject: VOB request',
    `Message-ID: <${name}@center.test>`,
    'Date: Fri, 04 Dec 2026 10:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hi, please verify benefits.',
    '',
    ...body,
    '',
    'Thanks,',
    'Casey Intake',
  ];
  writeFileSync(file, lines.join('\r\n'));
  return file;
}

const complete = [
  'Client Name: Avery Q Testperson',
  'DOB: 01/02/1990',
  'Insurance: Cigna',
  'Member ID: U800000009',
  'Subscriber: Self',
  'Level of care: PHP',
];

describe('vob eligibility 270', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.PROVIDER_NPI = TEST_NPI;
    process.env.PROVIDER_NAME = 'Sunrise Recovery Test';
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('prints a 270 for the message with the date of service given', async () => {
    const { code, stdout, stderr } = await runCli(['eligibility', '270', message('complete.eml', complete), '--date', '2026-12-10']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [inquiry, ...more] = parse270(stdout);
    expect(more).toEqual([]);
    expect(inquiry).toMatchObject({
      payer: { name: 'CIGNA', id: '62308' },
      provider: { name: 'SUNRISE RECOVERY TEST', npi: TEST_NPI },
      subscriber: { last: 'TESTPERSON', first: 'AVERY', middle: 'Q', memberId: 'U800000009', dob: '1990-01-02' },
      dependent: null,
      dateOfService: '2026-12-10',
    });
    // PHP: partial hospitalization and outpatient facility codes after 30.
    expect(inquiry!.serviceTypes).toEqual(['30', 'MH', 'AI', 'BB', 'CH', 'CJ', 'A8']);
  });

  it('names a skipped request by index and what it lacks, without its values, and exits non-zero', async () => {
    const file = message('no-id.eml', complete.filter((l) => !l.startsWith('Member ID')).map((l) => l.replace('Cigna', 'Anthem Blue Cross')));
    const { code, stdout, stderr } = await runCli(['eligibility', '270', file]);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^vob eligibility 270: request 1 skipped: no payer ID \(Anthem has one payer ID per state plan: the state is needed\), no member ID\n/);
    expect(stderr).toMatch(/nothing to write/);
    expect(stderr).not.toMatch(/Testperson|1990/i);
  });

  it('names the missing provider setting', async () => {
    delete process.env.PROVIDER_NPI;
    const { code, stderr } = await runCli(['eligibility', '270', message('complete2.eml', complete)]);
    expect(code).toBe(78);
    expect(stderr).toMatch(/PROVIDER_NPI/);
  });

  it('refuses an NPI with a wrong check digit', async () => {
    process.env.PROVIDER_NPI = '1234567890';
    const { code, stderr } = await runCli(['eligibility', '270', message('complete3.eml', complete)]);
    expect(code).toBe(78);
    expect(stderr).toMatch(/PROVIDER_NPI: 10 digits with a valid check digit/);
  });
});

describe('vob eligibility read', () => {
  it('prints the responses as JSON with --json', async () => {
    const { code, stdout } = await runCli(['eligibility', 'read', join(X12_FIXTURES, 'rejection.271'), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).responses[0].rejections[0]).toEqual({ code: '75', reason: 'Subscriber/Insured Not Found', followUp: 'Please Correct and Resubmit' });
  });

  it('prints a readable account without --json', async () => {
    const { code, stdout } = await runCli(['eligibility', 'read', join(X12_FIXTURES, 'carve-out.271')]);
    expect(code).toBe(0);
    expect(stdout).toContain('Carve-out:  FICTIONAL BEHAVIORAL HEALTH TEST +18005550199');
  });

  it('refuses a malformed file with the segment number', async () => {
    const { code, stdout, stderr } = await runCli(['eligibility', 'read', join(X12_FIXTURES, 'hostile-counts-off.271')]);
    expect(code).toBe(65);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/refused, nothing read: segment 33: SE01/);
  });
});

describe('vob eligibility read: size', () => {
  it('refuses a file over the size limit before reading it', async () => {
    const big = join(dir, 'big.271');
    writeFileSync(big, Buffer.alloc(33 * 1024 * 1024, 0x20));
    const { code, stderr } = await runCli(['eligibility', 'read', big]);
    expect(code).toBe(65);
    expect(stderr).toMatch(/more than the 33554432 this command reads/);
  });
});
