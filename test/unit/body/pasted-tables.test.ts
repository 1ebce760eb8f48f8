/**
 * The shape of a pasted table: sheet rows, a sheet turned sideways, query-tool and report
 * output, HTML tables with spanned cells, each read one client per row or column. Fictional
 * data in wording of its own, not the tables blind set's.
 */
import { extractBody } from '../../../src/domain/body/extract-body';
import type { BodyRequest } from '../../../src/domain/body/body-request';
import { htmlToText } from '../../../src/domain/mime/html-to-text';
import { chooseBodyText } from '../../../src/domain/mime/choose-body-text';

const ctx = { subject: 'VOB', from: 'a@center.test', fromName: null, referenceDate: '2026-03-02T10:00:00Z' };
const all = (text: string): BodyRequest[] => extractBody(text, ctx).requests;

describe('sheets and query output', () => {
  it('reads psql output, whose header rule joins its dashes with "+"', () => {
    const text = [
      ' patient_name | birth_date | payer   | member_id  | payer_phone',
      '--------------+------------+---------+------------+-------------',
      ' Odile Brandt | 1988-05-02 | Cigna   | U400112233 | 8005550140',
      ' Rui Fontes   | 1979-12-30 | Aetna   | W900221144 | 8885550141',
      '(2 rows)',
    ].join('\n');
    const r = all(text);
    expect(r.map((x) => x.client.name)).toEqual(['Odile Brandt', 'Rui Fontes']);
    expect(r[1]!.insurance).toMatchObject({ payerName: 'Aetna', memberId: 'W900221144', phone: '+18885550141' });
  });

  it('reads a sheet turned sideways one client per column, an empty cell staying empty', () => {
    const text = [
      'Field\tFirst\tSecond',
      'Client name\tOdile Brandt\tRui Fontes',
      'DOB\t05/02/1988\t12/30/1979',
      'Street\t14 Heron Ln\t7 Quay Rd',
      'Apt/Unit\t\tSuite 3',
      'City\tLowell\tSalem',
      'State\tMA\tMA',
      'Zip\t01852\t01970',
      'Insurance\tCigna\tAetna',
      'Member ID\tU400112233\tW900221144',
    ].join('\n');
    const r = all(text);
    expect(r).toHaveLength(2);
    expect(r[0]!.client.address).toMatchObject({ line1: '14 Heron Ln', line2: null, city: 'Lowell' });
    expect(r[1]!.client.address).toMatchObject({ line1: '7 Quay Rd', line2: 'Suite 3', city: 'Salem' });
    expect(r[1]!.insurance.memberId).toBe('W900221144');
  });

  it('reads a grid of label rows, each over its value row, as one record', () => {
    const text = ['Client Name\tDate of Birth', 'Odile Brandt\t05/02/1988', 'Payer\tMember ID\tGroup', 'Cigna\tU400112233\tG-77', 'Policy Holder\tRelationship to Policy Holder', 'Anders Brandt\tChild'].join('\n');
    const r = all(text);
    expect(r).toHaveLength(1);
    expect(r[0]!.insurance).toMatchObject({ payerName: 'Cigna', memberId: 'U400112233', groupNumber: 'G-77' });
    expect(r[0]!.subscriber.name).toBe('Anders Brandt');
  });

  it('reads a form whose rows carry a group cell before the label ("Policy | Name | ...")', () => {
    const text = ['Patient\tName\tOdile Brandt', 'Patient\tDOB\t05/02/1988', 'Insurance\tCompany\tCigna', 'Insurance\tMember ID\tU400112233', 'Policy Holder\tName\tAnders Brandt', 'Policy Holder\tRelationship to client\tFather'].join('\n');
    const r = all(text)[0]!;
    expect(r.client.name).toBe('Odile Brandt');
    expect(r.insurance.payerName).toBe('Cigna');
    expect(r.subscriber).toEqual({ name: 'Anders Brandt', relationship: 'child' });
  });

  it('reads a sheet with a state column headed "ST"', () => {
    const r = all('NAME\tDOB\tSTREET\tCITY\tST\tZIP\tPAYER\nOdile Brandt\t5/2/1988\t14 Heron Ln\tLowell\tMA\t01852\tCigna')[0]!;
    expect(r.client.address).toMatchObject({ city: 'Lowell', state: 'MA', postalCode: '01852' });
  });
});

describe('an empty referral cell', () => {
  it('is no referral, even when another row names one', () => {
    const text = [
      '| client        | dob        | payer | member_id  | referral_source |',
      '|---------------|------------|-------|------------|-----------------|',
      '| Odile Brandt  | 1988-05-02 | Cigna | U400112233 | Tern House      |',
      '| Rui Fontes    | 1979-12-30 | Aetna | W900221144 |                 |',
    ].join('\n');
    expect(all(text).map((r) => r.referredBy)).toEqual(['Tern House', null]);
  });
});

describe('fixed-width reports', () => {
  it('reads the columns the dash rule marks, stacked headings, a wrapped address and a blank column', () => {
    const text = [
      'CLIENT             BIRTH      HOME                 PLAN        MEMBER       PLAN',
      'NAME               DATE       ADDRESS              NAME        ID           PHONE',
      '------------------ ---------- -------------------- ----------- ------------ ------------',
      'ODILE BRANDT       05/02/1988 14 HERON LN          CIGNA       U400112233   800-555-0140',
      '                              LOWELL MA 01852',
      '',
      'RUI FONTES         12/30/1979 7 QUAY RD            AETNA       W900221144',
      '                              SALEM MA 01970',
    ].join('\n');
    const r = all(text);
    expect(r).toHaveLength(2);
    expect(r[0]!.client).toMatchObject({ name: 'ODILE BRANDT', dob: '1988-05-02', address: { line1: '14 HERON LN', line2: null, city: 'LOWELL', state: 'MA', postalCode: '01852' } });
    expect(r[1]!.insurance).toMatchObject({ payerName: 'AETNA', memberId: 'W900221144', phone: null });
  });
});

describe('HTML tables with spanned cells', () => {
  it('keeps each cell under its column when colspan and rowspan cover some', () => {
    const html =
      '<table><tr><th colspan="2">PATIENT</th><th colspan="2">POLICY HOLDER</th><th rowspan="2">Source</th></tr>' +
      '<tr><th>Name</th><th>DOB</th><th>Name</th><th>Relationship</th></tr>' +
      '<tr><td>Odile Brandt</td><td>05/02/1988</td><td>Anders Brandt</td><td>Father</td><td rowspan="2">Tern House</td></tr>' +
      '<tr><td>Rui Fontes</td><td></td><td>Rui Fontes</td><td>Self</td></tr></table>';
    const text = htmlToText(html);
    expect(text.split('\n')).toEqual([
      'PATIENT\t\tPOLICY HOLDER\t\tSource',
      'Name\tDOB\tName\tRelationship\tSource',
      'Odile Brandt\t05/02/1988\tAnders Brandt\tFather\tTern House',
      'Rui Fontes\t\tRui Fontes\tSelf\tTern House',
    ]);
    const r = all(text);
    expect(r).toHaveLength(2);
    expect(r[0]!.subscriber).toEqual({ name: 'Anders Brandt', relationship: 'child' });
    expect(r[1]!.client).toMatchObject({ name: 'Rui Fontes', dob: null });
    expect(r[1]!.referredBy).toBe('Tern House');
  });

  it('reads the HTML when the plain part lost the spanned cells', () => {
    const plain = 'A\tB\nName\tDOB\tPayer\tID\nOdile Brandt\t05/02/1988\tCigna\tU400112233\nRui Fontes\tAetna\tW900221144';
    const html = 'A\t\tB\t\nName\tDOB\tPayer\tID\nOdile Brandt\t05/02/1988\tCigna\tU400112233\nRui Fontes\t\tAetna\tW900221144';
    expect(chooseBodyText(plain, html)).toBe(html);
  });
});

describe('payloads pasted as they were sent', () => {
  it('decodes a URL-encoded form post, an empty parameter giving nothing', () => {
    const r = all('fname=Odile&lname=Brandt%27s&birth_date=1988-05-02&insurance_company=Blue+Cross&member_id=XQ%20400%20112&referral_source=&gclid=abc')[0]!;
    expect(r.client).toMatchObject({ name: "Odile Brandt's", dob: '1988-05-02' });
    expect(r.insurance).toMatchObject({ payerName: 'Blue Cross', memberId: 'XQ400112' });
    expect(r.referredBy).toBeNull();
  });

  it('reads an XML export element by element, a generic name under the element holding it', () => {
    const text = [
      '<Intake>',
      '  <Member>',
      '    <FirstName>Odile</FirstName>',
      '    <LastName>Brandt</LastName>',
      '    <DOB>05/02/1988</DOB>',
      '  </Member>',
      '  <Plan>',
      '    <PayerName>Cigna</PayerName>',
      '    <MemberId/>',
      '    <PolicyHolder code="19">',
      '      <Name>Anders Brandt</Name>',
      '      <Relationship>Father</Relationship>',
      '    </PolicyHolder>',
      '  </Plan>',
      '</Intake>',
    ].join('\n');
    const r = all(text)[0]!;
    expect(r.client).toMatchObject({ name: 'Odile Brandt', dob: '1988-05-02' });
    expect(r.insurance).toMatchObject({ payerName: 'Cigna', memberId: null });
    expect(r.subscriber).toEqual({ name: 'Anders Brandt', relationship: 'child' });
  });

  it('reads coded column headers through the legend given with them', () => {
    const text = ['C3\tC1\tC2\tC4', 'U400112233\tOdile Brandt\t05/02/1988\tCigna', '', 'Legend:', 'C1 - Patient name', 'C2 - Date of birth', 'C3 - Member ID', 'C4 - Insurance company'].join('\n');
    const r = all(text)[0]!;
    expect(r.client).toMatchObject({ name: 'Odile Brandt', dob: '1988-05-02' });
    expect(r.insurance).toMatchObject({ payerName: 'Cigna', memberId: 'U400112233' });
  });
});

describe('a record printed as two stacked cells', () => {
  it('pairs the label stacked in the left cell with the value at the same height in the right', () => {
    const div = (t: string): string => `<div style="height:20px">${t}</div>`;
    const html =
      '<table><tr><td colspan="2">Record shared with you</td></tr><tr>' +
      `<td>${['Patient', 'DOB', 'Home address', '&nbsp;', 'Payer', 'Member ID'].map(div).join('')}</td>` +
      `<td>${['Odile Brandt', '05/02/1988', '14 Heron Ln', 'Lowell, MA 01852', 'Cigna', 'U400112233'].map(div).join('')}</td>` +
      '</tr></table>';
    const text = htmlToText(html);
    expect(text).toContain('DOB\t05/02/1988');
    const r = all(text)[0]!;
    expect(r.client).toMatchObject({ name: 'Odile Brandt', dob: '1988-05-02', address: { line1: '14 Heron Ln', line2: null, city: 'Lowell', state: 'MA', postalCode: '01852' } });
    expect(r.insurance).toMatchObject({ payerName: 'Cigna', memberId: 'U400112233' });
  });
});

describe('notes and exports written as structures', () => {
  it('reads a JSON array of records, one client each', () => {
    const text = 'From our system:\n[\n  {\n    "patient": { "name": "Odile Brandt", "dob": "05/02/1988" },\n    "plan": { "payer": "Cigna", "memberId": "U400112233" }\n  },\n  {\n    "patient": { "name": "Rui Fontes", "dob": "12/30/1979" },\n    "plan": { "payer": "Aetna", "memberId": "W900221144" }\n  }\n]\n';
    const r = all(text);
    expect(r.map((x) => x.client.name)).toEqual(['Odile Brandt', 'Rui Fontes']);
    expect(r[0]!.insurance).toMatchObject({ payerName: 'Cigna', memberId: 'U400112233' });
  });

  it('reads a Markdown definition list, the first definition as the value and the rest as lines', () => {
    const text = ['Patient', ':   Odile Brandt', '', 'Birth date', ':   05/02/1988', '', 'Home', ':   14 Heron Ln', '    Lowell, MA 01852', '', 'Payer', ':   Cigna', ':   Member ID U400112233', '', 'Referral source', ':   Tern House'].join('\n');
    const r = all(text)[0]!;
    expect(r.client).toMatchObject({ name: 'Odile Brandt', dob: '1988-05-02', address: { line1: '14 Heron Ln', line2: null, city: 'Lowell', state: 'MA', postalCode: '01852' } });
    expect(r.insurance).toMatchObject({ payerName: 'Cigna', memberId: 'U400112233' });
    expect(r.referredBy).toBe('Tern House');
  });
});

describe('a column of values without labels', () => {
  it('gives each line the label its shape says, when every line has one', () => {
    const text = ['Odile Brandt', '05/02/1988', '14 Heron Ln', 'Lowell, MA 01852', 'Cigna', 'U400112233', '1-800-555-0140', '', 'Please run this one; she holds the policy. Referral is us (Tern House).'].join('\n');
    const r = all(text)[0]!;
    expect(r.client).toMatchObject({ name: 'Odile Brandt', dob: '1988-05-02', address: { line1: '14 Heron Ln', line2: null, city: 'Lowell', state: 'MA', postalCode: '01852' } });
    expect(r.insurance).toMatchObject({ payerName: 'Cigna', memberId: 'U400112233', phone: '+18005550140' });
    expect(r.referredBy).toBe('Tern House');
  });

  it('leaves a block alone when one line has no field shape (a signature)', () => {
    const text = 'Please verify Odile Brandt, DOB 05/02/1988, Cigna U400112233.\n\nMara Quill\n05/02/2026\nAdmissions desk\nTern House\n14 Heron Ln\nLowell, MA 01852';
    expect(all(text)[0]!.client.address).toBeNull();
  });
});

describe('an X12 270 pasted as built', () => {
  it('reads the payer, the insured as the patient, the member ID, group, address and birth date', () => {
    const text = [
      'Our 270 keeps bouncing, here it is:',
      'ISA*00*          *00*          *ZZ*TERNHOUSE      *ZZ*CLEARHOUSE     *260301*0900*^*00501*000000101*0*P*:~',
      'ST*270*0001*005010X279A1~',
      'HL*1**20*1~',
      'NM1*PR*2*CIGNA*****PI*62308~',
      'HL*3*2*22*0~',
      'NM1*IL*1*BRANDT*ODILE****MI*U400112233~',
      'REF*6P*G7788~',
      'N3*14 HERON LN~',
      'N4*LOWELL*MA*01852~',
      'DMG*D8*19880502*F~',
      'SE*9*0001~',
    ].join('\n');
    const r = all(text)[0]!;
    expect(r.client).toMatchObject({ name: 'ODILE BRANDT', dob: '1988-05-02', address: { line1: '14 HERON LN', line2: null, city: 'LOWELL', state: 'MA', postalCode: '01852' } });
    expect(r.insurance).toMatchObject({ payerName: 'CIGNA', memberId: 'U400112233', groupNumber: 'G7788' });
  });
});

describe('a chat outline', () => {
  it('reads a label bullet with its values as sub-bullets, the first as its value', () => {
    const text = 'From the team channel:\n\n• Patient\n    ◦ Odile Brandt\n    ◦ born 5/2/1988\n    ◦ 14 Heron Ln, Lowell, MA 01852\n• Payer\n    ◦ Cigna\n    ◦ ID U400112233\n';
    const r = all(text)[0]!;
    expect(r.client).toMatchObject({ name: 'Odile Brandt', dob: '1988-05-02', address: { line1: '14 Heron Ln', city: 'Lowell', state: 'MA', postalCode: '01852' } });
    expect(r.insurance).toMatchObject({ payerName: 'Cigna', memberId: 'U400112233' });
  });
});

describe('guards', () => {
  it('ends a fixed-width report at prose whose words cross the column gaps', () => {
    const text = [
      'CLIENT NAME        BIRTH DATE PAYER       MEMBER ID',
      '------------------ ---------- ----------- ------------',
      'ODILE BRANDT       05/02/1988 CIGNA       U400112233',
      '',
      'Her sister is the one who usually calls us back about the plan, so please try her first.',
    ].join('\n');
    const r = all(text);
    expect(r).toHaveLength(1);
    expect(r[0]!.client.name).toBe('ODILE BRANDT');
  });
});
