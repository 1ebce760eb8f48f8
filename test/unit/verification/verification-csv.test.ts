import type { VobRequest } from '../../../schemas/vob-record';
import { emptyWorksheet } from '../../../src/domain/verification';
import { VERIFIED_CSV_COLUMNS, verifiedCsvHeader, verifiedCsvRow } from '../../../src/domain/verification-csv';
import { csvCell, csvLine } from '../../../src/shared/csv';

const request: VobRequest = {
  client: { name: 'Jane Q Doe', dob: '1990-01-02', address: null },
  insurance: { payerName: 'Aetna', memberId: 'W123456789', groupNumber: null, phone: '+18005551234' },
  subscriber: { name: 'Jane Q Doe', relationship: 'self' },
  referredBy: 'Sunrise, "North" Center',
  card: { attached: false, sides: [], fields: null },
  missingFields: [],
  conflicts: [],
  levelOfCare: 'residential',
};

/** RFC 4180 reading of one CRLF line (enough for these rows). */
function cells(line: string): string[] {
  const out: string[] = [];
  const re = /("((?:[^"]|"")*)"|[^,]*)(,|\r\n$)/gy;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    out.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]!);
    if (m[3] === '\r\n') break;
  }
  return out;
}

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and ends lines with CRLF', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', null, 'b'])).toBe('a,,b\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const v of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\r=x']) expect(csvCell(v).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('the verified-requests CSV', () => {
  it('has a unique header per column, the client, payer, plan and per-level columns', () => {
    const header = cells(verifiedCsvHeader());
    expect(new Set(header).size).toBe(header.length);
    expect(header.length).toBe(VERIFIED_CSV_COLUMNS.length);
    expect(header.slice(0, 9)).toEqual(['request_id', 'client_name', 'client_dob', 'payer', 'member_id', 'group_number', 'referring_center', 'level_of_care', 'verified_at']);
    expect(header).toEqual(expect.arrayContaining(['plan_type', 'facility_network', 'deductible_ind_in', 'deductible_fam_out_met', 'oop_max_ind_in', 'mat_covered', 'detox_coinsurance_pct', 'php_auth_required', 'iop_auth_number']));
  });

  it('builds one row: values, yes/no, empty for unknown, and a formula in a value defused', () => {
    const w = emptyWorksheet();
    w.planType = 'ppo';
    w.network.facility = 'out';
    w.deductible.individual.inNetwork = { amount: 1500, met: 250.5 };
    w.levels.residential = { ...w.levels.residential, covered: true, coinsurancePercent: 20, authRequired: true, authNumber: '=cmd|calc' };
    w.levels.detox.covered = false;
    const row = cells(verifiedCsvRow({ requestId: '42', request, worksheet: w, verifiedAt: new Date('2026-12-06T10:00:00Z') }));
    const header = cells(verifiedCsvHeader());
    const get = (name: string) => row[header.indexOf(name)];
    expect(row.length).toBe(header.length);
    expect(get('request_id')).toBe('42');
    expect(get('referring_center')).toBe('Sunrise, "North" Center');
    expect(get('level_of_care')).toBe('residential');
    expect(get('verified_at')).toBe('2026-12-06T10:00:00.000Z');
    expect(get('plan_type')).toBe('ppo');
    expect(get('facility_network')).toBe('out');
    expect(get('deductible_ind_in')).toBe('1500');
    expect(get('deductible_ind_in_met')).toBe('250.5');
    expect(get('deductible_fam_in')).toBe('');
    expect(get('residential_covered')).toBe('yes');
    expect(get('detox_covered')).toBe('no');
    expect(get('residential_coinsurance_pct')).toBe('20');
    expect(get('residential_auth_number')).toBe("'=cmd|calc");
  });
});
