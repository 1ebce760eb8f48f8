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

describe('questions answered in forms, transcripts and replies (asked-and-answered set)', () => {
  it('reads answers under our own quoted questions, a question that goes on over two quoted lines, and "yes, it\'s his own"', () => {
    const text = 'My answers are below each one.\n\n> 1. What is his full name?\n\nOtis Vanterpool\n\n> 2. What insurance does he have? If you can, send a picture of the\n> front and back.\n\nCareSource, it is his Medicaid plan. Pictures tomorrow.\n\n> 3. Is the insurance in his name?\n\nYes, it is his own.\n';
    const r = one(text);
    expect(r.client.name).toBe('Otis Vanterpool');
    expect(r.insurance.payerName).toBe('CareSource');
    expect(r.subscriber).toEqual({ name: 'Otis Vanterpool', relationship: 'self' });
  });

  it('reads a second question as part of the first, a note after the question, and answers led by "yes" or a dash', () => {
    const r = one('Client: Otis Vanterpool\nIs there a Group number? If so, what is it?\nYes 55120-07\nWhere does he live now? (street, city, state, ZIP)\n19 Larch Ct, Dover, DE 19901\nWhat is the ID # on the card? -- 7731 0042 18\nWas he referred by another program? If yes, which?\nYes - Dover Bay Recovery Center, he finishes there Friday');
    expect(r.insurance).toMatchObject({ groupNumber: '55120-07', memberId: '7731004218' });
    expect(r.client.address).toMatchObject({ line1: '19 Larch Ct', city: 'Dover', state: 'DE', postalCode: '19901' });
    expect(r.referredBy).toBe('Dover Bay Recovery Center');
  });

  it('takes the center an answer names, and a transcript question whose client is named', () => {
    const r = one('Q: What is Otis\u2019s full name?: Otis Vanterpool.\nQ: And his date of birth?: 02/11/1983.\nQ: That\u2019s fine. What insurance does he have?: CareSource. It is through the state.\nQ: Did anyone refer him to us?\nA: He goes to the IOP at Larch Street Counseling. His counselor there gave him your number.');
    expect(r.client).toMatchObject({ name: 'Otis Vanterpool', dob: '1983-02-11' });
    expect(r.insurance.payerName).toBe('CareSource');
    expect(r.referredBy).toBe('Larch Street Counseling');
  });
});

describe('text bent on its way (bent-in-transit set)', () => {
  it('joins a hard-wrapped line with its lower-case continuation, so a long label keeps its value', () => {
    const wrap = 'Please verify benefits for my nephew, who goes into detox at the end of\nthe week if everything checks out with his plan and the center agrees.\n\nName: Otis Vanterpool\nDate of birth: 02/11/1983\nInsurance: CareSource, Central Ohio region, through his job at the\nwarehouse on Route 9\nThe number to call for his insurance, which I got off their website, is on\ntheir page as: 1-8OO-555-O1O9\n';
    const r = one(wrap);
    expect(r.insurance.phone).toBe('+18005550109');
    expect(r.insurance.payerName).toBe('CareSource');
  });

  it('reads labelled items of a subject that carries the whole request', () => {
    const r = extractBody('Everything is in the subject, sorry - on my phone.\n\nJune', { ...ctx, subject: 'VOB - Otis Vanterpool - DOB 02/11/1983 - CareSource - ID 77310042 - Grp 5512 - BH ph 1-800-555-0109 - subscriber: self - ref Dover Bay Recovery Center' }).requests;
    expect(r).toHaveLength(1);
    expect(r[0]!.insurance).toMatchObject({ groupNumber: '5512', phone: '+18005550109' });
    expect(r[0]!.subscriber).toEqual({ name: 'Otis Vanterpool', relationship: 'self' });
    expect(r[0]!.referredBy).toBe('Dover Bay Recovery Center');
  });

  it('splits labels glued to the value before them when an HTML body lost its line breaks', () => {
    const r = one('Hello,Please verify insurance for our new client.Client Name: Otis VanterpoolDOB: 02/11/1983Address: 41 Quill Ave, Erie, PA 16505Insurance: HighmarkMember ID: HMK40022917Referred by: Quill Street RecoveryThank you,June');
    expect(r.client).toMatchObject({ name: 'Otis Vanterpool', dob: '1983-02-11', address: { line1: '41 Quill Ave', city: 'Erie', state: 'PA', postalCode: '16505' } });
    expect(r.insurance).toMatchObject({ payerName: 'Highmark', memberId: 'HMK40022917' });
    expect(r.referredBy).toBe('Quill Street Recovery');
  });

  it('takes the center that "they" refers back to as the referral', () => {
    expect(one('Dover Bay Recovery Center asked me to send his insurance to you. They are the ones referring him.\n\nName: Otis Vanterpool\nDOB: 02/11/1983').referredBy).toBe('Dover Bay Recovery Center');
  });
});

describe('everyone\'s words for the same thing (vocabulary set)', () => {
  it('reads a programme\'s initials before a label, a label explained in brackets, and a long cell of a court\'s name', () => {
    const r = one('Defendant\tOtis Vanterpool\nD.O.B.\t02/11/1983\nRID (IHCP Member ID)\t100200300400\nAnthem HIP provider services\t1-844-555-0109\nSent by\tKent County Adult Drug Court');
    expect(r.client.name).toBe('Otis Vanterpool');
    expect(r.insurance.memberId).toBe('100200300400');
    expect(r.referredBy).toBe('Kent County Adult Drug Court');
  });

  it('takes a member label valued by the client\'s role, or by someone\'s relation, as who holds the plan', () => {
    expect(one('Client: Otis Vanterpool\nEnrollee: The defendant - HIP coverage in his own name').subscriber).toEqual({ name: 'Otis Vanterpool', relationship: 'self' });
    expect(one('Client: June Vanterpool\nEnrollee: her husband (federal employee, USPS), name to follow').subscriber).toEqual({ name: null, relationship: 'spouse' });
    expect(one('Consumer: Otis Vanterpool\nWhose coverage: Otis\'s own. His aunt, Rhoda Vanterpool, is the case head.').subscriber).toEqual({ name: 'Otis Vanterpool', relationship: 'self' });
  });

  it('reads the MCP as the plan and a ticked "Other" with its note', () => {
    const r = one('Consumer: Otis Vanterpool\nMCP: CareSource (Ohio Medicaid managed care)\nRelationship to insured:\n  ☐ Self   ☐ Spouse   ☒ Other — nephew (insured is his aunt)');
    expect(r.insurance.payerName).toBe('CareSource');
    expect(r.subscriber.relationship).toBe('other');
  });
});

describe('answers numbered to match questions, and blocks shared by every client (second pass)', () => {
  it('pairs answers given in their own order with the numbered questions quoted below', () => {
    const text = 'Here you go, out of order, sorry:\n\n3 – 41 Quill Ave, Erie, PA 16505\n1 – Otis Vanterpool\n4 – Highmark\n2 – 02/11/1983\n7 – his wife is the policy holder (June Vanterpool)\n\n> 1) Full name?\n> 2) Date of birth?\n> 3) Where does he live?\n> 4) Which insurance company?\n> 7) Who is the policy holder, and how is he related to them?';
    const r = one(text);
    expect(r.client).toMatchObject({ name: 'Otis Vanterpool', dob: '1983-02-11', address: { line1: '41 Quill Ave', city: 'Erie', state: 'PA', postalCode: '16505' } });
    expect(r.insurance.payerName).toBe('Highmark');
    expect(r.subscriber).toEqual({ name: 'June Vanterpool', relationship: 'spouse' });
  });

  it('gives a block headed "For both" to each client', () => {
    const r = extractBody('Client 1: Otis Vanterpool, DOB 02/11/2007\nMedicaid ID: 4402198873\n\nClient 2: June Vanterpool, DOB 05/30/2009\nMedicaid ID: 4402198874\n\nFOR BOTH\nTennCare Select provider services: 1-800-555-0109\nReferring agency: Shelby County Youth Services', ctx).requests;
    expect(r).toHaveLength(2);
    expect(r.map((x) => x.insurance.phone)).toEqual(['+18005550109', '+18005550109']);
  });

  it('reads a plan\'s behavioral auth line, a discharging facility as the referral, and a plan the dictionary lacks before "provider services"', () => {
    const r = one('Resident: Otis Vanterpool\nDOB: 02/11/1950\nBH auth line (Carelon): 1-800-555-0109\nDischarging facility (referral): Quill Skilled Nursing & Rehabilitation');
    expect(r.insurance.phone).toBe('+18005550109');
    expect(r.referredBy).toBe('Quill Skilled Nursing & Rehabilitation');
  });
});

describe('forms that ask about the policy holder first (third pass)', () => {
  it('takes "same as above" under the client for the policy holder\'s address, and leaves the holder\'s phone to its question', () => {
    const r = one('ABOUT THE POLICY HOLDER\n\nWho is the policy holder?\n\nRhoda Vanterpool\n\nWhat is the policy holder\u2019s address?\n\n41 Quill Ave, Erie, PA 16505\n\nWhat is the policy holder\u2019s phone number?\n\n(814) 555-0101\n\nABOUT THE CLIENT\n\nWhat is the client\u2019s full name?\n\nOtis Vanterpool\n\nWhat is the client\u2019s address?\n\nSame as above');
    expect(r.client.name).toBe('Otis Vanterpool');
    expect(r.client.address).toMatchObject({ line1: '41 Quill Ave', city: 'Erie', state: 'PA', postalCode: '16505' });
    expect(r.subscriber.name).toBe('Rhoda Vanterpool');
  });

  it('reads whose plan by the words of a payer, a court or a state agency', () => {
    expect(one('Client: Otis Vanterpool\nHead of household / primary enrollee on the policy: Rhoda Vanterpool (mother).').subscriber).toEqual({ name: 'Rhoda Vanterpool', relationship: 'child' });
    expect(one('Client: Otis Vanterpool\nPolicyholder: the probationer - he bought the plan himself').subscriber).toEqual({ name: 'Otis Vanterpool', relationship: 'self' });
    expect(one('Client: Otis Vanterpool\nGuarantor (signed our financial agreement): Rhoda Vanterpool, aunt').subscriber).toEqual({ name: null, relationship: null });
  });

  it('reads "Who is his insurance carrier?", "Which insurer covers the client?" and "Which treatment center is referring?"', () => {
    const r = one('Client: Otis Vanterpool\nWho is his insurance carrier?  Highmark\nWhich phone number verifies benefits?  1-800-555-0109\nWhich treatment center is referring?  Quill Street Recovery');
    expect(r.insurance).toMatchObject({ payerName: 'Highmark', phone: '+18005550109' });
    expect(r.referredBy).toBe('Quill Street Recovery');
    expect(one('Client: Otis Vanterpool\nWhich insurer covers the client?  Highmark').insurance.payerName).toBe('Highmark');
  });
});

describe('ordinary mail read on a fresh fortnight (ordinary and two-of-everything sets)', () => {
  it('does not take a staff writer introducing themselves for the client, and reads the bare name over "born"', () => {
    const r = one('My name is Odette, I am the intake coordinator at Fenwick House. One of our guests needs a check.\n\nSilas Marchetti\nborn 2-7-1987\ninsurance is Ambetter, member number U5512098833\n\nHe is being referred by us, Fenwick House.');
    expect(r.client.name).toBe('Silas Marchetti');
    expect(r.referredBy).toBe('Fenwick House');
  });

  it('reads four unlabelled lines: a name, a birth date, a payer and an ID', () => {
    const r = one('run this one please\n\nOdile Brandt\n3/9/1996\nMolina Healthcare\nM44019283\n\nthanks');
    expect(r.client).toMatchObject({ name: 'Odile Brandt', dob: '1996-03-09' });
    expect(r.insurance).toMatchObject({ payerName: 'Molina Healthcare', memberId: 'M44019283' });
  });

  it('reads a second client\'s "same address as ..." and "same insurance and line" from the client above', () => {
    const rs = extractBody('#1 Anton Greer\nDOB 04/02/1980\n88 Kestrel Ln, Salem, OR 97301\nRegence BlueCross BlueShield\nID# RGB4410298\nBH line 888-555-0107\n\n#2 Mira Greer - his wife\nDOB 05/06/1982\nSame address as Anton\nSame insurance and BH line. ID# RGB4410298\n\nReferred by Cascade Hollow Recovery on both', ctx).requests;
    expect(rs).toHaveLength(2);
    expect(rs[1]!.client).toMatchObject({ name: 'Mira Greer', address: { line1: '88 Kestrel Ln', city: 'Salem', state: 'OR', postalCode: '97301' } });
    expect(rs[1]!.insurance).toMatchObject({ payerName: 'Regence BlueCross BlueShield', phone: '+18885550107' });
    expect(rs.map((r) => r.referredBy)).toEqual(['Cascade Hollow Recovery', 'Cascade Hollow Recovery']);
  });

  it('reads "Pol#", "MA #" and "Res:", and a holder\'s address given after "same as subscriber"', () => {
    const r = one('Pt: Anton Greer\nDOB: 04/02/80\nRes: same as subscriber\nIns: Aetna\nPol#: W55 1029 338\nSubscriber: Lise Greer (mother) - 88 Kestrel Ln, Salem, OR 97301');
    expect(r.insurance.memberId).toBe('W551029338');
    expect(r.client.address).toMatchObject({ line1: '88 Kestrel Ln', city: 'Salem', state: 'OR', postalCode: '97301' });
    expect(r.subscriber).toEqual({ name: 'Lise Greer', relationship: 'child' });
    expect(one('Consumer: Anton Greer\nDOB: 04/02/1980\nMA #: 51022938771').insurance.memberId).toBe('51022938771');
    expect(one('Consumer: Anton Greer\nDOB: 04/02/1980\nRes: 88 Kestrel Ln, Salem, OR 97301').client.address).toMatchObject({ line1: '88 Kestrel Ln', postalCode: '97301' });
  });

  it('reads the plan\'s line "on the back says Behavioral Health ...", "for my father, Name", "The policy is hers" and "covered on my plan as my domestic partner"', () => {
    expect(one('Client: Anton Greer\nDOB 4/2/1980\nThe number on the back says Mental Health 1-800-555-0144').insurance.phone).toBe('+18005550144');
    const r = one("I'm writing for my father, Anton J. Greer. His date of birth is 4-2-1950.\nHis insurance is Humana. The policy is his.");
    expect(r.client.name).toBe('Anton J. Greer');
    expect(r.subscriber).toEqual({ name: 'Anton J. Greer', relationship: 'self' });
    expect(one('Patient: Anton Greer\nDOB: 4/2/1980\nAnton is covered on my plan as my domestic partner.').subscriber.relationship).toBe('other');
  });

  it('takes the center that had the writer send the request as the referral', () => {
    expect(one('Client: Anton Greer\nDOB 4/2/1980\nWillow Fen IOP asked me to send his insurance information here.').referredBy).toBe('Willow Fen IOP');
    expect(one('Client: Anton Greer\nDOB 4/2/1980\nDeb at Marsh Creek Behavioral Health said to send his info to you.').referredBy).toBe('Marsh Creek Behavioral Health');
    expect(one('Client: Anton Greer\nDOB 4/2/1980\nHe starts at Marsh Creek Recovery Monday and they told me to send his card.').referredBy).toBe('Marsh Creek Recovery');
    expect(one('Client: Anton Greer\nDOB 4/2/1980\nHis mom asked me to send his card.').referredBy).toBeNull();
  });

  it('drops "not yet determined", a former plan under a heading in capitals, and a secondary plan under a dash heading', () => {
    expect(one('Client: Anton Greer\nDOB: 4/2/1980\nReferring program: not yet determined').referredBy).toBeNull();
    const r = one('Client: Anton R. Greer\nDOB: 4/2/1980\n\nCURRENT COVERAGE\nCarrier: Cigna\nMember ID: U4410 2983 01\n\nOLD COVERAGE - TERMED 3/31, DO NOT USE\nCarrier: Aetna\nMember ID: W551029338\nSubscriber: Anton R. Greer (self)');
    expect(r.insurance).toMatchObject({ payerName: 'Cigna', memberId: 'U4410298301' });
    const s = one('Client: Anton Greer\nDOB: 4/2/1950\nInsurance: Medicare\nMBI 3QF7 TR2 MK41\n\nSECONDARY - Mutual of Omaha Plan N\n    Member ID 0044182\n\nPolicy holder: Mr. Greer himself on both.');
    expect(s.insurance.memberId).toBe('3QF7TR2MK41');
    expect(s.subscriber.relationship).toBe('self');
  });

  it('joins a name said in a sentence with its fuller labelled form, and reads two columns for the client and the holder', () => {
    const r = one('Please check benefits for Anton Greer.\n\nClient: Anton R. Greer\nDOB: 4/2/1980\nInsurance: Aetna');
    expect(r.client.name).toBe('Anton R. Greer');
    const t = one('From our sheet:\n\n\tPATIENT\tSUBSCRIBER\nName\tIvy Greer\tAnton Greer\nRelationship\tdaughter\tfather\nDOB\t09/23/2009\t02/11/1971\nMember ID\tRGB 4410 02\tRGB 4410 00\n\nInsurance: Regence\nRegence behavioral health (Carelon): 800-555-0165');
    expect(t.client).toMatchObject({ name: 'Ivy Greer', dob: '2009-09-23' });
    expect(t.insurance).toMatchObject({ memberId: 'RGB441002', phone: '+18005550165' });
    expect(t.subscriber).toEqual({ name: 'Anton Greer', relationship: 'child' });
  });
});

describe('values given twice, the second one standing (two-of-everything set)', () => {
  it('takes a typed value corrected on its own line or in the sentence after', () => {
    expect(one('Client: Anton Greer\nDOB: 6/7/81 - oops, typo, 6/7/82\nInsurance: Aetna\nMember ID: W551928330').client.dob).toBe('1982-06-07');
    expect(one('Client: Anton Greer\nDOB: 6/7/1981\nInsurance: Aetna\nMember ID: 551 928 330\nPlease disregard the member ID above, I swapped two digits. It\'s 551 982 330.').insurance.memberId).toBe('551982330');
  });

  it('lets a stated referral stand over the center that asked for the mail, and keeps a name\'s own form', () => {
    expect(one('Client: Anton Greer\nDOB 4/2/1980\nHe starts at Marsh Creek Recovery and they told me to send it here.\nReferred by: Fen House Sober Living').referredBy).toBe('Fen House Sober Living');
    expect(one('Hi, the woman at Alder Point Wellness gave me this address and she said to send his card.\nClient: Anton Greer\nDOB 4/2/1980').referredBy).toBe('Alder Point Wellness');
    expect(one('Client: Anton Greer\nDOB 4/2/1980\nReferral: Snake Bend Recovery, that\'s us').referredBy).toBe('Snake Bend Recovery');
    expect(one('Patient: Greer, Anton J\nDOB 4/2/1980\nMember: Anton J Greer').client.name).toBe('Greer, Anton J');
  });
});

describe('a second ordinary fortnight (fortnight-2 set)', () => {
  it('reads a client of the writer\'s by an honorific, a coverage "her own" with its plan after a colon, and "put X down as the referral"', () => {
    const r = one('I would like a verification for another client of mine, Mr. Anton Greer, whom I am referring to you.\nMr. Greer was born on May 2, 1980.\nHis coverage is his own, through his employer: Aetna, member ID W551 982 330, group 0771230.\nPlease put Fen House Counseling down as the referral.');
    expect(r.client.name).toBe('Anton Greer');
    expect(r.subscriber).toEqual({ name: 'Anton Greer', relationship: 'self' });
    expect(r.insurance).toMatchObject({ payerName: 'Aetna', memberId: 'W551982330', groupNumber: '0771230' });
    expect(r.referredBy).toBe('Fen House Counseling');
  });

  it('reads "still on his mom\'s insurance, <plan>" as the payer and "His mom\'s name is X and she is the policy holder" as the holder', () => {
    const r = one("Client: Anton Greer, born 2/5/1999. He is still on his dad's insurance, Viva Health. His dad's name is Carl Greer and he is the policy holder.");
    expect(r.insurance.payerName).toBe('Viva Health');
    expect(r.subscriber).toEqual({ name: 'Carl Greer', relationship: 'child' });
  });

  it('takes "it is in his name" for the client\'s own plan, and a disregarded ID for a corrected value, not a cancelled request', () => {
    expect(one('Client: Anton Greer\nDOB 2/5/1979\nHe has insurance through his job and it is in his name, but he has no card yet.').subscriber.relationship).toBe('self');
    const rs = extractBody('Client: Anton Greer\nDOB 2/5/1979\nInsurance: Aetna\nMember ID: W551928330\nPlease disregard the member ID above. It is W551982330.', ctx).requests;
    expect(rs).toHaveLength(1);
  });
});

describe('a holder named with the plan\'s source and birth date (two-of-everything set)', () => {
  it('reads "The plan from work is in his dad\'s name, X (born ...)" as the holder, and the date as the holder\'s', () => {
    const r = one('Client: Anton Greer\nDOB 5/30/2007\nInsurance: Aetna\nMember ID: W661204389\nThe plan from work is in his mom\'s name, Lise Greer (born 1/8/1972).');
    expect(r.client.dob).toBe('2007-05-30');
    expect(r.subscriber).toEqual({ name: 'Lise Greer', relationship: 'child' });
  });
});

describe('forwards and answers on a detox\'s and a coordinator\'s threads (fortnight-2 set)', () => {
  it('keeps "& Stabilization" in a center\'s name said in a sentence', () => {
    expect(one('Forwarding from the pt\'s sister below. He came in last night, referral is us, Marsh Bend Detox & Stabilization. Card to follow.\n\nName: Anton Greer\nDOB: 2/5/1979\nInsurance: Aetna').referredBy).toBe('Marsh Bend Detox & Stabilization');
  });

  it('reads a correction above our own results as a correction, not a new request', () => {
    const text = 'Quick correction on Anton - his DOB is 02/05/1979, not 1978. Everything else is the same.\n\nFrom: Verification <verification@billing.test>\nSent: Friday, September 11, 2026 1:48 PM\nSubject: Verification results - Greer, Anton\n\nClient: Anton Greer\nDOB: 02/05/1978\nPayer: Aetna\nMember ID: W551982330\nEligibility: Active\nIOP (in network): covered after deductible, 20% coinsurance\nReference #: AE-4471';
    expect(extractBody(text, { ...ctx, subject: 'RE: Verification results - Greer, Anton', isReply: true }).requests).toEqual([]);
  });
});

describe('a value taken back on a thread (two-of-everything set)', () => {
  it('drops the quoted address the writer says not to use, and tells the reply check it was given', () => {
    const text = 'Update before you run her: don\'t use the address in my email below, she moved out. New one to follow.\n\nOn Wed, Nov 18, 2026 at 4:52 PM Jo Pell <jo@center.test> wrote:\n> Name: Mira Greer\n> DOB: 02/26/1982\n> Address: 618 W 35th St, Apt 3, Norfolk, VA 23508\n> Insurance: Aetna\n> ID: W803552714';
    const body = extractBody(text, { ...ctx, subject: 'Re: vob - Mira Greer', isReply: true });
    expect(body.requests).toHaveLength(1);
    expect(body.requests[0]!.client.address).toBeNull();
    expect(body.placedValues).toContain('618 W 35th St, Apt 3, Norfolk, VA 23508');
  });
});

describe('names and dates that belong elsewhere (two-of-everything set)', () => {
  it('reads a legal name "on insurance" over a preferred name, and never a preferred name as the referral', () => {
    const r = one('Preferred name: Jay Greer (he/him)\nLegal name (as on card): Jamie Anton Greer\nDOB: 2/5/2009\nInsurance: Aetna\nMember ID: W551982330');
    expect(r.client.name).toBe('Jamie Anton Greer');
    expect(r.referredBy).toBeNull();
  });

  it('takes a birth date in brackets beside the holder for the holder\'s', () => {
    const r = one('Client: Mira Greer\nDOB: 12/19/1985\nInsurance: Aetna\nMember ID: W551982330\nShe is on her husband\'s plan - the subscriber is Anton Greer (husband, DOB 3/2/1983).');
    expect(r.client.dob).toBe('1985-12-19');
  });
});

describe('a card\'s phones listed on one line (two-of-everything set)', () => {
  it('reads each phone by its own name, so member services gives way to the behavioral health line', () => {
    const r = one('Client: Mira Greer\nDOB: 6/11/1977\nInsurance: Sentara Community Plan\nMember ID: 600482917\nNumbers on her card: Member Services 800-555-0148 | Behavioral Health 800-555-0149 | Pharmacy 800-555-0147');
    expect(r.insurance.phone).toBe('+18005550149');
    expect(normalizeStructuredText('Name: Jo Roe | DOB: 1/2/1990 | Phone: 555-555-0123')).toBe('Name: Jo Roe | DOB: 1/2/1990 | Phone: 555-555-0123');
    // A sender's contact line, and each client's own line, stay as written.
    expect(normalizeStructuredText('Phone (361) 555-0115 | Fax (361) 555-0116')).toBe('Phone (361) 555-0115 | Fax (361) 555-0116');
    expect(normalizeStructuredText("Insurance phones: Jo's Anthem BH 800-555-0191 | Al's UHC behavioral 866-555-0193")).toBe("Insurance phones: Jo's Anthem BH 800-555-0191 | Al's UHC behavioral 866-555-0193");
  });
});

describe('a night nurse\'s chart lines (third fortnight set)', () => {
  it('reads a last-name-first name above the birth date, and the address after a note on where the client stays', () => {
    const r = one('another one from tonight\n\nGreer, Anton J\nDOB 10.3.88\nstaying at sister\'s - 2260 S Owyhee St, Boise ID 83705\nIdaho Medicaid\nID 0034718265');
    expect(r.client.name).toBe('Greer, Anton J');
    expect(r.client.address).toMatchObject({ line1: '2260 S Owyhee St', city: 'Boise', state: 'ID', postalCode: '83705' });
  });
});

describe('ordinary prose from a house manager, a father and a counselor (fourth fortnight set)', () => {
  it('reads a paragraph typed all in lower case, without apostrophes, sentence by sentence', () => {
    const r = one("hi, new resident today, Dale Pruitt, dob 3/9/91. he stays at the house now, 402 W Oak St Ames IA 50010. his insurance is Medica thru his dads job, his name is Roy Pruitt and hes on his plan. member # on the card is MED0041882 and the behavioral health number on the back is 866-555-0119. we're the referral, Prairie Wind Sober Living.");
    expect(r.client).toEqual({ name: 'Dale Pruitt', dob: '1991-03-09', address: { line1: '402 W Oak St', line2: null, city: 'Ames', state: 'IA', postalCode: '50010' } });
    expect(r.insurance).toMatchObject({ payerName: 'Medica', memberId: 'MED0041882', phone: '+18665550119' });
    expect(r.subscriber).toEqual({ name: 'Roy Pruitt', relationship: 'child' });
    expect(r.referredBy).toBe('Prairie Wind Sober Living');
  });

  it('takes no member ID from Idaho\'s ZIP, and reads the phone the back of the card "says"', () => {
    const r = one('My daughter is Ivy Hale, born June 2, 2004. She lives at 18 Birch Ln, Boise, ID 83702.\n\nShe has SelectHealth through my work. Member ID: 88120 4471\n\nThe back of the card says Mental Health 1-800-555-0148. There is a Pharmacy number too, 1-800-555-0177.');
    expect(r.insurance).toMatchObject({ memberId: '881204471', phone: '+18005550148' });
  });

  it('names the client after "a client of mine", the relative whose plan it is, and the practice the referral comes from', () => {
    const r = one("I am referring a client of mine, Theo Marsh-O'Brien, for IOP. The referral comes from my practice, Birch Hollow Counseling.\n\nTheo was born on May 1, 2003 and lives at 9 Alder Ct, Apt 4, Helena, MT 59601. He is covered on his father's plan with Premera. His father's name is Colm Marsh-O'Brien. Member ID PRM4410029.");
    expect(r.client.name).toBe("Theo Marsh-O'Brien");
    expect(r.subscriber).toEqual({ name: "Colm Marsh-O'Brien", relationship: 'child' });
    expect(r.referredBy).toBe('Birch Hollow Counseling');
  });

  it('reads the relative named in brackets after "through his dad\'s work", and "put us down as the referral - X"', () => {
    const r = one("Please put us down as the referral - Bitter Creek Recovery Center.\n\nFull name: Owen Reyes\nDate of birth: 2/2/2002\nHis insurance is through his dad's work (my husband, Luis Reyes). It's UMR, member ID 77310092.");
    expect(r.referredBy).toBe('Bitter Creek Recovery Center');
    expect(r.client.name).toBe('Owen Reyes');
    expect(r.subscriber).toEqual({ name: 'Luis Reyes', relationship: 'child' });
  });

  it('reads a plan the dictionary does not know where plans stand, and a whole plan name alone on a line', () => {
    const unknown = one('Kara Lind\nDOB 4/4/1984\n12 Pine St, Butte, MT 59701\nI am the policy holder (Ann Lind) and Kara is on it as my spouse.\nTreasure State Health CoOp\nMember ID TSH0038812');
    expect(unknown.insurance.payerName).toBe('Treasure State Health CoOp');
    const known = one('His name is Abel Cruz and he was born March 3, 2011. He lives with me at 4 Elk Rd, Missoula, MT 59801.\nHis insurance is through his dad\'s job.\nBlue Cross and Blue Shield of Montana\nMember ID YDJ 400 118 227');
    expect(known.insurance.payerName).toBe('Blue Cross and Blue Shield of Montana');
    expect(known.subscriber.relationship).toBe('child');
  });
});

describe('a mother, a therapist and an outreach rep (fourth fortnight set)', () => {
  it('takes the center whose admissions office asked the writer to send', () => {
    const r = one('My son Eli Banks is going into Cedar Knoll Recovery in Toms River, and Rhonda in their admissions office asked me to send his insurance.\n\nDOB: 1/1/2000\nInsurance: AmeriHealth\nID: AH55102291');
    expect(r.referredBy).toBe('Cedar Knoll Recovery');
  });

  it('reads "in her own name" as the client holding the plan, beside the plan and its ID', () => {
    const r = one('Ms. Ana Ruiz was born on June 2, 1990, and lives at 41 Elm Ave, Hamden, CT 06517. She has Medica in her own name; her member ID is 003948217, and there is no group.');
    expect(r.subscriber).toEqual({ name: 'Ana Ruiz', relationship: 'self' });
    expect(r.insurance).toMatchObject({ payerName: 'Medica', memberId: '003948217' });
  });

  it('reads shorthand "ins X thru his mom\'s work", and an ID that came later above the quoted request', () => {
    const r = one("Got Nate's mem id - QKZ55102871. rest below\n\n> pt Nate Cole dob 9/8/2001, lives 22 Burton St SE, Grand Rapids MI 49506. ins BCBSM thru his mom's work, grp 0070. mem id - couldnt read it, will get it Mon.");
    expect(r.insurance).toMatchObject({ payerName: 'BCBSM', memberId: 'QKZ55102871' });
    expect(r.subscriber.relationship).toBe('child');
  });

  it('names the client set off after "a second client", and a partner\'s plan with the partner named later', () => {
    const r = one('I have a second client I am referring, Mr. Paul Ames. He is covered as a domestic partner on his partner\'s ConnectiCare plan through her job; they are not married, and her name is Dana Wu. His member ID is 88274019302.');
    expect(r.client.name).toBe('Paul Ames');
    expect(r.insurance.payerName).toBe('ConnectiCare');
    expect(r.subscriber).toEqual({ name: 'Dana Wu', relationship: 'other' });
  });

  it('ends an address at its ZIP even with a note after it', () => {
    const r = one('NAME - Tom Reed\nDOB - 1/5/88\nADDRESS - 33 Frankford Ave, Philadelphia, PA 19134 (the house)\nCELL - 267-555-0150\nINSURANCE - Keystone First\nID # - 7702214568');
    expect(r.client.address).toEqual({ line1: '33 Frankford Ave', line2: null, city: 'Philadelphia', state: 'PA', postalCode: '19134' });
  });
});

describe('a request among other numbers (many-numbers set)', () => {
  it('gives the plan named once under "(both)" to clients with IDs of their own', () => {
    const text = 'Same plan for the couple.\n\n#1\nClient: Ray Lund\nDOB: 6/14/1972\nMember ID: NHW4401-01\n\n#2\nClient: Ada Lund\nDOB: 3/3/1975\nMember ID: NHW4401-02\n\nInsurance (both): Network Health\nGroup: 30118\nBH line: 1-800-555-0184';
    const rs = extractBody(text, ctx).requests;
    expect(rs).toHaveLength(2);
    for (const r of rs) expect(r.insurance).toMatchObject({ payerName: 'Network Health', groupNumber: '30118', phone: '+18005550184' });
  });

  it('keeps a rural grid number\'s letter, and no ID a house gave the resident', () => {
    const r = one('Resident: Cal Ortiz - house ID LH-0912, Room 2\nDOB: 1/5/1984\nThey live at W5510 County Rd K, Tomahawk, WI 54487.\nInsurance: Network Health\nMedicaid ID: 0041873392');
    expect(r.insurance.memberId).toBe('0041873392');
    expect(r.client.address?.line1).toBe('W5510 County Rd K');
  });

  it('reads nothing from a former plan said to have ended, or from a question about a different client', () => {
    const rs = extractBody('Client: Ben Ash\nDOB: 2/2/1990\nInsurance: Medica\nMember ID: MED441\n\nFYI his old plan (WEA Trust, ID 88120334) ended 6/30/2026 - please don\'t use it.\nUnrelated - our claim for a different client, Rae Ng (DOB 11/30/1974), is 77261.', ctx).requests;
    expect(rs).toHaveLength(1);
    expect(rs[0]!.client.dob).toBe('1990-02-02');
  });

  it('drops a programme note after a named plan, a role after a referrer, and a sentence where an ID should be', () => {
    const r = one('Client: Lia Moss\nDOB: 1/2/1990\nHome address: she is bringing us that address Friday\nInsurance: Keystone First (PA Medicaid)\nMember ID: her mom is texting me the card - will send\nReferred by: Dr. Ana Holt (her therapist) - office 215-555-0121');
    expect(r.insurance.payerName).toBe('Keystone First');
    expect(r.insurance.memberId).toBeNull();
    expect(r.client.address).toBeNull();
    expect(r.referredBy).toBe('Dr. Ana Holt - office 215-555-0121'.split(' - ')[0]);
  });

  it('reads a census table whose extra columns (Auth #, Notes, LOC) are labels of nothing the record holds', () => {
    const text = 'Bed\tClient\tDOB\tLOC\tPayer\tMember ID\tAuth #\tReferral\tNotes\n3A\tJo Achebe\t12/02/1979\t3.7\tFidelis Care\tFC4021883\tpending\tErie County Intake\tBAL 0.19';
    expect(one(text).referredBy).toBe('Erie County Intake');
  });

  it('reads a form item whose label lists its choices in brackets', () => {
    const r = one("1. Client's full name: Ted Moss\n2. Date of birth: 3/9/2009\n3. Insurance company (for example Aetna, Cigna, UHC): Harvard Pilgrim Health Care\n4. Member ID #: HPH0337\n5. Client's relationship to the policy holder (self, spouse, child or other): child");
    expect(r.insurance.payerName).toBe('Harvard Pilgrim Health Care');
    expect(r.subscriber.relationship).toBe('child');
  });
});

describe('English written in another language\'s grammar (second-language set)', () => {
  it('puts the given name first where the writer marks the family name: in capitals, or by a note', () => {
    expect(one('Client: NGUYEN Van Minh (Minh is first name, NGUYEN is family name)\nDOB: 1/2/1990\nInsurance: Aetna\nMember ID: W12345678').client.name).toBe('Minh Van NGUYEN');
    expect(one('Client: KOWALSKI Marek\nDOB: 1/2/1990\nInsurance: Aetna\nMember ID: W12345678').client.name).toBe('Marek KOWALSKI');
    // A chart's "Last, First" stays as written (the contract's rule).
    expect(one('Patient: Ortega, Lina M\nDOB: 1/2/1990\nInsurance: Aetna\nMember ID: W12345678').client.name).toBe('Ortega, Lina M');
    // Initials for a first name are no family name in capitals.
    expect(one('Client: DJ Rowe\nDOB: 1/2/1990\nInsurance: Aetna\nMember ID: W12345678').client.name).toBe('DJ Rowe');
  });

  it('reads "the policy of the husband of her", "she is the member" and "the insurance is his own"', () => {
    expect(one('Name: Rosa Lima\nDOB: 2/3/1985\nInsurance: Cigna\nMember ID: U4410\nSubscriber: she is on the policy of the husband of her, I don\'t have his name yet').subscriber.relationship).toBe('spouse');
    expect(one('Name: Rosa Lima\nDOB: 2/3/1985\nInsurance: Cigna\nMember ID: U4410\nThe insurance is of my mother herself, she is the member.').subscriber).toEqual({ name: 'Rosa Lima', relationship: 'self' });
    expect(one('Name: Rosa Lima\nDOB: 2/3/1985\nInsurance: Cigna\nMember ID: U4410\nShe is my daughter but the insurance is her own, the Medicaid is in her name since she has 18 years.').subscriber.relationship).toBe('self');
  });

  it('reads "X ask me to send", "they told me I need to send", "we were indicated to your office by X"', () => {
    const base = '\n\nName: Rosa Lima\nDOB: 2/3/1985\nInsurance: Cigna\nMember ID: U4410';
    expect(one(`Harbor Point Recovery ask me to send this email, my sister will start next week.${base}`).referredBy).toBe('Harbor Point Recovery');
    expect(one(`In Bright Oak Recovery they told me I need to send the card to this email.${base}`).referredBy).toBe('Bright Oak Recovery');
    expect(one(`We were indicated to your office by Lantern Bay Recovery Center, they said to verify first.${base}`).referredBy).toBe('Lantern Bay Recovery Center');
  });

  it('reads "the insurance of my son is X" as the plan, and a phone whose last digits are two pairs', () => {
    const r = one('Name of my son: Rui Costa\nBirthday: 4/5/2004\nThe insurance of my son is Blue Shield of California.\nMember number: XEA904551273\nInsurance phone: 1-800-555-01-53');
    expect(r.client.name).toBe('Rui Costa');
    expect(r.insurance).toMatchObject({ payerName: 'Blue Shield of California', phone: '+18005550153' });
  });

  it('takes "I am the mother of X" for the writer\'s relation, not a client named by "my name is"', () => {
    const rs = extractBody('My name is Olena, I am the mother of Taras. Harbor Light asked me to send this.\n\nClient: Taras MELNYK\nDate of birth: 28.02.2003\nInsurance: Aetna\nMember ID: W7713', ctx).requests;
    expect(rs).toHaveLength(1);
    expect(rs[0]!.client.name).toBe('Taras MELNYK');
  });
});

describe('a therapist, a house manager and a mother in the Southwest (fifth fortnight set)', () => {
  const base = '\n\nName: Rosa Lima\nDOB: 2/3/1985\nInsurance: Cigna\nMember ID: U4410';
  it('reads "put my practice, X, down as the referral", "referral for both is us, X" and "X gave me this email and asked me to send"', () => {
    expect(one(`Please put my practice, Sandpiper Counseling, down as the referral.${base}`).referredBy).toBe('Sandpiper Counseling');
    expect(one(`referral for both is us, Mesa Verde House${base}`).referredBy).toBe('Mesa Verde House');
    expect(one(`Pinecrest Recovery gave me this email address and asked me to send her insurance.${base}`).referredBy).toBe('Pinecrest Recovery');
  });

  it('reads a client named after "first one..." and a Kaiser MRN said in a sentence as the member ID', () => {
    expect(one('first one... Kyle Brand, dob 8/14/1985\nhe has Aetna, member id W4471920').client.name).toBe('Kyle Brand');
    const r = one('Her name is Ana Ruiz, date of birth 4/23/2005.\nShe is on my Kaiser Permanente plan. Kaiser has no member ID on the card, it\'s the MRN - hers is 11004872935.');
    expect(r.insurance.memberId).toBe('11004872935');
  });
});

describe('interventionists, house managers and EAPs (fortnight leftovers and the sixth and seventh fortnights)', () => {
  const base = '\n\nName: Rosa Lima\nDOB: 2/3/1985\nInsurance: Cigna\nMember ID: U4410';
  it('reads a name over a two-line street address, then the plan "through his dad\'s job" and "Dad is the policy holder, X"', () => {
    const r = one("New one for you.\n\nEli Sandoval\n455 N 300 W\nOgden, UT 84404\n\nSelectHealth through his dad's work. Dad is the policy holder, Marco Sandoval.\nMember ID 99120034\n\nThanks\nJo");
    expect(r.client.name).toBe('Eli Sandoval');
    expect(r.client.address).toMatchObject({ line1: '455 N 300 W', city: 'Ogden', state: 'UT', postalCode: '84404' });
    expect(r.insurance.payerName).toBe('SelectHealth');
    expect(r.subscriber).toEqual({ name: 'Marco Sandoval', relationship: 'child' });
  });

  it('does not take a signature\'s name and address for a client', () => {
    const rs = extractBody('Name: Rosa Lima\nDOB: 2/3/1985\nInsurance: Cigna\nMember ID: U4410\n\nThanks,\nDana Whit\nHarbor Recovery Center\n12 Elm St\nBoise, ID 83702', ctx).requests;
    expect(rs).toHaveLength(1);
    expect(rs[0]!.client.name).toBe('Rosa Lima');
  });

  it('reads "I\'m the referral - X", "For the referral, please put X" and "the lady at admissions there told me to email you"', () => {
    expect(one(`I'm the referral - Canyon Path Interventions.${base}`).referredBy).toBe('Canyon Path Interventions');
    expect(one(`For the referral, please put Blue Ridge College Counseling Center.${base}`).referredBy).toBe('Blue Ridge College Counseling Center');
    expect(one(`My wife went into Cedar Hollow Recovery today and the man at intake there told me to email you.${base}`).referredBy).toBe('Cedar Hollow Recovery');
    expect(one(`Referral - me, Tidewater Peer Support${base}`).referredBy).toBe('Tidewater Peer Support');
  });

  it('reads "my husband Rubén X went into ..." with its accent, and "I\'m the one on the policy, NAME"', () => {
    const r = one("My husband Rubén Ortiz went into rehab today.\nHis birthday is May 2, 1980. We live at 12 Elm St, El Paso, TX 79901.\nThe insurance is Aetna. It's through my job so I'm the one on the policy, Luz Ortiz.\nMember ID W9981234");
    expect(r.client.name).toBe('Rubén Ortiz');
    expect(r.subscriber).toEqual({ name: 'Luz Ortiz', relationship: 'spouse' });
  });

  it('reads a TRICARE "Sponsor:", "MCD#" and a hospital\'s "Payor ID #" as the member\'s, not a five-character EDI payer ID', () => {
    expect(one('Patient: Ana Ruiz\nDOB: 1/2/2004\nInsurance: TRICARE East\nSponsor: Luis Ruiz (father)\nDBN: 1048372659').subscriber).toEqual({ name: 'Luis Ruiz', relationship: 'child' });
    expect(one('PT: Ana Ruiz\nDOB: 1/2/2004\nINS: Superior HealthPlan\nMCD#: 718204396').insurance.memberId).toBe('718204396');
    expect(one('Pt name: Ana Ruiz\nDOB: 1/2/2004\nPayor: Community Health Choice\nPayor ID #: 521748036').insurance.memberId).toBe('521748036');
    expect(one('Pt name: Ana Ruiz\nDOB: 1/2/2004\nPayor: Aetna\nPayer ID: 60054\nMember ID: W1234567').insurance.memberId).toBe('W1234567');
  });

  it('reads an EAP\'s "Employee:" as the client when the plan is said to be the employee\'s own', () => {
    const r = one('Employee:  Dana M. Cole\nDate of Birth:  06/04/1981\nHealth Plan:  Aetna\nMember ID:  W4810627\nEnrollee:  Self (employee)');
    expect(r.client).toMatchObject({ name: 'Dana M. Cole', dob: '1981-06-04' });
    expect(r.subscriber).toEqual({ name: 'Dana M. Cole', relationship: 'self' });
  });

  it('reads a numbered client with "date of birth" in words, the plan\'s phone "for them", and a payer before ", its his medicaid"', () => {
    const rs = extractBody('Two for you, both live here at the house: 40 Oak St, Dover, DE 19901.\n\n1) Sam T. Reed, date of birth 10/05/1990. Insurance is Aetna, member number W27731. It is his own policy.\n\n2) Joe K. Lamb, date of birth 3/21/2001. Insurance is Cigna, member number U408211. It is his own policy.', ctx).requests;
    expect(rs.map((r) => r.client.name)).toEqual(['Sam T. Reed', 'Joe K. Lamb']);
    const r = one('Name - Ken Bond\nInsurance - Priority Partners, its his medicaid\nPhone for them - 800-555-0141, I got it off their website');
    expect(r.insurance).toMatchObject({ payerName: 'Priority Partners', phone: '+18005550141' });
  });

  it('reads "a dependent on her mother\'s plan, X; her mother is NAME" and a lower-case writer\'s sentence ending before the shared address', () => {
    expect(one(`She is covered as a dependent on her father's plan, Cigna; her father is Raj Patel.${base.replace('Insurance: Cigna\n', '')}`).subscriber).toEqual({ name: 'Raj Patel', relationship: 'child' });
    const rs = extractBody('hi,\n\ntwo of my guys need their insurance checked first. both live here at the house so use the house address for both... 14 Wells Ave, Reno NV 89502\n\nfirst one... Kyle Brand, dob 8/14/1985\nhe has Aetna, member id W4471920, its his own policy\n\nsecond one... Sean Mahan, dob 12/30/1979\nhe has Cigna, member id U2305711, its in his own name', ctx).requests;
    expect(rs.map((r) => r.client.address?.line1)).toEqual(['14 Wells Ave', '14 Wells Ave']);
  });
});

describe('writers who take a value back (self-corrections set)', () => {
  it('drops a plan block the writer says to ignore, and reads the plan named after', () => {
    const r = one("Name: Eli Ward\nDOB: 2/3/2001\n\nInsurance:\nAetna\nID W418830275\nGroup 0891122\n\nSorry -- please ignore the Aetna info above, that was his old plan. He is on his mom's plan now.");
    expect(r.insurance).toMatchObject({ payerName: null, memberId: null, groupNumber: null });
    const t = one('vob pls\n\nTara J Lind\ndob 05/09/1989\nins Molina Healthcare id 108773204\nno scratch that, molina is her old plan. she\'s had Community Health Plan of Washington since july');
    expect(t.insurance).toMatchObject({ payerName: 'Community Health Plan of Washington', memberId: null });
  });

  it('reads the address after "scratch that", and nothing for a value the writer disowns with no other', () => {
    const r = one("Name: Ada Ruiz\nDOB: 2/8/1951\nAddress: 18 W Broadway Rd, Mesa, AZ 85202 -- scratch that, that's her old house. She lives with us now: 62 E Calle Luna, Tucson, AZ 85715\nMember ID: H48123579 -- actually, don't go by what I typed.\nID2: 1190348 -- wait, no. That's an old number.");
    expect(r.client.address).toMatchObject({ line1: '62 E Calle Luna', city: 'Tucson' });
    expect(r.insurance.memberId).toBeNull();
    const p = one('Name: Ada Ruiz\nDOB: 2/8/1951\nAddress: 1512 E Olive Way, Seattle, WA 98122\n\nP.S. Scratch the Olive Way address, she is staying at her dad\'s: 16020 NE 85th St, Redmond, WA 98052.');
    expect(p.client.address).toMatchObject({ line1: '16020 NE 85th St', city: 'Redmond' });
  });

  it('reads what follows "actually no" in place of what came before it, and a CORRECTION line over the form', () => {
    const r = one("Ada Ruiz, DOB 12/01/2001.\nShe has Aetna, member ID W603184729. She's the policyholder -- actually no, I just checked with the family: it's her mom's plan through her employer. Her mom is Rita Ruiz.");
    expect(r.subscriber).toEqual({ name: 'Rita Ruiz', relationship: 'child' });
    const c = one("Client Name: Jon Lee\nDOB: 07/02/1979\nInsurance: Aetna\nMember ID: W2104476\nSubscriber: Self\n\nCORRECTION before you run it: the subscriber is not him. It's his wife's plan through her job -- Mia Lee.");
    expect(c.subscriber).toEqual({ name: 'Mia Lee', relationship: 'spouse' });
  });

  it('keeps one plan read by its full and its short name, and reads "<plan> mental health line" as that plan\'s phone only', () => {
    const r = one('Patient: Ada Ruiz\n\nDOB: 03/19/1990\n\nInsurance: Molina Healthcare of Washington\n\nMolina ID: 108442719\n\nPremera mental health line 877-555-0190');
    expect(r.insurance).toMatchObject({ payerName: 'Molina Healthcare of Washington', memberId: '108442719', phone: null });
    expect(one('Patient: Ada Ruiz\nDOB: 03/19/1990\nInsurance: Premera Blue Cross\nMember ID: PRM6044\nPremera mental health line 877-555-0190').insurance.phone).toBe('+18775550190');
  });
});

describe('a house manager\'s paragraphs and a CRM lead (sixth fortnight set)', () => {
  it('reads "has his own X", "the back of his card says behavioral health N", and "on his wife NAME\'s X through her job"', () => {
    const rs = extractBody("Both live here at the house now, 14 Rock St, Little Rock, AR 72202. Put Rock House down as the referral for both.\n\nFirst one is Jim Dale Sikes, date of birth 4/30/1984. He has his own Arkansas Blue Cross through his job. ID is XCA603118, group 81155. The back of his card says behavioral health 1-800-555-0135.\n\nSecond is Marc Whit, date of birth 11/8/1991. He is on his wife Kia Whit's Arkansas Blue Cross through her state job. Kia says it is the same behavioral health number on the back, 1-800-555-0135.", ctx).requests;
    expect(rs).toHaveLength(2);
    expect(rs[0]!.subscriber).toEqual({ name: 'Jim Dale Sikes', relationship: 'self' });
    expect(rs[0]!.insurance.phone).toBe('+18005550135');
    expect(rs[1]!.insurance).toMatchObject({ payerName: 'Arkansas Blue Cross', phone: '+18005550135' });
    expect(rs[1]!.subscriber).toEqual({ name: 'Kia Whit', relationship: 'spouse' });
    expect(rs.map((r) => r.referredBy)).toEqual(['Rock House', 'Rock House']);
  });

  it('reads a CRM\'s "Lead:" as the client and "Not entered" as no value', () => {
    const r = one('Lead: Brooke Ann Castle\nDate of Birth: 03/05/1994\nStreet: 27 Oak Run Pkwy\nUnit: Not entered\nCity: New Braunfels\nState: TX\nZIP: 78132\nPrimary Payer: Aetna\nMember ID: W7120458');
    expect(r.client.name).toBe('Brooke Ann Castle');
    expect(r.client.address).toMatchObject({ line1: '27 Oak Run Pkwy', line2: null });
  });

  it('gives a plan\'s phone said to be "the same line for both" to the client on that plan without one', () => {
    const rs = extractBody('1) Rena Alves\nDOB 8/22/1975\nAetna, member ID W551208833\nAetna BH line: 1-888-555-0121 (same line for both of them)\n\n2) Ava Alves\nDOB 1/2/2004\nAetna, member ID W551208834', ctx).requests;
    expect(rs.map((r) => r.insurance.phone)).toEqual(['+18885550121', '+18885550121']);
  });
});

describe('corrections inside a label\'s value, and notes beside an address (self-corrections set, second pass)', () => {
  it('takes the phone after "-- no, that one is for members", and a substance-use line as the plan\'s', () => {
    const r = one('Name: Ada Ruiz\nDOB: 8/3/1985\nInsurance: Aetna\nMember ID: W9712043\nPhone on the back: 866-555-0100 -- no, that one is for members. The mental health / substance use number is 866-555-0199.');
    expect(r.insurance.phone).toBe('+18665550199');
  });

  it('ends an address at its ZIP before a note about an old one, and drops a label run into its cell', () => {
    const r = one('Name: Ada Ruiz\nDOB: 8/3/1985\nAddress: 809 S 16th Ave, Yakima, WA 98902 (updated today - the old one in our system was 302 N 5th St, Selah)\nInsurance Priority Health\nMember ID: 8023319840');
    expect(r.client.address).toMatchObject({ line1: '809 S 16th Ave', city: 'Yakima', state: 'WA', postalCode: '98902' });
  });
});

describe('a face sheet\'s guarantor beside its subscriber (seventh fortnight set, second pass)', () => {
  it('takes "Guarantor: Self" for who pays when the sheet has a "Subscriber:" line of its own', () => {
    const r = one('Patient: Lionel Beck\nDOB: 08/19/1979\nPrimary Payer: Aetna\nMember #: W1234567\nSubscriber:\nGuarantor: Self');
    expect(r.subscriber).toEqual({ name: null, relationship: null });
    expect(one('Patient: Lionel Beck\nDOB: 08/19/1979\nPrimary Payer: Aetna\nMember #: W1234567\nGuarantor: Self').subscriber.relationship).toBe('self');
  });
});

describe('clients writing for themselves, and the eighth fortnight', () => {
  it('reads "Insurance is X through my job so I\'m the subscriber" and a form\'s "Who is the primary insurance holder?" answered "Myself"', () => {
    const r = extractBody('My name is Wes J Kamin, DOB 4/17/1991\nI live at 22 Laporte Ave, Fort Collins CO 80521\nInsurance is Cigna through my job so I\'m the subscriber\nMember ID U7730418', { ...ctx, fromName: 'Wes Kamin' }).requests[0]!;
    expect(r.insurance.payerName).toBe('Cigna');
    const f = extractBody('First name\nKen\nLast name\nTad\nDate of birth\nSep 12, 1977\nInsurance carrier\nAetna\nMember ID\nW551802\nWho is the primary insurance holder?\nMyself', { ...ctx, fromName: 'Ken Tad' }).requests[0]!;
    expect(f.subscriber).toEqual({ name: 'Ken Tad', relationship: 'self' });
  });

  it('reads "X - it\'s through his dad\'s work" and "Cigna - through his wife\'s job, she\'s the policy holder - NAME"', () => {
    expect(one('Lan Stroud\ndob 3-2-2001\n\nBlue KC - it\'s through his dad\'s work\nID XKC880417').insurance.payerName).toBe('Blue KC');
    expect(one('Eli Park\ndob 8-14-1992\n\nCigna - through his wife\'s job, she\'s the policy holder - Bree Park\nID U123456').subscriber).toEqual({ name: 'Bree Park', relationship: 'spouse' });
  });

  it('reads a sentence that opens with the name and birth date, and a center labelled over a doctor said', () => {
    expect(one('Mesa Arroyo Behavioral Health told me to send this. Ana Ruiz-Funes 6-14-87, 44 Isleta Blvd SW, Albuquerque NM 87105.').client.name).toBe('Ana Ruiz-Funes');
    expect(one('Dr. Hertz is referring the patient below.\n\nPatient: Ana Ruiz\nDOB: 1/2/1990\nInsurance: Aetna\nMember ID: W1234567\nReferred by: Slope Family Medicine').referredBy).toBe('Slope Family Medicine');
  });
});

describe('clients who name themselves, and wrapped mail (themselves, ninth fortnight and wrapped sets, second pass)', () => {
  const from = (fromName: string | null, text: string): BodyRequest => {
    const r = extractBody(text, { ...ctx, fromName }).requests;
    expect(r).toHaveLength(1);
    return r[0]!;
  };

  it('takes the client\'s name from "this is X", "My name is X" and "Me: X" when the writer is the one going in', () => {
    const a = from('Tova Lind', 'Hi this is Tova R. Lind. I\'m going into Quarry Hill Recovery for detox on Monday and they told me to email you pics of my card.\n\nDOB 2/3/1990\nThe insurance is mine through work so I\'m the subscriber');
    expect(a.client.name).toBe('Tova R. Lind');
    expect(a.subscriber).toEqual({ name: 'Tova R. Lind', relationship: 'self' });
    const b = from('Rue Ansel', 'Hello,\n\nCedar Knoll Recovery told me to contact you about verifying my insurance before I come in.\n\nMe: Rue Maren Ansel, born 05/06/1993\nAddress: 12 Pine St, Ogden, UT 84401');
    expect(b.client.name).toBe('Rue Maren Ansel');
    expect(b.referredBy).toBe('Cedar Knoll Recovery');
  });

  it('reads "I\'m on my dad\'s insurance" as the writer\'s relation, and "his name is X" after the relative\'s plan as the holder', () => {
    const a = from('Ana Vela', 'My name is Ana Vela. I\'m on my dad\'s insurance. It\'s Aetna. I have a photo of his card: the ID is W5510732 and the group is 44120.');
    expect(a.subscriber.relationship).toBe('child');
    expect(a.insurance).toMatchObject({ payerName: 'Aetna', memberId: 'W5510732', groupNumber: '44120' });
    const b = from(null, 'Client: Ana Vela, DOB 1/2/2001\nI\'m on my mom\'s plan through her work. It\'s Cigna. Her name is Dora Vela.');
    expect(b.subscriber).toEqual({ name: 'Dora Vela', relationship: 'child' });
  });

  it('mends contractions typed without apostrophes ("im", "its my own medicaid", "Im the policy holder")', () => {
    const r = from('Lu Paz', 'Vista Ridge told me to send this. Lu Paz 4-5-91, 10 Oak St, Provo UT 84601. Cigna, ID U5520117, grp 3340. Im the policy holder.');
    expect(r.subscriber).toEqual({ name: 'Lu Paz', relationship: 'self' });
    expect(r.insurance.payerName).toBe('Cigna');
  });

  it('takes a client\'s signed address when the client writes, and a referral from "X at Y told me to email you"', () => {
    const r = from('Ida Moor', 'Hello,\n\nJen at Sagebrush Path told me to email you my insurance. I\'m starting their IOP soon.\n\nMy insurance is Cigna through my job and I\'m the policy holder. Member ID U4410299. My birthday is 1/2/1990. The number on the back is 800-555-0142.\n\nThank you!\n\nIda Moor\n55 W Elm Rd\nApt 3\nMesa, AZ 85201');
    expect(r.referredBy).toBe('Sagebrush Path');
    expect(r.client.address).toMatchObject({ line1: '55 W Elm Rd', city: 'Mesa', state: 'AZ', postalCode: '85201' });
  });

  it('reads "My husband\'s name is X, he is the policy holder" as the holder, not a second client', () => {
    const r = from('Jo Vance', 'My son Ty is going into treatment. His full name is Ty Alan Vance, born 3/4/2000.\n\nHe is on his dad\'s insurance through work. It is Cigna.\nMember ID: U1234567\nMy husband\'s name is Rob Vance, he is the policy holder.');
    expect(r.subscriber).toEqual({ name: 'Rob Vance', relationship: 'child' });
  });

  it('reads a first name alone beside the client\'s full one, and "she is the policy holder" beside the plan, as the client', () => {
    expect(one('Member: Wade T. Ito\nDOB: 6/2/1968\nInsurance: UMR\nPolicy holder: Wade (through his job at the county)').subscriber).toEqual({ name: 'Wade T. Ito', relationship: 'self' });
    const r = one('Name: Mira Shah\nDOB: 08/27/1986\nInsurance: Highmark Blue Shield - through her employer, she is the policy holder\nMember ID: YWK123456789');
    expect(r.insurance.payerName).toBe('Highmark Blue Shield');
    expect(r.subscriber.relationship).toBe('self');
  });

  it('reads an unlabelled plan opening a pipe row, "Coverage Phone", "City / State / Zip" with slashes, and "Apple Health MCO"', () => {
    expect(one('Client: Ada Ruiz\nDOB: 1/2/1990\nCigna | ID: U5520117 | Grp: 3340').insurance).toMatchObject({ payerName: 'Cigna', memberId: 'U5520117' });
    expect(one('Name: Ada Ruiz\nDOB: 1/2/1990\nCoverage: Aetna\nMember ID: W1234567\nCoverage Phone: 800-555-0109').insurance.phone).toBe('+18005550109');
    expect(one('Name: Ada Ruiz\nDOB: 1/2/1990\nAddress Line 1: 14 Main St\nCity / State / Zip : Nampa / ID / 83651\nPayer: Aetna\nSubscriber ID: W1234567').client.address).toMatchObject({ city: 'Nampa', state: 'ID', postalCode: '83651' });
    const wa = one('Pt: Ada Ruiz\nDOB: 1/2/1990\nApple Health MCO: Coordinated Care\nProviderOne ID: 108833472WA');
    expect(wa.insurance).toMatchObject({ payerName: 'Coordinated Care', memberId: '108833472WA' });
  });

  it('lets "Referral Source" replace a form\'s "Facility", and keeps "Referral: none" from taking another client\'s', () => {
    expect(one('Facility : Basin Withdrawal Center\nPatient Name : Ada Ruiz\nDOB : 1/2/1990\nReferral Source : Canyon Crisis Team').referredBy).toBe('Canyon Crisis Team');
    const two = extractBody('Ada Ruiz\nDOB 1/2/1990\nCigna | ID: U5520117\nReferral: Elm Counseling\n\nBo Lee\nDOB 3/4/1985\nAetna | ID: W1234567\nReferral: none - self-referral, he called us', ctx).requests;
    expect(two.map((r) => r.referredBy)).toEqual(['Elm Counseling', null]);
  });

  it('reads a locked secure-message notice, and thanks above results a gateway re-wrapped, as no request', () => {
    expect(extractBody('Dana Cole (dcole@center.test) has sent you a secure message.\n\nUnlock Message: https://secure.example.test/x\n\nAccess expires in 14 days.', ctx).requests).toHaveLength(0);
    const quoted = 'Thanks so much, this is what we needed!\n\n________________________________\nFrom: Billing <verification@billing.test>\nSubject: VOB results\n\nResults for Ada Ruiz (DOB 01/02/1990):\nHealth Net, member ID 93328104F, active since 01/01/2027.\nCovered with county authorization; no share of cost.\nCalled Health Net, reference HN-0426-5521.';
    expect(extractBody(quoted, ctx).requests).toHaveLength(0);
  });
});

describe('what the card says, and whose name the plan is in (themselves set, third pass)', () => {
  it('reads "The card says member ID X and group Y" and "The insurance is in X\'s name" as the holder, not the plan', () => {
    const r = one('My name is Ty Lund. I live at 14 Elm St, Pocatello, ID 83201.\nThe insurance is Blue Cross of Idaho. The card says member ID QIB550120 and group 55120.\nThe insurance is in Ana Ruiz\'s name, she has the job at the hospital.');
    expect(r.insurance).toMatchObject({ payerName: 'Blue Cross of Idaho', memberId: 'QIB550120', groupNumber: '55120' });
    expect(r.subscriber.name).toBe('Ana Ruiz');
  });
});

describe('service members, veterans and their families (military set, second pass)', () => {
  it('drops a rank, a rate or a service from a name, and reads a DBN as the member number and a DoD ID as no member number', () => {
    const r = one('Beneficiary: Ana R. Cole\nDOB: 03 NOV 1998\nInsurance: TRICARE Prime\nBeneficiary DBN: 304 7185 2963\nSponsor: SGT Tyler J. Cole\nSponsor DoD ID: 1298374650\nRelationship to sponsor: Spouse');
    expect(r.insurance.memberId).toBe('30471852963');
    expect(r.subscriber).toEqual({ name: 'Tyler J. Cole', relationship: 'spouse' });
    expect(one('1) LCpl Dev M. Lane, USMC – active duty\nDOB: 17 JAN 2005\nInsurance: TRICARE Prime\nDBN: 41920736518\nSponsor: Self').client.name).toBe('Dev M. Lane');
    expect(one('Patient: Ana Cole\nDOB: 1/2/1990\nInsurance: TRICARE Select\nDBN: 52806413397\nSponsor: ET2 Cody L. Cole (husband), 2d MarDiv – DoD ID 1468023375').subscriber).toEqual({ name: 'Cody L. Cole', relationship: 'spouse' });
  });

  it('reads "through his dad, my husband SSG X", "Her husband (the sponsor): X", "Enrollee: X (patient\'s father; ...)"', () => {
    expect(one('His full name is Tad Ray Kolb, birthday 02/19/2008.\nHe has TRICARE Select through his dad, my husband SSG Ray Kolb. Ray is deployed.').subscriber).toEqual({ name: 'Ray Kolb', relationship: 'child' });
    expect(one('Her name: Kay Ann Bell\nHer husband (the sponsor): SPC Lo Bell, B Btry, 2-47 FA\nCoverage: TRICARE Prime').subscriber).toEqual({ name: 'Lo Bell', relationship: 'spouse' });
    expect(one('Patient: Cal J. Holt\nDate of Birth: August 2, 2005\nHealth Plan: FEP Blue\nMember ID: R48207163\nEnrollee: Lars Holt (patient\'s father; civilian employee, Defense Logistics Agency)').subscriber).toEqual({ name: 'Lars Holt', relationship: 'child' });
  });

  it('reads a contractor\'s line as the plan\'s, "Daughter:" as the client, and leaves a second plan\'s values out', () => {
    expect(one('Patient: Ana Cole\nDOB: 1/2/1990\nInsurance: TRICARE Select\nDBN: 52806413397\nHumana Military provider line: 1-800-555-0141').insurance.phone).toBe('+18005550141');
    expect(one('Daughter: Emi R. Cole\nDOB: 21 AUG 2010\nInsurance: TRICARE Prime\nDBN: 702 5193 8846').client.name).toBe('Emi R. Cole');
    const r = one('Name: Rose Abel\nDOB 5/30/1955\nHer main insurance is Humana, it\'s a Medicare Advantage plan.\n\nShe also has TRICARE For Life because my dad was career Air Force. Her DBN is 27740195362 in case you need it, but Humana is primary.');
    expect(r.insurance).toMatchObject({ payerName: 'Humana', memberId: null });
  });

  it('reads "Veteran Name" as the client, "Veteran: N" as a yes/no box, and a phone written with en dashes', () => {
    const r = one('Veteran Name: Des K. Hall\nDate of Birth: 06/27/1985\nPayer: VA Community Care Network\nMember ID (VHIC): 1083746259\nInsurance phone: 1\u2013800\u2013555\u20130147');
    expect(r.client.name).toBe('Des K. Hall');
    expect(r.insurance.phone).toBe('+18005550147');
    expect(extractBody('Patient Name: HALL, DES\nDate of Birth: 04/27/1989\nVeteran: N          Interpreter: N\nInsurance: Aetna\nMember ID: W1234567', ctx).requests).toHaveLength(1);
  });

  it('reads "Member ID on her CHAMPVA card" and "Member number" as the member ID, whatever its shape', () => {
    expect(one('Name: Dee Embry\nBorn: September 9, 1967\nHer insurance: CHAMPVA\nMember ID on her CHAMPVA card: 402118836').insurance.memberId).toBe('402118836');
    expect(one('Name: Jo Cloutier\nDOB: 6/9/2001\nInsurance: MaineCare\nMember number: 073 155 8297').insurance).toMatchObject({ memberId: '0731558297', phone: null });
  });
});

describe('stories and threads (told, fortnight-10 sets, second pass)', () => {
  it('reads an aside before "is", "it\'s through <plan>", "lived at <street> in <town>, <state> (<ZIP>)" and a birthday named by its holiday', () => {
    const r = one('His full name is Andre Whit, born on Christmas Eve, 1983. We\'ve lived at 1540 Pecan Grove Circle in Round Rock, Texas (78664) for six years. He\'s on my plan - I work for the district, and it\'s through Blue Cross Blue Shield of Texas.\n\nHis member ID, off that same card, is ZTX 704 552 913, and the group number is 00281466.');
    expect(r.client).toMatchObject({ dob: '1983-12-24', address: { line1: '1540 Pecan Grove Circle', line2: null, city: 'Round Rock', state: 'TX', postalCode: '78664' } });
    expect(r.insurance).toMatchObject({ payerName: 'Blue Cross Blue Shield of Texas', memberId: 'ZTX704552913' });
  });

  it('takes the writer\'s own center for "put us down as the referral", and "put the referral as X"', () => {
    const two = extractBody('Hi this is Rich, house manager at Clifton Recovery Residence. Two of my guys need insurance checked. Put us down as the referral on both.\n\nFirst is Marc Vee, dob 5/11/1990. He has Tufts Health Together, his own. ID 100583920471.\n\nSecond is Kyle Bro, dob 1/29/1996. He has WellSense, his own. ID 100583920999.', ctx).requests;
    expect(two.map((r) => r.referredBy)).toEqual(['Clifton Recovery Residence', 'Clifton Recovery Residence']);
    expect(two.map((r) => r.subscriber.relationship)).toEqual(['self', 'self']);
    expect(one('dob 8/8/2000\nAnthem BCBS\nID JQN600214587\nanthem # on back of card 800-555-0134\nput the referral as Lake Region Recovery Center').insurance.phone).toBe('+18005550134');
  });

  it('reads an answer above a desk\'s list of what it needs, naming no client, as no new request', () => {
    const answer = 'His wife\'s name is Nic A. Bou, she is the policyholder.\n\nOn Oct 29, 2026, at 1:46 PM, Billing <verification@billing.test> wrote:\n> Before we can verify benefits we still need the following:\n>   - Subscriber Name\n> Please reply to this message with the missing information.';
    expect(extractBody(answer, { ...ctx, subject: 'Re: VOB', isReply: true }).requests).toHaveLength(0);
  });
});

describe('grown children writing for a parent, and the eleventh fortnight (older-adults and Southeast sets)', () => {
  it('names a parent the child writes about ("My dad is X", "My mother, X, is going in", "this is X\'s wife", "My mother: X"), not a parent who holds the plan', () => {
    expect(one('Hello,\n\nMy dad is Gerald A. Przy. He is 71.\nHe lives at 5614 S 36th St, Omaha, NE 68107.\nHe has a Wellcare Medicare plan and it is in his own name.').client.name).toBe('Gerald A. Przy');
    expect(one('Hi, my dad Gerald Przy is going in there on January 4th. His birthday is 2/14/1952. It\'s his own plan, he\'s the member.').subscriber.relationship).toBe('self');
    expect(one('Hi this is Dar Whit\u2019s wife. Here is the front of his card.\n\nHis birthday is December 3rd 1984\nHe is the main person on the insurance').client.name).toBe('Dar Whit');
    expect(one('Our program referred my mother to the geriatric IOP.\n\nMy mother: Pri S. Chand\nDate of birth: Sept 14 1964\nInsurance: Highmark\nShe is the subscriber.').client.name).toBe('Pri S. Chand');
    expect(one('Our clinic referred my mother to the day program.\n\nMom: Gra A. Ferr\nDOB: Sept. 3rd, 1944\nInsurance: Clover Health\nMom is the policy holder.').subscriber).toEqual({ name: 'Gra A. Ferr', relationship: 'self' });
    expect(one('Mom: Gra A. Ferr\nDOB: 9/3/1944\nInsurance: Clover Health\nMom is the policyholder, it\'s her own Medicare plan.').subscriber.relationship).toBe('self');
    expect(one('I\'m her daughter and I have her power of attorney.\n\nHer name is Ros M. Abe, born 7/2/42.\nHer insurance is Humana. The plan is in Mom\'s own name, not mine.').subscriber.relationship).toBe('self');
    // The writer on a parent's plan: the parent is the holder, not the client.
    expect(one('My dad is Gerald Roe, I am on his plan through his work.\nMy birthday is 4/4/2004\nInsurance: Aetna').client.name).toBeNull();
  });

  it('reads "New VOB - X", a name line over a birthday without its year, and "this is X\'s wife" but not a plan after "VOB -"', () => {
    expect(one('New VOB - Dela Oka. Everything is on her card.\nDOB 2/14/1990\nShe is the policy holder.').client.name).toBe('Dela Oka');
    expect(one('I\'m her sponsor.\n\nDela Oka\nHer birthday is February 14th - I don\'t know the year\nShe lives at 2250 W Glendale Ave Apt 118, Phoenix AZ 85021').client).toMatchObject({ name: 'Dela Oka', dob: null });
    expect(one('Re: VOB - Medicare Advantage pt\nName: Ros M. Abe\nDOB: 08/25/1954\nInsurance: Humana').client.name).toBe('Ros M. Abe');
  });

  it('reads a plan\'s holder said in other words: "Plan holder: X (self)", "it is his own since ...", "he\'s the main one on it", "(his own plan ...)", "the beneficiary himself"', () => {
    expect(one('Client: Kei L. Thorn\nAddress: 1560 Peck St, Muskegon, MI 49441\nProgram: Healthy Michigan Plan\nPlan holder: Kei (self)').subscriber.relationship).toBe('self');
    expect(one('His full name is Adr M. Vill, birthday 6/2/2006. He has TRICARE Prime through the Marine Corps, it is his own since he is the one serving.').subscriber.relationship).toBe('self');
    expect(one('Name: Dev Mar\nDOB: 6/3/1995\nhis insurance is Anthem it\'s through his job so he\'s the main one on it').subscriber.relationship).toBe('self');
    expect(one('Name: Trev Mack\nDOB: 1/1/1990\nTrev has coverage through Medical Mutual. He is the holder (his own plan through his employer).').subscriber.relationship).toBe('self');
    expect(one('Please run Jay Ortiz-Beck 2/9/2001 Aetna W590371826. Mom is the policy holder, I\'ll get her name when she calls back').subscriber).toEqual({ name: null, relationship: 'child' });
    expect(one('Name: Jo Roe\nDOB: 1/1/2001\nMy husband is the policy holder.').subscriber.relationship).toBeNull();
    expect(one('Name: Saul H. Adl\nDOB: 12/25/1936\nHis primary insurance is Medicare, and that is the one to check. He is the beneficiary himself.').subscriber.relationship).toBe('self');
  });

  it('keeps a relative\'s plan named two sentences before "Her name is X" on the holder, and reads "My mom\'s insurance is X"', () => {
    const r = one('My name is Harp L. Nguy. My birthday is December 3, 2009.\nMy mom\'s insurance is UnitedHealthcare. It\'s through her job at the hospital. Her name is Thu Nguy. Here is what the card says:\nMember ID: 963201884');
    expect(r.insurance.payerName).toBe('UnitedHealthcare');
    expect(r.subscriber).toEqual({ name: 'Thu Nguy', relationship: 'child' });
  });

  it('reads a Medicare contractor\'s provider contact center, "same CGS line as patient 1", and "Phone for both" said of the card', () => {
    const two = extractBody('PATIENT 1\nName: Thad J. Worr\nDOB: 4/9/38\nInsurance: Medicare\nMBI: 2DJ8 UC4 HF63\nProvider contact center (CGS, J15): 1-866-555-0142\n\nPATIENT 2\nName: Ruby N. Cast\nDOB: 10-02-1963\nInsurance: Medicare\nMBI: 9PW1-T44-GN27\nProvider contact center: same CGS line as patient 1', ctx).requests;
    expect(two.map((r) => r.insurance.phone)).toEqual(['+18665550142', '+18665550142']);
    expect(one('Name: Lyle Vand\nDOB: 5-30-1944\nInsurance: Medicare\nNoridian (JF) provider contact center: 1-877-555-0110').insurance.phone).toBe('+18775550110');
    const both = extractBody('1) Clar T. Font\n   DOB 03/28/1940\n   Insurance: AARP Medicare Advantage\n   Member ID: 918446201\n\n2) Marie Font\n   DOB 12/02/1943\n   Insurance: AARP Medicare Advantage\n   Member ID: 918446202\n\nPhone for both: the Behavioral Health number on the back of Clar\'s card, 1-800-555-0173.', ctx).requests;
    expect(both.map((r) => r.insurance.phone)).toEqual(['+18005550173', '+18005550173']);
  });

  it('leaves a plan marked FYI, secondary or termed out of the record, and reads the plan "to verify"', () => {
    const r = one('Name: Hal E. Brand\nDOB: 02/11/1941\n\nPRIMARY (please verify this one)\nInsurance: Medicare\nMBI: 5TQ2-HN7-RK48\n\nSECONDARY (FYI only)\nMedigap Plan G - Mutual of Omaha\nPolicy #: 0048177230   Phone: 1-800-555-0171\n\nPART D (FYI only)\nWellcare Value Script\nMember ID: 77410255');
    expect(r.insurance).toMatchObject({ payerName: 'Medicare', phone: null });
    expect(one('Client: Alma R. Pru\nDOB: 08/22/1946\nInsurance: Humana Gold Plus HMO\nMember ID: H71928346\n\nPRIOR PLAN (TERMED 12/31/2026) - DO NOT USE\nAetna Medicare Value Plus (PPO)\nID: MEBF5518273\nProvider line: 1-800-555-0156').insurance).toMatchObject({ memberId: 'H71928346', phone: null });
    expect(one('Name: Ann Roe\nDOB: 1/1/1950\nInsurance to verify: Devoted Health\nPlan: Devoted CORE (HMO)').insurance.payerName).toBe('Devoted Health');
  });

  it('reads addresses after a home\'s own name, after "please use it:", and before a note in brackets', () => {
    expect(one('Conservatee: Ign P. Ferr\nDate of birth: the 14th of October, 1943\nResidence: Willow Glen Residential Care (a licensed RCFE), 2288 Almaden Rd, Room 6, San Jose, CA 95125.').client).toMatchObject({ name: 'Ign P. Ferr', address: { line1: '2288 Almaden Rd', line2: 'Room 6', city: 'San Jose', state: 'CA', postalCode: '95125' } });
    expect(one('Her name is Ros M. Abe, born 7/2/42.\n\nShe lives at Casa del Sol Assisted Living. It has been her home since 2024, so please use it:\n4400 N Camino Real, Apt 118\nTucson, AZ 85718\n\nHer insurance is Humana.').client.address).toMatchObject({ line1: '4400 N Camino Real', city: 'Tucson', postalCode: '85718' });
    expect(one('His name is Arv L. Toll. He lives at 2711 Beaver Ave, Des Moines, IA 50310 (still in his own house).').client.address).toMatchObject({ city: 'Des Moines', state: 'IA', postalCode: '50310' });
  });

  it('reads referrals said with an aside ("X (Dr. Y) is referring her", "the lady at X, Kim, gave me this email", "Please list X as the referral") and a note after a center\'s name', () => {
    expect(one('Her name is Ros Abe, born 7/2/42. Catalina Senior Psychiatry (Dr. Hol Gree) is referring her.').referredBy).toBe('Catalina Senior Psychiatry');
    expect(one('The admissions lady at Wheeler Lake Recovery, Kim, gave me this email and said to send his information.\nHis full name is Aus B. Tubb, date of birth 12/05/2000.').referredBy).toBe('Wheeler Lake Recovery');
    expect(one('Please list Sawmill Branch Recovery as the referral.\nName: Dar K. Whit\nDOB: 5/6/1990').referredBy).toBe('Sawmill Branch Recovery');
    expect(one('Client: Alma Pru\nDOB: 08/22/1946\nReferred by: Brightwater Senior Psychiatry (our outpatient clinic)').referredBy).toBe('Brightwater Senior Psychiatry');
    expect(one('Client: Alma Pru\nDOB: 08/22/1946\nWho sent them:  Randolph County Crisis Team').referredBy).toBe('Randolph County Crisis Team');
  });

  it('reads no payer from "he has insurance ...", "in Mom\'s own name" or "COVERAGE: PRIMARY", no holder from "(Plumbers Local 3)", and no referral from a self-referral row', () => {
    expect(one('Name: Bob R. Nett\nDOB: 7-3-1979\nInsurance: he has insurance thru his job but he dont know the company').insurance.payerName).toBeNull();
    expect(one('Name: Hal Dunn\nDOB: 1/2/1950\n----- COVERAGE: PRIMARY -----\nPAYER: AETNA MEDICARE').insurance.payerName).toBe('AETNA MEDICARE');
    expect(one('Mar Q. Arch\nDOB 06/06/1963\nInsurance: Anthem\nSubscriber: her husband. It\'s his union retiree plan (Plumbers Local 3).\nRelationship: spouse').subscriber).toEqual({ name: null, relationship: 'spouse' });
    expect(one('Submitted by\tMar Aren, Admissions\nLast Name\tLozano\nFirst Name\tBri\nDate of Birth\t01/02/1990\nReferral\nReferral Source\tSelf-Referral (Website)').referredBy).toBeNull();
  });

  it('reads an MBI anywhere for Original Medicare (never beside a Medicare Advantage plan), and a plan named last after where it comes from', () => {
    expect(one('His name is Arv L. Toll, born 3/3/1938. His insurance is Medicare, just Part A and B. The newer card has letters and numbers, 6AT9-GH3-DX52. I think that is the right one.').insurance.memberId).toBe('6AT9-GH3-DX52');
    expect(one('Her name is Ros Abe, born 7/2/42. Her insurance is Humana Medicare Advantage. Her old red, white and blue card says 2RV8-WE4-TN61.').insurance.memberId).toBeNull();
    expect(one('Name: Tia Vance\nDOB: 1/2/1990\nShe\'s a travel nurse and her insurance is through her staffing agency out in Scottsdale, BCBS Arizona. It\'s her own policy.').insurance.payerName).toBe('BCBS Arizona');
  });

  it('reads "Employee/Patient" as the client, "this is X, bday D" as the writer who is the client, and a name alone over the plan\'s lines', () => {
    expect(one('Employee/Patient: Dar K. Whit\nDate of Birth: 10/05/1981\nHealth plan: UnitedHealthcare\nEnrollee: Self').client.name).toBe('Dar K. Whit');
    expect(one('hey this is Dan Reyes-Tov, bday 1/7/83, i live at 2231 E Indian School Rd Apt 114 Phoenix AZ 85016. insurance is Aetna, id W123456789').client).toMatchObject({ name: 'Dan Reyes-Tov', dob: '1983-01-07' });
    expect(one('Admitting tonight, need VOB asap\nWy Corn\nInsurance: Aetna\nID XJW773018254').client.name).toBe('Wy Corn');
  });

  it('reads two clients written one to a column, each cell naming its own kind of ID, and no address from a sentence without a street', () => {
    const two = extractBody('Resident\tWalt F. Duch\tBern A. Cost\nDOB\t08/19/1936\t5/3/39\nHome address\t1419 Linden St, Bethlehem, PA 18018 (his own home, returning there at discharge)\tHouse sold Nov 2026 - discharge destination not decided yet\nPrimary payer (VERIFY)\tMedicare\tAetna Medicare\nID\tMBI 3HW5KT8QR27\tMember ID MEBX4729184\nPolicy holder\tSelf\tSelf', ctx).requests;
    expect(two.map((r) => r.client.name)).toEqual(['Walt F. Duch', 'Bern A. Cost']);
    expect(two.map((r) => r.insurance.memberId)).toEqual(['3HW5KT8QR27', 'MEBX4729184']);
    expect(two.map((r) => r.client.address?.postalCode ?? null)).toEqual(['18018', null]);
  });

  it('takes "stop on him" as a cancellation, and an answer above our own reply\'s list as no new request', () => {
    expect(extractBody('Marc left the house Wednesday night so yall can stop on him.\n\n> Got 2 new residents.\n> First is Cody R. Hutt, born 3/14/1994. He has his own Blue Cross.', { ...ctx, subject: 'Re: 2 new guys', isReply: true }).requests).toHaveLength(0);
    const answer = 'The member ID is 91844 0273 and the number on the back is 888-555-0106.\n\nOn Tue, Jun 8, 2027 at 9:20 PM Billing <verification@billing.test> wrote:\n> Thank you for your verification request. We cannot start the verification\n> until we receive the following:\n>   - ID #\n>   - Insurance Phone Number\n> Please reply to this email with the missing items.';
    expect(extractBody(answer, { ...ctx, subject: 'Re: insurance info', isReply: true }).requests).toHaveLength(0);
  });

  it('keeps one client when a sentence names them fully after "I\'m X\'s sister", and reads "nothing to verify with Medicare yet" as a request for the other plan', () => {
    expect(extractBody('Hello, my name is Ren Sza and I\'m Aar Sza\u2019s sister.\n\nHis full name is Aar Mich Sza, birthday 12/05/1990.\nHis insurance is Medical Mutual. Member ID 91044718250.', ctx).requests).toHaveLength(1);
    expect(one('Her Medicare does not start until 03/01/2027, so there is nothing to verify with Medicare yet.\n\nPatient: Del A. Pett\nDOB: 3/15/1962\nInsurance: Blue Cross and Blue Shield of Texas\nMember ID: ZGT448190226').client.name).toBe('Del A. Pett');
  });
});

describe('clients in custody, on release and at college', () => {
  it('takes the other client who holds the plan as subscriber ("- his wife", "X is Y\'s wife", "(Y\'s son)")', () => {
    const couple = extractBody('Two starting Monday.\n\n#1 Dale Roth\nDOB 02/11/1980\nAetna ID W100200300\nHe is the policy holder\n\n#2 Nina Roth - his wife\nDOB 03/04/1982\nSame insurance, she is on his plan. ID W100200301', ctx).requests;
    expect(couple.map((r) => r.subscriber)).toEqual([{ name: 'Dale Roth', relationship: 'self' }, { name: 'Dale Roth', relationship: 'spouse' }]);
    const mother = extractBody('Mom and son together.\n\n1) Rita Pahl\n   DOB 4/4/1970\n   Cigna, member ID U1002003, group 55\n   Rita is the policy holder.\n\n2) Jon Pahl (Rita\'s son)\n   DOB 7/7/2001\n   Same address as his mom\n   Cigna, member ID U1002004 (on his mom\'s plan)', ctx).requests;
    expect(mother[1]!.subscriber).toEqual({ name: 'Rita Pahl', relationship: 'child' });
  });

  it('reads a letter\'s "Mr. X\'s information" block, "X is the referring provider", and a holder by title and surname', () => {
    const r = one('Ms. Ada Kell\'s information:\n\nFull legal name: Ada Mae Kell\nDate of birth: May 2, 1988\nHome address: 12 W. 9th Ave., Denver, CO 80204 (on bond, living at home)\nHealth plan: Aetna Better Health\nMember ID: 8011 2222 3333\nPolicyholder: Ms. Kell (her own Medicaid)\n\nShe was evaluated by Dr. Lee of Front Range Evaluations, and Front Range Evaluations is the referring provider.');
    expect(r.client.address?.postalCode).toBe('80204');
    expect(r.subscriber).toEqual({ name: 'Ada Mae Kell', relationship: 'self' });
    expect(r.referredBy).toBe('Front Range Evaluations');
  });

  it('reads justice-system labels: a release address, "<plan> member ID", a short plan name\'s ID, and numbers that are no phone', () => {
    const r = one('Name: Lyle Birch\nDOB: 2/2/1990\nBOP Reg. No.: 11223-044\nApproved residence: 9 Oak Ave., Salem, OR 97301 (his aunt\'s home, approved by parole; he lives there on release)\nHealth plan: UCare\nUCare member ID: 960111222\nUCare provider line: 612-555-0101\nSubscriber: self');
    expect(r.client.address).toMatchObject({ line1: '9 Oak Ave.', city: 'Salem', postalCode: '97301' });
    expect(r.insurance).toMatchObject({ memberId: '960111222', phone: '+16125550101' });
    expect(one('Name: Lyle Birch\nDOB: 2/2/1990\nInsurance: Trillium\nOHP ID (Prime #): WQ11122K').insurance.memberId).toBe('WQ11122K');
    expect(one('Name: Lyle Birch\nDOB: 2/2/1990\nWill live at: 44 Elm St, Bend, OR 97701\nInsurance: PacificSource').client.address?.city).toBe('Bend');
  });

  it('keeps a placeholder after a wide gap as the ID\'s, and a plan\'s line "same as #1"', () => {
    const two = extractBody('1) Kip Vale\n   DOB 3/4/99\n   Ins: BlueCare Tennessee   ID 773000111\n   BlueCare provider svc 800-555-0151\n\n2) Sam Dorn\n   DOB 11/30/88\n   Ins: BlueCare Tennessee   ID - don\'t have it, card is at his ex\'s\n   Same BlueCare provider line as #1', ctx).requests;
    expect(two.map((r) => r.insurance.payerName)).toEqual(['BlueCare Tennessee', 'BlueCare Tennessee']);
    expect(two.map((r) => r.insurance.phone)).toEqual(['+18005550151', '+18005550151']);
    expect(two[1]!.insurance.memberId).toBeNull();
  });

  it('reads jail and court numbers as no one\'s ID, Missouri\'s DCN as the member ID, a two-column report row, and the writer named after "me,"', () => {
    const r = one('Name: Jon Scrog\nBooking #: 27-000418\nDOB: 12/09/1988\nInsurance: Home State Health\nDCN: 11829406\nPolicy Holder: self');
    expect(r.insurance.memberId).toBe('11829406');
    const report = one('PATIENT NAME               DOB\nRAY T DUV                  03/03/1977\n\nINSURANCE CARRIER          POLICY/MEMBER ID     GROUP NO     PROVIDER PHONE\nMEDICA                     MDC771204455         NONE         866-555-0173\n\nINSURED NAME               REL TO PATIENT\nRAY T DUV                  SELF');
    expect(report.subscriber).toEqual({ name: 'RAY T DUV', relationship: 'self' });
    const mom = extractBody('She is on my insurance through my job, I\'m the policy holder.\n\nHer full name is Sam O\'Hart\nDate of birth 10/11/2001\nInsurance: Independence Blue Cross\nPolicy holder: me, Berna O\'Hart (her mother)\n\nThank you,\nBernie O\'Hart', { ...ctx, fromName: "Bernie O'Hart" }).requests[0]!;
    expect(mom.subscriber).toEqual({ name: "Berna O'Hart", relationship: 'child' });
  });

  it('reads a name before "Born <date in words>", a plan phone named by "BCBSOK", and "Member/MRN #"', () => {
    expect(one('My brother got out Monday.\nHis name is Tomas Ruiz-Peña\nBorn June 2, 1991\nHe has Health Net, ID 91846203C').client).toMatchObject({ name: 'Tomas Ruiz-Peña', dob: '1991-06-02' });
    expect(one('Resident: Lon Ames\nDOB: 01/09/1982\nInsurance: Blue Cross and Blue Shield of Oklahoma\nID: ZOK 55092 1174\nBCBSOK behavioral health: 800-555-0189').insurance.phone).toBe('+18005550189');
    expect(one('Client: Nia Fell\nDOB: 1/28/2002\nInsurance: Kaiser Permanente\nMember/MRN #: 11048829').insurance.memberId).toBe('11048829');
  });

  it('reads a student table one athlete to a column, a plan block numbered under the one client, and no plan from "there are two"', () => {
    const two = extractBody('Field\tAthlete 1\tAthlete 2\nName\tAmy Nwo\tMat Fer\nDOB\t5/12/2006\t9/18/2005\nInsurance\tCareFirst BlueCross BlueShield\tGeoBlue (CBU international student plan)\nMember ID\tCFX 8820 4417 19\tGBS 4471 0098 2', ctx).requests;
    expect(two.map((r) => r.client.name)).toEqual(['Amy Nwo', 'Mat Fer']);
    expect(two.map((r) => r.insurance.payerName)).toEqual(['CareFirst BlueCross BlueShield', 'GeoBlue']);
    const r = extractBody('Full name: Arj Menon\nDate of birth: 14 March 2006\n\nInsurance - there are two, and we were told to verify our family plan:\n\n1) Family plan, through my husband\'s employer (Halden Systems)\nInsurer: UnitedHealthcare (the plan is called Choice Plus)\nMember ID: 948 330 172\nPolicyholder: my husband, Raj Menon (his father)\n\n2) The college plan, UnitedHealthcare StudentResources, member ID 7710-44-2093. I\'m only mentioning it because it shows on his portal - please don\'t use it for this.', ctx).requests;
    expect(r).toHaveLength(1);
    expect(r[0]!.insurance).toMatchObject({ payerName: 'UnitedHealthcare', memberId: '948330172' });
    expect(r[0]!.subscriber.name).toBe('Raj Menon');
  });

  it('gives every client the fuller name of one referral source said twice ("The CRC is referring both", "Referral for both: ...")', () => {
    const two = extractBody('Two of ours are stepping up. The CRC is referring both of them.\n\nStudent 1\nName: Eli Hed\nDOB: 12/03/2003\nInsurance: Anthem\nID: JQW771402938\n\nStudent 2\nName: Chia Aba\nDOB: 1/1/2004\nInsurance: Wellfleet Student\nID: NLU22078841\n\nReferral for both: Northfield Lakes University Collegiate Recovery Community', ctx).requests;
    expect(two.map((r) => r.referredBy)).toEqual(['Northfield Lakes University Collegiate Recovery Community', 'Northfield Lakes University Collegiate Recovery Community']);
  });

  it('reads no address from a story with no street, no payer from "through her father\'s employer", and the writer who is "the one on it"', () => {
    expect(one('Name: Gia Ross\nDOB: 1/1/2001\nAddress: she gave up her lease on 10/15 and is staying with friends, so I don\'t have one\nInsurance: Highmark').client.address).toBeNull();
    expect(one('Name: Rhi Kess\nDOB: 10/03/2007\nInsurance: through her father\'s employer. She doesn\'t know the carrier.\nMember ID: unknown').insurance.payerName).toBeNull();
    expect(extractBody('Name: Kei Thorn\nDOB 3/30/2003\nIt\'s my Medicaid through Priority Health and I\'m the one on it, not my mom.', { ...ctx, fromName: 'Kei Thorn' }).requests[0]!.subscriber).toEqual({ name: 'Kei Thorn', relationship: 'self' });
  });
});
