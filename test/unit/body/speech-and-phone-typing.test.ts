/**
 * General rules found on the first run of the mobile and international blind sets, each in
 * other wording than the set's: numbers said as words and letters spelled by example, questions
 * answered on the next line, phone typing (emoji, spaced dates, autocorrected labels, typed kin
 * words), misspelt payer words, pronoun subscribers.
 */
import type { VobRequest } from '../../../schemas/vob-record';
import { correctPayerSpelling } from '../../../src/domain/card/payers';
import { extractBody } from '../../../src/domain/body/extract-body';
import { parseDate } from '../../../src/domain/body/dates';
import { keywordRunOnPairs } from '../../../src/domain/body/label-lines';
import { spokenAsTyped } from '../../../src/domain/body/spoken';
import { splitBodySegments } from '../../../src/domain/mime/body-segments';
import { replyDoubts } from '../../../src/domain/reply-certainty';

/** A request as the reply decision sees it: no card, no conflicts, unless given. */
const requestOf = (r: Omit<VobRequest, 'card' | 'conflicts'> & Partial<Pick<VobRequest, 'card'>>): VobRequest => ({ card: { attached: false, sides: [], fields: null }, conflicts: [], ...r });
const doubtsOf = (text: string, request: VobRequest): string =>
  replyDoubts({ segments: splitBodySegments(text), requests: [request], referenceDate: new Date('2026-11-20T00:00:00Z') }).join(' ');

const read = (text: string, fromName: string | null = null) =>
  extractBody(text, { subject: 'insurance check', from: 'someone@family.test', fromName, referenceDate: '2026-11-20T00:00:00Z' }).requests;

describe('speech written down', () => {
  it.each([
    ['she was born oh seven twenty one ninety nine', 'she was born 07/21/99'],
    ['the number is one eight hundred five five five oh one four four', 'the number is 18005550144'],
    ['ID is K seven seven oh two nine one three', 'ID is K 7702913'],
    ['born December the twenty-third nineteen eighty one', 'born December 23 1981'],
    ['year two thousand nine', 'year 2009'],
    ['member ID R as in Robert, T as in Tom, 4 4 1 9', 'member ID RT4419'],
    ['Transcription preview (Medium confidence): hi this is Dana', 'hi this is Dana'],
  ])('"%s" is typed as "%s"', (said, typed) => {
    expect(spokenAsTyped([said])).toEqual([typed]);
  });

  it('leaves one or two number words in prose alone', () => {
    expect(spokenAsTyped(['one of our two clients needs a bed'])).toEqual(['one of our two clients needs a bed']);
  });

  it('reads a transcript whose numbers are said', () => {
    const [r] = read(
      'Voicemail transcript:\nhi it is Dana Pruitt for my son Eli Pruitt his date of birth is February ninth nineteen ninety four the insurance is Aetna member ID is W five five five one two three four five six group number is eight eight one two call me back thanks',
    );
    expect(r).toMatchObject({ client: { name: 'Eli Pruitt', dob: '1994-02-09' }, insurance: { payerName: 'Aetna', memberId: 'W555123456', groupNumber: '8812' } });
  });

  it('holds the reply for a transcript: what was said may be misheard', () => {
    const text = 'Voicemail below.\n\nTranscript: hi this is Dana Pruitt calling about my son Eli Pruitt his insurance is Aetna call me back';
    const request = requestOf({
      client: { name: 'Eli Pruitt', dob: null, address: null },
      insurance: { payerName: 'Aetna', memberId: null, groupNumber: null, phone: null },
      subscriber: { name: null, relationship: null },
      referredBy: null,
      missingFields: ['client.dob', 'client.address', 'insurance.memberId', 'insurance.phone', 'subscriber.name', 'subscriber.relationship', 'referredBy', 'card'],
    });
    expect(doubtsOf(text, request)).toMatch(/misheard/);
  });
});

describe('a question answered on the next line', () => {
  it('pairs the fields a question names with the answer, a date by its shape', () => {
    const [r] = read('Me: can you send me her full name and birthday?\nPriya Nandakumar, 11/02/1994\nMe: what insurance is she on?\nAmbetter. member id U8811223344\n'.replace(/^Me: /gm, ''));
    expect(r).toMatchObject({ client: { name: 'Priya Nandakumar', dob: '1994-11-02' }, insurance: { payerName: 'Ambetter', memberId: 'U8811223344' } });
  });

  it('leaves an answer that is talk, not a value', () => {
    const [r] = read('Client: Priya Nandakumar\nDOB 11/02/1994\nwhat insurance does she have?\nI will ask her mom tonight\n');
    expect(r!.insurance.payerName).toBeNull();
  });
});

describe('typed on a phone', () => {
  it('drops emoji from values', () => {
    const [r] = read('hi 👋 pt gina rowe dob 4/4/1991 ins aetna mbr w55512 3456 sub self ref lantern house ty 🙏\n');
    expect(r).toMatchObject({ referredBy: 'lantern house', insurance: { memberId: 'W555123456' } });
  });

  it('reads emoji that start a line as the labels they stand for', () => {
    const text = ['🙋‍♀️ Kira Vance', '🎂 2/9/1990', '📍 18 Quarry Hill Rd Twin Falls ID 83301', '💳 Cigna · ID U55502918 · grp 3300187', '☎️ 800-555-0177', "🤝 ref'd by Harbor Gate", '🙏'].join('\n');
    const [r] = read(text);
    expect(r).toMatchObject({
      client: { name: 'Kira Vance', dob: '1990-02-09', address: { line1: '18 Quarry Hill Rd', city: 'Twin Falls', state: 'ID', postalCode: '83301' } },
      insurance: { payerName: 'Cigna', memberId: 'U55502918', groupNumber: '3300187', phone: '+18005550177' },
      referredBy: 'Harbor Gate',
    });
  });

  it('reads an address with no commas whose city ends in a street word, and a PO box before its town', () => {
    const [r] = read('Client: Omar Said\nAddress: 77 Lark Ln Cedar Springs MI 49319\n');
    expect(r?.client.address).toMatchObject({ line1: '77 Lark Ln', city: 'Cedar Springs' });
    const [p] = read('Client: Ana Ruiz\nAddress: P.O. Box 88 Ganado AZ 86505\n');
    expect(p?.client.address).toMatchObject({ line1: 'PO Box 88', city: 'Ganado', state: 'AZ' });
  });

  it('reads a date typed with spaces for slashes, only as a whole value', () => {
    expect(parseDate('4 30 92', { birthDate: true })).toBe('1992-04-30');
    expect(parseDate('room 4 30 92 beds', { birthDate: true })).toBeNull();
  });

  it('does not start a label with a number ("92 ins" is a value, then a label)', () => {
    const pairs = keywordRunOnPairs('pt gina rowe dob 4 30 92 ins aetna mbr w555 123 45 grp 7781 sub self');
    expect(pairs).toEqual(expect.arrayContaining([{ field: 'dob', value: '4 30 92' }, { field: 'memberId', value: 'w555 123 45' }]));
  });

  it.each([
    ["Member I'd: A55512345", 'insurance.memberId', 'A55512345'],
    ['Data of birth: 12/01/1980', 'client.dob', '1980-12-01'],
    ['Addy: 14 Birch Rd, Akron, OH 44301', 'client.address.city', 'Akron'],
  ])('reads the autocorrected label in "%s"', (line, path, value) => {
    const [r] = read(`Client: Gina Rowe\n${line}\nInsurance: Aetna\n`);
    expect(path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r)).toBe(value);
  });

  it('reads a mistyped husband or daughter', () => {
    const [r] = read('Client: Gina Rowe\nDOB 12/01/1980\nSub is her hubsand Karl Rowe\n');
    expect(r!.subscriber).toEqual({ name: 'Karl Rowe', relationship: 'spouse' });
  });

  it('takes "it\'s his own medicaid" for a self subscriber', () => {
    const [r] = read('Client: Tom Ruiz\nDOB 12/01/1980\nits his own medicaid\n');
    expect(r!.subscriber.relationship).toBe('self');
  });
});

describe('payer words spelled wrong', () => {
  it.each([
    ['Signa', 'Cigna'],
    ['Blue Cross Blue Sheild of Texas', 'Blue Cross Blue Shield of Texas'],
    ['Untied Healthcare', 'United Healthcare'],
  ])('"%s" reads "%s"', (written, right) => {
    expect(correctPayerSpelling(written)).toBe(right);
  });

  it.each(['Medical Mutual of Ohio', 'Sentinel Health', 'Aetna'])('leaves "%s" as written', (written) => {
    expect(correctPayerSpelling(written)).toBe(written);
  });

  it('reads "the insurance is through my work it\'s Signa" as the payer', () => {
    const [r] = read('Client: Tom Ruiz\nDOB 12/01/1980\nthe insurance is through my work it\'s Signa, member ID U5550001\n');
    expect(r!.insurance.payerName).toBe('Cigna');
  });
});

describe('pronoun subscribers', () => {
  it('reads "Insured: he himself" as the client', () => {
    const [r] = read('Name: Piotr Nowak\nDate of birth: 03/02/1950\nInsured: he himself\n');
    expect(r!.subscriber).toEqual({ name: 'Piotr Nowak', relationship: 'self' });
  });

  it('reads "March the 2nd, 1950"', () => {
    expect(parseDate('March the 2nd, 1950', { birthDate: true })).toBe('1950-03-02');
  });
});

describe('a run of words with no label for the address', () => {
  it('takes the street address said between other values, up to its ZIP', () => {
    const [r] = read('hi this is Mara Quill for my brother Ned Quill his date of birth is 6/6/1990 he stays with me at 212 Heron Pond Road Dover Delaware 19901 his insurance is Aetna member ID is W555012345 group is 4411 call me back\n');
    expect(r!.client.address).toEqual({ line1: '212 Heron Pond Road', line2: null, city: 'Dover', state: 'DE', postalCode: '19901' });
    expect(r!.client.dob).toBe('1990-06-06');
  });
});

describe('written outside the US', () => {
  it.each([
    ['17.IX.1984', '1984-09-17'],
    ['04FEB1999', '1999-02-04'],
    ['1988年11月3日', '1988-11-03'],
    ['9 de outubro de 1977', '1977-10-09'],
    ['2 février 1966', '1966-02-02'],
  ])('reads the date "%s"', (written, iso) => {
    expect(parseDate(written, { birthDate: true })).toBe(iso);
  });

  it('leaves a Roman numeral between spaces alone', () => {
    expect(parseDate('Unit 5 V 99', { birthDate: true })).toBeNull();
  });

  it.each([
    ['Forename(s): Ada Louise\nSurname: Penrose', 'Ada Louise Penrose'],
    ['Prénom: Ada\nNom de famille: Penrose', 'Ada Penrose'],
    ['Nome: Ada Penrose', 'Ada Penrose'],
  ])('reads the name labels of "%s"', (lines, name) => {
    const [r] = read(`${lines}\nDate of birth: 02/03/1970\nInsurance: Aetna\n`);
    expect(r!.client.name).toBe(name);
  });

  it('reads "Insured person: husband, Karl Penrose" and a policy number by its Russian name', () => {
    const [r] = read('Patient: Ada Penrose\nDate of birth: 02/03/1970\nInsurance: Fidelis Care\nPolis number: FC5 5501 2345\nInsured person: husband, Karl Penrose\n');
    expect(r!.insurance.memberId).toBe('FC555012345');
    expect(r!.subscriber).toEqual({ name: 'Karl Penrose', relationship: 'spouse' });
  });

  it('takes "the member himself" for a self subscriber', () => {
    const [r] = read('Patient: Ada Penrose\nDate of birth: 02/03/1970\nSubscriber: the member herself\n');
    expect(r!.subscriber).toEqual({ name: 'Ada Penrose', relationship: 'self' });
  });

  it.each(['please refer to the attached card (front and back)', 'the card is attached, both sides', 'see the enclosed photos'])('leaves the payer to the card when it says "%s"', (value) => {
    const [r] = read(`Patient: Ada Penrose\nDate of birth: 02/03/1970\nInsurance: ${value}\nReferred by: Lantern House\n`);
    expect(r!.insurance.payerName).toBeNull();
  });
});

describe('addresses, IDs and lists in other shapes', () => {
  it('reads a state written with dots and a ZIP written beside the city', () => {
    const [a] = read('Client: Ada Penrose\nDOB: 02/03/1970\nAddress: 12 Mill Rd, Flat 3, Akron - 44301, Ohio\nInsurance: Aetna\n');
    expect(a!.client.address).toEqual({ line1: '12 Mill Rd', line2: 'Flat 3', city: 'Akron', state: 'OH', postalCode: '44301' });
    const [b] = read('Client: Ada Penrose\nDOB: 02/03/1970\nAddress: 9 Elm St, Dover, N.H. 03820\nInsurance: Aetna\n');
    expect(b!.client.address).toMatchObject({ city: 'Dover', state: 'NH', postalCode: '03820' });
  });

  it('reads a handoff of items between slashes as a list', () => {
    const [r] = read('pls run: Ada Penrose / DOB 02-FEB-1970 / 12 Mill Rd, Akron OH 44301 / Aetna / ID W555012345 / sub: self / ref: Lantern House\n');
    expect(r).toMatchObject({ client: { name: 'Ada Penrose', dob: '1970-02-02' }, insurance: { payerName: 'Aetna', memberId: 'W555012345' }, referredBy: 'Lantern House' });
  });

  it('does not take a school or immigration ID for the member ID, nor its words for a payer', () => {
    const [r] = read('Student: Ada Penrose\nDate of birth: 02/03/2001\nPlan: Aetna Student Health\nAetna Student Health provider line: 1-800-555-0117\nSEVIS ID: N0055501234 (immigration record, not insurance)\n');
    expect(r!.insurance).toMatchObject({ payerName: 'Aetna Student Health', memberId: null, phone: '+18005550117' });
  });

  it('reads "Local address (residence hall)" as the address, and a sentence ending "insurance)." as no heading', () => {
    const [r] = read('He is on his uncle\'s plan (the uncle holds the\ninsurance).\n\nName: Ada Penrose\nDate of birth: 02/03/2001\nLocal address (residence hall): 5 College Ave, Medford, MA 02155\n');
    expect(r!.client).toMatchObject({ name: 'Ada Penrose', address: { line1: '5 College Ave', city: 'Medford' } });
  });
});

describe('the writer, not the client', () => {
  it('drops the writer introducing themselves, and gives the client the policy they hold', () => {
    const requests = read('My name is Obi Nwosu. I write for my wife and I am the policy holder.\n\nHer details:\nName: Ada Nwosu\nDate of Birth: 30/06/1990\nReferred by: Lantern House\n', 'Obi Nwosu');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ client: { name: 'Ada Nwosu', dob: '1990-06-30' }, subscriber: { name: 'Obi Nwosu', relationship: 'spouse' } });
  });

  it('reads "Ref <name>." as the referral', () => {
    const [r] = read('VOB for Tom Hale, date of birth 5/2/1970, Aetna, member ID W556100999. Ref Lantern House. Will send the rest later.\n');
    expect(r!.referredBy).toBe('Lantern House');
  });

  it('drops talk before a house number', () => {
    const [r] = read('Client: Tom Hale\nDOB 5/2/1970\nhe stays at our house 12 elm st dover de 19901\nInsurance: Aetna\n');
    expect(r!.client.address).toMatchObject({ line1: '12 elm st', state: 'DE' });
  });

  it('holds a reply for a missing name when the message has no capitals to tell names by', () => {
    const text = 'can yall run tom hale for me card pic attached\ndob unknown he will tell me tmrw\nits his own insurance, hes the policy holder\nref: lantern house\n';
    const request = requestOf({
      client: { name: null, dob: null, address: null },
      insurance: { payerName: 'Aetna', memberId: 'W556100999', groupNumber: null, phone: '+18005550100' },
      subscriber: { name: null, relationship: 'self' },
      referredBy: 'lantern house',
      card: { attached: true, sides: ['front'], fields: null },
      missingFields: ['client.name', 'client.dob', 'client.address', 'subscriber.name'],
    });
    expect(doubtsOf(text, request)).toMatch(/lower case/);
  });
});

describe('a request in the subject or an attached file', () => {
  it('reads the member ID a subject gives with the name and date of birth', () => {
    const requests = extractBody('\n--\nJo Reyes | Outreach\n', { subject: 'VOB - Tyler Brandt - DOB 2/11/1996 - Aetna - ID W55501234', from: 'jo@center.test', fromName: 'Jo Reyes', referenceDate: '2026-11-20T00:00:00Z' }).requests;
    expect(requests[0]).toMatchObject({ client: { name: 'Tyler Brandt', dob: '1996-02-11' }, insurance: { payerName: 'Aetna', memberId: 'W55501234' } });
  });
});

describe('a payer and its ID in the subject', () => {
  const ctx = { subject: 'VOB pls - Ames, Jolene - Aetna W55530119 - PHP Tues', from: 'ko@center.test', fromName: 'Ko', referenceDate: '2026-11-20T00:00:00Z' };
  it('fill the body\'s request on the same payer', () => {
    const [r] = extractBody('Jolene Ames\nDOB 5/5/1985\nAetna, grp 882211\n', ctx).requests;
    expect(r?.insurance).toMatchObject({ payerName: 'Aetna', memberId: 'W55530119' });
  });
  it('leave a request on another payer alone', () => {
    const [r] = extractBody('Jolene Ames\nDOB 5/5/1985\nCigna, grp 882211\n', ctx).requests;
    expect(r?.insurance.memberId).toBeNull();
  });
  it('hold a reply that would ask for a value the subject shows', () => {
    const request = requestOf({
      client: { name: 'Jolene Ames', dob: '1985-05-05', address: null },
      insurance: { payerName: 'Cigna', memberId: null, groupNumber: null, phone: null },
      subscriber: { name: null, relationship: null },
      referredBy: null,
      missingFields: ['client.address', 'insurance.memberId', 'insurance.phone', 'subscriber.name', 'subscriber.relationship', 'referredBy', 'card'],
    });
    const doubts = replyDoubts({ subject: 'Ames J. / Cigna / U88301192 / IOP', segments: splitBodySegments('Jolene Ames\nDOB 5/5/1985\nCigna\n'), requests: [request], referenceDate: new Date('2026-11-20T00:00:00Z') });
    expect(doubts.join(' ')).toMatch(/ID #: not read, but line 0/);
  });
});

describe('a request of which almost nothing was read', () => {
  it('is held: a notice that mentions verifications is no request to answer', () => {
    const request = requestOf({
      client: { name: null, dob: null, address: null },
      insurance: { payerName: null, memberId: null, groupNumber: null, phone: null },
      subscriber: { name: null, relationship: null },
      referredBy: null,
      missingFields: ['client.name', 'client.dob', 'client.address', 'insurance.payerName', 'insurance.memberId', 'insurance.phone', 'subscriber.name', 'subscriber.relationship', 'referredBy', 'card'],
    });
    expect(doubtsOf('Your benefits verification queue will be paused tonight for upgrades.\n', request)).toMatch(/only 0 of the request's values were read/);
  });
});

describe('mail about a past verification, and coverage that ended', () => {
  const readAll = (text: string) => extractBody(text, { subject: 'Benefits', from: 'x@court.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' });

  it('is no request when it asks for a copy of a result', () => {
    const r = readAll('Your office checked benefits for Ada Penrose (DOB 02/03/1970) last month. Could you send me a copy of the verification results for our file?\n');
    expect(r.requests).toEqual([]);
  });

  it('is no request when a plan tells us an authorization was approved', () => {
    const r = readAll('The request for the member below has been approved. This is a courtesy copy.\n\nMember: Ada Penrose\nDOB: 02/03/1970\nMember ID: ZZP 5550 1234\n');
    expect(r.requests).toEqual([]);
    expect(r.intent).toBe('notice');
  });

  it('leaves out a plan that no longer covers the client, and reads "Alum:" as the client', () => {
    const [r, ...more] = readAll('Alum: Ada Penrose\nDOB: 02/03/1970\nInsurance: Premera Blue Cross\nMember ID: PRM555012345\n\n(Prior coverage, TERMED 12/31/2025:\nAetna, W5550009999, group 0771230.)\n\nReferred by: Lantern House\n').requests;
    expect(more).toEqual([]);
    expect(r).toMatchObject({ client: { name: 'Ada Penrose' }, insurance: { payerName: 'Premera Blue Cross', memberId: 'PRM555012345' }, referredBy: 'Lantern House' });
  });
});

describe('forms and templates', () => {
  it.each(['{{client.city}}', '<<Member ID>>', '[Treatment Center Name]', 'Click or tap here to enter text.'])('takes the unfilled slot "%s" for no value', (slot) => {
    const [r] = read(`Client Name: Ada Penrose\nDate of Birth: 02/03/1970\nInsurance: Aetna\nReferred By: ${slot}\nGroup #: ${slot}\n`);
    expect(r!.referredBy).toBeNull();
    expect(r!.insurance.groupNumber).toBeNull();
  });

  it('reads the ticked box of a form', () => {
    const [r] = read('Client Name: Ada Penrose\nDate of Birth: 02/03/1970\nSubscriber Name: Karl Penrose\nRelationship to Subscriber: ☐ Self ☒ Spouse ☐ Child ☐ Other\n');
    expect(r!.subscriber).toEqual({ name: 'Karl Penrose', relationship: 'spouse' });
  });

  it('reads a four-column table row whose last value is blank as pairs, not as a header', () => {
    const [r] = read('Client Name\tAda Penrose\tDate of Birth\t02/03/1970\nSubscriber Name\tKarl Penrose\tRelationship to Subscriber\t\nReferred By\tLantern House\tCard Attached\tNo\n');
    expect(r).toMatchObject({ subscriber: { name: 'Karl Penrose', relationship: null }, referredBy: 'Lantern House' });
  });
});

describe('who holds the policy, and where a roster lives', () => {
  it.each([
    ['Insurance: see the card. Policy is under her husband, Karl Penrose.', { name: 'Karl Penrose', relationship: 'spouse' }],
    ['The policy is in his own name, he is our employee.', { name: 'Ada Penrose', relationship: 'self' }],
  ])('reads "%s"', (line, subscriber) => {
    const [r] = read(`Name: Ada Penrose\nDOB 3/4/1980\n${line}\n`);
    expect(r!.subscriber).toEqual(subscriber);
  });

  it('gives every client the home "all three live" at', () => {
    const requests = read('All three live here at the house:\n12 Mill Rd, Unit B, Akron, OH 44301.\nReferred by (all three): Lantern House\n\n--- 1 ---\nName: Ada Penrose\nDOB: 02/03/1970\n--- 2 ---\nName: Bo Lind\nDOB: 04/05/1981\n--- 3 ---\nName: Cy Moss\nDOB: 06/07/1992\n');
    expect(requests.map((r) => r.client.address?.line1)).toEqual(['12 Mill Rd', '12 Mill Rd', '12 Mill Rd']);
  });
});

describe('other writers', () => {
  it('reads a transport company\'s "Passenger:" as the client and a fund\'s eligibility line as the insurance phone', () => {
    const [r] = read('Passenger: Ada Penrose\nDOB: 02/03/1970\nPlan: Pipe Trades Health Fund\nMember ID: PTF-555-01234\nFund eligibility line: 1-800-555-0136\nSubscriber: Karl Penrose (husband - he\'s the union member)\n');
    expect(r).toMatchObject({ client: { name: 'Ada Penrose' }, insurance: { phone: '+18005550136' }, subscriber: { name: 'Karl Penrose', relationship: 'spouse' } });
  });
});

describe('a block written value first', () => {
  it('reads "value — label" lines when the whole block is written that way', () => {
    const [r] = read('Lantern House — referring facility\n\nAda Penrose — client\n14 March 1987 — date of birth\nAetna — insurance\nW555012345 — member ID\n');
    expect(r).toMatchObject({ client: { name: 'Ada Penrose', dob: '1987-03-14' }, insurance: { payerName: 'Aetna', memberId: 'W555012345' }, referredBy: 'Lantern House' });
  });

  it('leaves "label — value" lines the usual way round', () => {
    const [r] = read('Client — Ada Penrose\nDate of birth — 14 March 1987\nInsurance — Aetna\nMember ID — W555012345\n');
    expect(r).toMatchObject({ client: { name: 'Ada Penrose' }, insurance: { memberId: 'W555012345' } });
  });
});

describe('dictation written down (dictated set)', () => {
  it.each([
    ['client name colon Ada Finch period new line member ID colon K as in kite 7 7 0 2 9 1 3 period', 'client name: Ada Finch.\nmember ID: K7702913.'],
    ['born June 4th no sorry June 14th 1990', 'born June 14th 1990'],
    ['Apt 2 no, Apt 2C, Salem', 'Apt 2C, Salem'],
    ['member ID is 4 double 8 1 0 triple 3 5', 'member ID is 488103335'],
    ['the line is 1 800, 555, 0177', 'the line is 1-800-555-0177'],
    ['ID Bravo Kilo Tango 4410298', 'ID BKT 4410298'],
    ['id is x q z 4 4 1 0 2', 'id is xqz44102'],
  ])('"%s" is typed as "%s"', (said, typed) => {
    expect(spokenAsTyped([said]).join('\n')).toBe(typed);
  });

  it('leaves a lone phonetic word, "no" without the phrase said again, and a short run of letters alone', () => {
    expect(spokenAsTyped(['Mike from Sierra Madre called, no card yet, I am a b c'])).toEqual(['Mike from Sierra Madre called, no card yet, I am a b c']);
  });
});

describe('a reply to dictated mail (dictated set)', () => {
  const request = (missing: VobRequest['missingFields']) =>
    requestOf({
      client: { name: 'Eli Pruitt', dob: '1994-02-09', address: null },
      insurance: { payerName: 'Aetna', memberId: 'W555123456', groupNumber: null, phone: '+18005550100' },
      subscriber: { name: 'Eli Pruitt', relationship: 'self' },
      referredBy: 'Fen House',
      missingFields: missing,
    });

  it('holds it for a field the speaker spoke of, and lets it ask for one never spoken of', () => {
    const text = 'I am dictating this in the car. Eli Pruitt, born February ninth 1994, Aetna, member ID W 555 123 456, the number for providers is 1 800 555 0100. He lives at 12 Elm Street in Troy.';
    expect(doubtsOf(text, request(['client.address']))).toMatch(/misheard/);
    expect(doubtsOf('I am dictating this in the car. Eli Pruitt, born February ninth 1994, Aetna, member ID W 555 123 456, the number for providers is 1 800 555 0100. I do not have where he lives yet.', request(['client.address']))).toBe('');
  });
});
