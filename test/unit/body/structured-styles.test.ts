/**
 * Requests written by systems and by people in a hurry (the classes behind the exports and
 * loose blind sets), each in wording of its own, not the sets'.
 */
import { extractBody } from '../../../src/domain/body/extract-body';
import { normalizeStructuredText } from '../../../src/domain/body/structured-text';
import type { BodyRequest } from '../../../src/domain/body/body-request';

const ctx = { subject: 'VOB', from: 'a@center.test', fromName: null, referenceDate: '2026-03-02T10:00:00Z' };
const one = (text: string): BodyRequest => {
  const r = extractBody(text, ctx).requests;
  expect(r).toHaveLength(1);
  return r[0]!;
};

describe('keys written by systems', () => {
  it('reads snake_case, camelCase and dotted keys, with one key per address piece', () => {
    const r = one('pt_full_name: Iris Okafor\nbirthDate=1979-11-30\nhome.addr.street: 9 Tern Way\nhome.addr.city: Astoria\nhome.addr.state: OR\nhome.addr.zip: 97103\nprimaryPayer: Moda Health\nmember.id: MOD55501234');
    expect(r.client).toEqual({ name: 'Iris Okafor', dob: '1979-11-30', address: { line1: '9 Tern Way', line2: null, city: 'Astoria', state: 'OR', postalCode: '97103' } });
    expect(r.insurance.memberId).toBe('MOD55501234');
  });

  it('flattens a pasted JSON object, taking the known tail of a nested key', () => {
    const text = 'payload:\n{\n  "client": { "fullName": "Iris Okafor", "dob": "1979-11-30" },\n  "plan": { "payerName": "Moda Health", "memberId": "MOD55501234", "benefitsPhone": "877-555-0166" }\n}\n';
    expect(normalizeStructuredText(text)).toContain('memberId: MOD55501234');
    const r = one(text);
    expect(r.insurance).toMatchObject({ payerName: 'Moda Health', memberId: 'MOD55501234' });
  });

  it('reads a question-and-answer export and a CSV header with its row', () => {
    expect(one('Q1. Patient legal name?\nA: Iris Okafor\nQ2. DOB?\nA: 11/30/1979').client).toMatchObject({ name: 'Iris Okafor', dob: '1979-11-30' });
    const csv = one('Name,DOB,Payer,Member ID,Referral Source\nIris Okafor,11/30/1979,Moda Health,MOD55501234,"Tern House, LLC"');
    expect(csv.referredBy).toBe('Tern House, LLC');
    expect(csv.insurance.memberId).toBe('MOD55501234');
  });

  it('splits combined labels by order or by the shape of each piece', () => {
    const r = one('Pt/DOB: Iris Okafor / 11-30-1979\nPlan/Member#: Moda Health MOD55501234\nPolicyholder/Relation: Ben Okafor (father)');
    expect(r.client).toMatchObject({ name: 'Iris Okafor', dob: '1979-11-30' });
    expect(r.insurance).toMatchObject({ payerName: 'Moda Health', memberId: 'MOD55501234' });
    expect(r.subscriber).toEqual({ name: 'Ben Okafor', relationship: 'child' });
  });

  it('does not take a level of care or a program for the referral', () => {
    expect(one('Name: Iris Okafor\nDOB: 11/30/1979\nProgram: Adult Men\'s Track\nLevel of care: PHP\nReferral Source: Tern House').referredBy).toBe('Tern House');
    expect(one('Name: Iris Okafor\nDOB: 11/30/1979\nReferred by: IOP').referredBy).toBeNull();
  });

  it('ends an address at a bulleted line of something else', () => {
    const r = one('• Name - Iris Okafor\n• DOB - 11/30/1979\n• Address - 9 Tern Way, Astoria, OR 97103\n• Cell - 503-555-0117');
    expect(r.client.address).toEqual({ line1: '9 Tern Way', line2: null, city: 'Astoria', state: 'OR', postalCode: '97103' });
  });
});

describe('people writing in sentences', () => {
  it.each([
    ["The card is under her father's name, Ben Okafor.", { name: 'Ben Okafor', relationship: 'child' }],
    ['Her coverage is through her husband\'s plan (Ben Okafor).', { name: 'Ben Okafor', relationship: 'spouse' }],
    ["She's covered on her husband's insurance, Ben Okafor.", { name: 'Ben Okafor', relationship: 'spouse' }],
    ['The policy holder is her mom, Ada Okafor.', { name: 'Ada Okafor', relationship: 'child' }],
    ['She is her own policyholder.', { name: 'Iris Okafor', relationship: 'self' }],
    ['I think she is on her mom\'s plan, not sure.', { name: null, relationship: null }],
  ])('%s', (sentence, subscriber) => {
    expect(one(`Client: Iris Okafor\nDOB: 11/30/1979\n${sentence}`).subscriber).toEqual(subscriber);
  });

  it('keeps the city without its preposition and the name without its verb', () => {
    const r = one('Client is Iris Okafor, DOB 11/30/1979. She stays at 9 Tern Way in Astoria, OR 97103.');
    expect(r.client.name).toBe('Iris Okafor');
    expect(r.client.address?.city).toBe('Astoria');
  });
});

describe('the client named in a sentence about them', () => {
  it.each([
    ["I'm emailing about my daughter Rosa Delgado, she needs detox.", 'Rosa Delgado'],
    ['calling regarding her husband Amos Keller who wants to come in', 'Amos Keller'],
  ])('%s', (sentence, name) => {
    const [request] = extractBody(`${sentence} DOB 2/3/1990. Insurance: Aetna`, ctx).requests;
    expect(request?.client.name).toBe(name);
  });
});

describe('what the HTML looked like (html set)', () => {
  it('pairs a cell of stacked labels with the next cell of stacked values, an empty value kept in its place', () => {
    const text = 'Here is his card.\n\nName\nDate of birth\nAddress\nInsurance\nMember ID\nGroup #\nInsurance phone\n\tOren Dakota-Vail\n\t03/14/1986\n\t12 Mesa Rd, Taos, NM 87571\n\tAetna\n\tW 5512 0934\n\t\n\t1-800-555-0161';
    expect(one(text)).toMatchObject({
      client: { name: 'Oren Dakota-Vail', dob: '1986-03-14' },
      insurance: { payerName: 'Aetna', memberId: 'W55120934', groupNumber: null, phone: '+18005550161' },
    });
  });

  it('reads icons above their values, a phone icon beside "his cell" as no plan phone, and a grid\'s tabbed labels', () => {
    const r = one('CLIENT CARD\n[image: 🧑]\nOren Dakota-Vail\n[image: 🎂]\n3/14/1986\n[image: 🪪]\nW55120934\n[image: 📞]\n(505) 555-0170 · Oren\'s cell');
    expect(r).toMatchObject({ client: { name: 'Oren Dakota-Vail', dob: '1986-03-14' }, insurance: { memberId: 'W55120934', phone: null } });
    expect(one('Client name\n\nOren Vail\n\tInsurance carrier\n\nAetna\n\nDate of birth\n\n3/14/1986').client.name).toBe('Oren Vail');
  });

  it('reads label-above-value cells two to a row, and a label and value that open the last paragraph before a signature', () => {
    const r = one('Please verify benefits for the client below.\n\nClient\nOren Vail\tDate of birth\n07/04/1976\nInsurance\nAetna\tMember ID\nW 5512 0934\nSubscriber\nSelf\tReferred by\nSage Bend Recovery\nFelicity Arrowood\nAdmissions Coordinator, Sage Bend Recovery\n(757) 555-0181');
    expect(r).toMatchObject({ client: { name: 'Oren Vail', dob: '1976-07-04' }, insurance: { payerName: 'Aetna', memberId: 'W55120934' }, referredBy: 'Sage Bend Recovery' });
  });

  it('drops direction marks and isolates around values, and reads "My daughter:" and a plan said before "I am the policy holder"', () => {
    expect(one('Client: \u2068Ada Vance\u2069\nDOB: \u200e3/14/1986').client).toMatchObject({ name: 'Ada Vance', dob: '1986-03-14' });
    expect(one('My daughter: Ada Vance\nHer birthday: March 8, 1999\nInsurance is Cigna through my work, I am the policy holder.')).toMatchObject({ client: { name: 'Ada Vance' }, insurance: { payerName: 'Cigna' } });
  });
});

describe('values given as answers to questions', () => {
  it('reads a question by the field its verb asks for, with the answer below it', () => {
    const r = one('Where does she live?\n77 Pellham Rd, Kettering, OH 45429\nWhen was she born?\n02/17/1986\nWhich insurance is she on?\nCareSource\nWhat number is on the back of the card?\n(800) 555-0136\nWho holds the policy, and how is she related to them?\nHer husband, Vance Ibarra\nWhich program referred her?\nMiami Valley Bridges');
    expect(r.client.dob).toBe('1986-02-17');
    expect(r.client.address).toMatchObject({ line1: '77 Pellham Rd', city: 'Kettering', state: 'OH', postalCode: '45429' });
    expect(r.insurance).toMatchObject({ payerName: 'CareSource', phone: '+18005550136' });
    expect(r.subscriber).toEqual({ name: 'Vance Ibarra', relationship: 'spouse' });
    expect(r.referredBy).toBe('Miami Valley Bridges');
  });

  it('reads a numbered questionnaire answered on the same line, a ticked box and "if no, who is?"', () => {
    const r = one('1) Client full name? Odell Fairbrook\n2) Birthday? 9/14/1979\n3) Is the client the policy holder?  ☐ Yes  ☒ No\n4) If not, who is? His father, Lyle Fairbrook\n5) Member ID number on the card? KQ7730041\n6) Insurance company? Humana');
    expect(r.client).toMatchObject({ name: 'Odell Fairbrook', dob: '1979-09-14' });
    expect(r.subscriber).toEqual({ name: 'Lyle Fairbrook', relationship: 'child' });
    expect(r.insurance).toMatchObject({ payerName: 'Humana', memberId: 'KQ7730041' });
  });

  it('takes "yes" to "is the client the subscriber?" as the client holding the policy, and an empty box as nothing said', () => {
    expect(one('Q: Patient name?\nA: Odell Fairbrook\nQ: Is he the insured?\nA: Yes\nQ: Carrier?\nA: Humana').subscriber).toEqual({ name: 'Odell Fairbrook', relationship: 'self' });
    expect(one('Client: Odell Fairbrook\nIs the client the subscriber? [ ] Yes [ ] No\nInsurance: Humana').subscriber).toEqual({ name: null, relationship: null });
  });

  it('does not read a question to the office, or one asked of the writer, as a field', () => {
    const r = one('Client: Odell Fairbrook\nDOB: 9/14/1979\nWhat is your phone number? 937-555-0101\nIs he still eligible after the 15th? Let me know');
    expect(r.insurance.phone).toBeNull();
    expect(r.subscriber.name).toBeNull();
  });
});
