/**
 * Eligibility on a real Postgres (a database of its own): ready requests exported as one 270
 * with their trace numbers stored, a 271 imported whole as draft verifications matched by
 * trace or member ID + date of birth, rejections as staff tasks, a malformed file storing
 * nothing, and a second import of the same file storing nothing twice.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VobRequest } from '../../../schemas/vob-record';
import { createPhiCipher } from '../../../src/adapters/crypto/phi-cipher';
import { createDbPool, type Db } from '../../../src/adapters/db/db-pool';
import { migrate } from '../../../src/adapters/db/migrate';
import { LAB_STORAGE_KEY, decodeKey } from '../../../src/config';
import { X12FormatError } from '../../../src/domain/x12/interchange';
import { exportReadyInquiries, type ExportDeps } from '../../../src/use-cases/eligibility-export';
import { importEligibilityResponses } from '../../../src/use-cases/eligibility-import';
import { runCli } from '../../unit/cli/run-cli';
import { interchange271, parse270, sourceLoops, TEST_NPI, X12_FIXTURES } from '../../unit/x12/x12-test-files';
import { createTestDatabase } from '../service/lab';

jest.setTimeout(60_000);

const cipher = createPhiCipher({ key: decodeKey(LAB_STORAGE_KEY) });
let database: { url: string; drop(): Promise<void> };
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate({ databaseUrl: database.url });
  db = createDbPool({ connectionString: database.url, max: 2 });
});

afterAll(async () => {
  await db?.end();
  await database?.drop();
});

const q = async <T extends object>(sql: string, params: unknown[] = []) => (await db.query<T & Record<string, unknown>>(sql, params)).rows;

let messageNumber = 0;
/** A stored request (fictional values) with the given status; returns its id. */
async function storeRequest(request: VobRequest, status: 'ready' | 'awaiting-information'): Promise<string> {
  messageNumber++;
  const [message] = await q<{ id: string }>(
    `INSERT INTO inbound_message (dedupe_key, content_sha256, mailbox, uid_validity, uid, size_bytes, status)
     VALUES ($1, 'x', 'INBOX', 1, $2, 100, 'extracted') RETURNING id::text`,
    [`test:${messageNumber}`, messageNumber],
  );
  const [row] = await q<{ id: string }>(
    `INSERT INTO vob_request (inbound_message_id, request_index, status, request_encrypted, missing_fields)
     VALUES ($1, 0, $2, $3, $4) RETURNING id::text`,
    [message!.id, status, cipher.encryptJson(request), request.missingFields],
  );
  return row!.id;
}

function request(name: string, dob: string, payerName: string, memberId: string, relationship: 'self' | 'child' = 'self'): VobRequest {
  return {
    client: { name, dob, address: { line1: '1 Example St', line2: null, city: 'Fresno', state: 'CA', postalCode: '93701' } },
    insurance: { payerName, memberId, groupNumber: null, phone: '+18005550100' },
    subscriber: { name: relationship === 'self' ? name : 'Jordan Exampleparent', relationship },
    referredBy: 'Sunrise Test Center',
    card: { attached: false, sides: [], fields: null },
    missingFields: ['card'],
    conflicts: [],
    levelOfCare: 'residential',
  };
}

const exportDeps = (files: string[], over: Partial<ExportDeps> = {}): ExportDeps => ({
  db,
  cipher,
  provider: { name: 'Sunrise Recovery Test', npi: TEST_NPI },
  envelope: { senderId: TEST_NPI, receiverId: 'CLEARINGTEST', usage: 'T', createdAt: new Date('2026-12-06T07:00:00Z') },
  dateOfService: '2026-12-07',
  writeFile: async (text) => {
    files.push(text);
  },
  ...over,
});

describe('eligibility export and import', () => {
  const ids: Record<string, string> = {};
  const files: string[] = [];

  test('export writes ready requests once, skips what cannot be sent, and stores trace numbers', async () => {
    ids.avery = await storeRequest(request('Avery Q Testperson', '1990-01-02', 'Aetna', 'W900000001'), 'ready');
    ids.riley = await storeRequest(request('Riley Exampleparent', '2008-03-15', 'Cigna', 'U800000002', 'child'), 'ready');
    ids.casey = await storeRequest(request('Casey Nobody', '1985-07-20', 'UnitedHealthcare', 'X000000003'), 'ready');
    ids.anthem = await storeRequest(request('Drew Placeholder', '1992-04-04', 'Anthem', 'A000000004'), 'ready');
    ids.waiting = await storeRequest({ ...request('Sam Fictive', '1979-11-11', 'Aetna', 'W900000005'), missingFields: ['client.address'] }, 'awaiting-information');

    const result = await exportReadyInquiries(exportDeps(files));
    expect(result.exported).toBe(3);
    expect(result.skipped).toEqual([{ requestId: ids.anthem, missing: [expect.stringMatching(/^payer ID \(Anthem/)] }]);
    expect(files).toHaveLength(1);
    const sent = parse270(files[0]!);
    expect(sent.map((s) => s.payer.id)).toEqual(['60054', '62308', '87726']);
    expect(sent[1]!.dependent).toMatchObject({ last: 'EXAMPLEPARENT', first: 'RILEY', dob: '2008-03-15' });
    expect(sent[0]!.serviceTypes).toEqual(['30', 'MH', 'AI', 'RT', 'CG', 'CI', 'A7']);

    const stored = await q<{ request_id: string; trace_number: string; interchange_control: string }>(
      'SELECT request_id::text, trace_number, interchange_control::text FROM eligibility_inquiry ORDER BY id',
    );
    expect(stored.map((s) => s.request_id)).toEqual([ids.avery, ids.riley, ids.casey]);
    expect(stored.map((s) => s.trace_number)).toEqual(sent.map((s) => s.trace));
    // Trace numbers name the interchange and the row, never the client.
    expect(stored.every((s) => s.trace_number === `${result.controlNumber}-${s.request_id}`)).toBe(true);

    // Sent requests are not sent again; a second export has nothing to do.
    const again = await exportReadyInquiries(exportDeps(files));
    expect(again).toMatchObject({ controlNumber: null, exported: 0 });
    expect(files).toHaveLength(1);
  });

  test('a file that cannot be written records nothing as sent', async () => {
    ids.morgan = await storeRequest(request('Morgan Sample', '1979-11-11', 'Humana', 'H900000006'), 'ready');
    await expect(
      exportReadyInquiries(exportDeps(files, { writeFile: async () => Promise.reject(new Error('disk full')) })),
    ).rejects.toThrow('disk full');
    expect(await q('SELECT 1 FROM eligibility_inquiry WHERE request_id = $1', [ids.morgan])).toHaveLength(0);
    const retried = await exportReadyInquiries(exportDeps(files));
    expect(retried.exported).toBe(1);
    // Each file has its own interchange control number from the sequence.
    expect(parse270(files[1]!)).toHaveLength(1);
    expect(files[1]!.slice(90, 99)).not.toBe(files[0]!.slice(90, 99));
  });

  test('import stores each loop as a draft, matched by trace or member, and turns rejections into tasks', async () => {
    const [avery, riley, casey] = parse270(files[0]!);
    const text = interchange271([
      [
        ...sourceLoops(),
        'HL*3*2*22*0', `TRN*2*${avery!.trace}*9123456789`, 'NM1*IL*1*TESTPERSON*AVERY****MI*W900000001', 'DMG*D8*19900102',
        'EB*1**30^MH', 'EB*C*IND*30***23*1500*****Y',
        // No trace echoed: found by member ID and date of birth.
        'HL*4*2*22*1', 'NM1*IL*1*EXAMPLEPARENT*JORDAN****MI*U800000002',
        'HL*5*4*23*0', 'NM1*03*1*EXAMPLEPARENT*RILEY', 'DMG*D8*20080315', 'EB*1*IND*MH',
        'HL*6*2*22*0', `TRN*2*${casey!.trace}*9123456789`, 'NM1*IL*1*NOBODY*CASEY****MI*X000000003', 'AAA*N**75*C', 'AAA*N**58*C',
        // Someone we never asked about.
        'HL*7*2*22*0', 'TRN*2*UNKNOWN-1*9123456789', 'NM1*IL*1*STRANGER*PAT****MI*Z1', 'DMG*D8*20000101', 'EB*6*IND*30',
      ],
    ]);
    expect(riley!.trace).not.toBeNull();
    const result = await importEligibilityResponses({ db, cipher, now: new Date('2026-12-07T09:00:00Z') }, Buffer.from(text, 'latin1'));
    expect(result).toEqual({ loops: 5, stored: 5, matched: 3, unmatched: 2, rejectionTasks: 1 });

    const rows = await q<{ loop_index: number; request_id: string | null; matched_by: string | null; active: boolean | null; rejection_codes: string[]; status: string; response_encrypted: Buffer }>(
      'SELECT loop_index, request_id::text, matched_by, active, rejection_codes, status, response_encrypted FROM eligibility_response ORDER BY loop_index',
    );
    expect(rows.map((r) => [r.request_id, r.matched_by, r.active, r.rejection_codes, r.status])).toEqual([
      [ids.avery, 'trace', true, [], 'draft'],
      // The subscriber's own loop (no date of birth) matches nothing; the dependent's does.
      [null, null, null, [], 'draft'],
      [ids.riley, 'member', true, [], 'draft'],
      [ids.casey, 'trace', null, ['75', '58'], 'draft'],
      [null, null, false, [], 'draft'],
    ]);
    // The loop is stored encrypted, and decrypts to what the reader read.
    expect(rows[0]!.response_encrypted.includes(Buffer.from('TESTPERSON'))).toBe(false);
    expect(cipher.decryptJson<{ name: string; benefits: unknown[] }>(rows[0]!.response_encrypted)).toMatchObject({ name: 'TESTPERSON, AVERY', benefits: [expect.anything(), expect.anything()] });

    const tasks = await q<{ kind: string; request_id: string; status: string; reason: string }>(
      "SELECT kind, request_id::text, status, reason FROM staff_task WHERE kind = 'eligibility-rejected'",
    );
    expect(tasks).toEqual([
      {
        kind: 'eligibility-rejected',
        request_id: ids.casey,
        status: 'open',
        reason: 'The payer rejected the eligibility inquiry: 75 Subscriber/Insured Not Found (Please Correct and Resubmit); 58 Invalid/Missing Date-of-Birth (Please Correct and Resubmit)',
      },
    ]);

    // The same file again: nothing stored twice, no task touched.
    await q("UPDATE staff_task SET status = 'done' WHERE kind = 'eligibility-rejected'");
    const again = await importEligibilityResponses({ db, cipher, now: new Date() }, Buffer.from(text, 'latin1'));
    expect(again).toMatchObject({ loops: 5, stored: 0, rejectionTasks: 0 });
    expect(await q('SELECT 1 FROM eligibility_response')).toHaveLength(5);
    expect(await q("SELECT 1 FROM staff_task WHERE kind = 'eligibility-rejected' AND status = 'done'")).toHaveLength(1);
  });

  test('a malformed file is refused whole: nothing stored', async () => {
    const [avery] = parse270(files[0]!);
    const good = interchange271([[...sourceLoops(), 'HL*3*2*22*0', `TRN*2*${avery!.trace}*9123456789`, 'NM1*IL*1*TESTPERSON*AVERY****MI*W900000001', 'EB*1**30']], 2002);
    const truncated = good.slice(0, good.indexOf('GE*'));
    await expect(importEligibilityResponses({ db, cipher, now: new Date() }, Buffer.from(truncated, 'latin1'))).rejects.toThrow(X12FormatError);
    expect(await q('SELECT 1 FROM eligibility_response')).toHaveLength(5);
  });
});

describe('vob eligibility export / import (the CLI on the same database)', () => {
  const saved = { ...process.env };
  const dir = mkdtempSync(join(tmpdir(), 'vob-eligibility-cli-'));
  beforeAll(() => {
    Object.assign(process.env, { DATABASE_URL: database.url, PROVIDER_NPI: TEST_NPI, PROVIDER_NAME: 'Sunrise Recovery Test', LOG_LEVEL: 'silent' });
  });
  afterAll(() => {
    process.env = { ...saved };
  });

  test('export writes the file only once the transaction commits; import refuses a malformed file', async () => {
    const id = await storeRequest(request('Quinn Sample', '1981-02-03', 'Aetna', 'W900000102'), 'ready');
    const out = join(dir, 'batch.270');
    const exported = await runCli(['eligibility', 'export', '--ready', '--out', out, '--date', '2026-12-08']);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/1 request\(s\) in interchange \d+ written to /);
    expect(existsSync(`${out}.partial`)).toBe(false);
    const [sent] = parse270(readFileSync(out, 'latin1'));
    expect(sent).toMatchObject({ dateOfService: '2026-12-08', subscriber: { memberId: 'W900000102' } });
    expect(await q('SELECT 1 FROM eligibility_inquiry WHERE request_id = $1', [id])).toHaveLength(1);

    const nothing = await runCli(['eligibility', 'export', '--ready', '--out', join(dir, 'empty.270')]);
    // The Anthem request above is still ready and still cannot be sent: named again, non-zero exit.
    expect(nothing.code).toBe(65);
    expect(nothing.stderr).toMatch(/^vob eligibility export: request \d+ skipped: no payer ID \(Anthem[^\n]*\nvob eligibility export: no ready request to send; no file written\n$/);
    expect(existsSync(join(dir, 'empty.270'))).toBe(false);

    const refused = await runCli(['eligibility', 'import', join(X12_FIXTURES, 'hostile-terminator-in-data.271')]);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toMatch(/refused, nothing stored: segment 13/);
  });
});
