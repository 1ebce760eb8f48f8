/**
 * Requests written as sentences, from set M's first run, each in other wording than the set's:
 * who holds the policy said by relation or as "her own plan", the client named beside the card,
 * the plan's phone said in a sentence, the writer's own center named after "us".
 */
import { extractBody } from '../../../src/domain/body/extract-body';
import { findPayer, samePayer } from '../../../src/domain/card/payers';
import { splitBodySegments } from '../../../src/domain/mime/body-segments';
import { replyDoubts } from '../../../src/domain/reply-certainty';
import { classifyLabel } from '../../../src/domain/body/labels';
import { parseLine } from '../../../src/domain/body/label-lines';

const one = (text: string) => extractBody(text, { subject: 'benefits', from: 'a@center.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' }).requests[0];

describe('who holds the policy, said in a sentence', () => {
  it('reads "on her own plan" as self, and the clause after it on its own', () => {
    const r = one('Please run benefits for Lena Ortiz (DOB 2/2/1992, Humana H55501234). She is on her own plan through work, and she lives at 4 Birch Way, Ames, IA 50010.');
    expect(r).toMatchObject({ subscriber: { name: 'Lena Ortiz', relationship: 'self' }, client: { address: { line1: '4 Birch Way', city: 'Ames' } } });
  });

  it('reads the card holder named by relation and the client covered "as his wife"', () => {
    const r = one("Card for Mira Tal (DOB 1/9/1988) attached. The name on the card is her husband's, Oren Tal - she's covered under his Aetna plan as his wife.");
    expect(r).toMatchObject({ client: { name: 'Mira Tal', dob: '1988-01-09' }, insurance: { payerName: 'Aetna' }, subscriber: { name: 'Oren Tal', relationship: 'spouse' } });
  });
});

describe('the client named in a sentence', () => {
  it('reads "Card attached (both sides) for <name>" and "My daughter is <name>"', () => {
    expect(one('Card attached (both sides) for Jonah Pike. DOB 3/3/2003.\nAddress: 8 Elm St, Troy, NY 12180')?.client.name).toBe('Jonah Pike');
    expect(one('My daughter is Rue Castillo, she was born 5/6/2004. Her insurance is Cigna, member ID U55531177.')?.client).toMatchObject({ name: 'Rue Castillo', dob: '2004-05-06' });
  });
});

describe('values said in sentences', () => {
  it('reads the plan\'s phone said as who should call it', () => {
    expect(one('Client: Bo Hart\nDOB: 7/7/1977\nThe card says providers should call 1-800-555-0176.')?.insurance.phone).toBe('+18005550176');
    // The writer's own number is no plan phone.
    expect(one('Client: Bo Hart\nDOB: 7/7/1977\nInsurance: Aetna\nYou can call me at 555-555-0133.')?.insurance.phone ?? null).toBeNull();
  });

  it('reads the writer\'s center named after "us" as the referral', () => {
    expect(one('Client: Bo Hart\nDOB: 7/7/1977\nReferring facility is us - Cedar Hollow Recovery.')?.referredBy).toBe('Cedar Hollow Recovery');
  });
});

describe('a payer as the card prints it', () => {
  it('keeps "Cigna Healthcare" and still takes it for the same payer as "Cigna"', () => {
    expect(findPayer('CIGNA HealthCare   Open Access Plus')).toBe('Cigna Healthcare');
    expect(samePayer('Cigna', 'Cigna Healthcare')).toBe(true);
    expect(samePayer('Highmark', 'Highmark Blue Shield')).toBe(true);
    expect(samePayer('Cigna', 'Aetna')).toBe(false);
  });
});

describe('payers and holders written the way set L wrote them', () => {
  it('reads a third-party administrator as the payer, and "customer care for providers" as its phone', () => {
    const r = one('Client: Ty Moss\nDOB: 1/2/1980\nCarrier/TPA: Meritain Health\nCustomer care for providers: 1 800 555 0102, opt 3\n');
    expect(r?.insurance).toMatchObject({ payerName: 'Meritain Health', phone: '+18005550102' });
  });

  it('reads a programme\'s plan label as the payer, and a labelled payer over one described in a sentence', () => {
    expect(one('Client: Ty Moss\nDOB: 1/2/1980\nMedicaid plan: Sunflower Health Plan\n')?.insurance.payerName).toBe('Sunflower Health Plan');
    const r = one('His coverage is the State Youth Medicaid program.\n\nClient: Ty Moss\nDOB: 1/2/1980\nHealth plan: Superior HealthPlan\n');
    expect(r?.insurance.payerName).toBe('Superior HealthPlan');
  });

  it('takes no possessive for a payer ("covered on his DAD\'S plan")', () => {
    expect(one("Ty Moss (DOB 1/2/1980) is covered on his DAD'S employer plan.\nReferred by: Oak House")?.insurance.payerName ?? null).toBeNull();
  });

  it('reads who holds the policy past a sentence, a note and the writer\'s own relation', () => {
    expect(one("Client: Ana Moss\nDOB: 1/2/1980\nName of insured: Rob Moss - her husband. They live apart now.\n")?.subscriber).toMatchObject({ name: 'Rob Moss', relationship: 'spouse' });
    expect(one("Client: Ana Moss\nDOB: 1/2/1980\nPolicy holder: her stepfather (her mom's husband)\n")?.subscriber.relationship).toBe('child');
    expect(one("Client: Ana Moss\nDOB: 1/2/1980\nPolicy holder: my wife Lupe Tau (Ana's aunt)\n")?.subscriber).toMatchObject({ name: 'Lupe Tau', relationship: 'other' });
    expect(one('Client: Ana Moss\nDOB: 1/2/1980\nPolicyholder: Ana herself - county program, no parent on it\n')?.subscriber).toMatchObject({ name: 'Ana Moss', relationship: 'self' });
  });
});

describe('mail to the box that asks for no verification', () => {
  const intentOf = (text: string) => extractBody(text, { subject: 'FYI', from: 'a@center.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' });
  it.each([
    'FYI - no VOB needed for Ana Moss (DOB 1/2/1980, 4 Oak St, Troy, NY 12180); she is private pay, please do not run anything.',
    "I've reassigned the Oak House VOBs: Ana Moss (DOB 1/2/1980) - Aetna -> Lee; Bo Hart (DOB 3/3/1977) - Cigna -> Kim.",
    'I would like to apply for the insurance verification specialist opening. My resume is below: Aetna, Cigna and Medicaid plans.',
  ])('"%s" is no request', (text) => {
    const r = intentOf(text);
    expect(r.requests).toEqual([]);
  });
});

describe('values the reader placed where no request carries them', () => {
  it('a policy holder\'s date of birth is no sign of the client\'s', () => {
    const text = 'CLIENT\nName: Ana Moss\nAge: 19\nAddress: 4 Oak St, Troy, NY 12180\nCOVERAGE\nCarrier: Aetna\nMember ID: W555012345\nProvider line: 800-555-0101\nPOLICY HOLDER\nName: Rob Moss\nDOB: 06/12/1962\nRelationship to client: Father\nReferred by: Oak House\n';
    const body = extractBody(text, { subject: 'VOB', from: 'a@center.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' });
    expect(body.requests[0]?.client.dob).toBeNull();
    expect(body.placedValues).toContain('06/12/1962');
    const request = {
      client: { name: 'Ana Moss', dob: null, address: null },
      insurance: { payerName: 'Aetna', memberId: 'W555012345', groupNumber: null, phone: '+18005550101' },
      subscriber: { name: 'Rob Moss', relationship: 'child' as const },
      referredBy: 'Oak House',
      card: { attached: false, sides: [], fields: null },
      conflicts: [],
      missingFields: ['client.dob' as const, 'client.address' as const, 'card' as const],
    };
    const doubts = (placedValues: string[]) => replyDoubts({ segments: splitBodySegments(text), requests: [request], placedValues, referenceDate: new Date('2026-11-20T00:00:00Z') });
    expect(doubts([]).join(' ')).toMatch(/Date of birth/);
    expect(doubts(body.placedValues ?? []).join(' ')).not.toMatch(/Date of birth/);
  });
});

describe('answers to our own reply', () => {
  it('pairs the prompts pasted back with the numbered answers below them, a mention of the auto-reply no bounce', () => {
    const text = 'Your automatic reply asked for these:\nDate of birth\nSubscriber Name\n\n1) 2/14/1993\n2) Paul Reyes\n\nthanks, Mo\n\nOn Mon, Jun 1, 2026, Mo wrote:\n> VOB for Ana Reyes, Aetna W555019876, ph 800-555-0190, she is on her husband\'s plan\n';
    const r = extractBody(text, { subject: 'Re: VOB', from: 'mo@center.test', fromName: 'Mo', referenceDate: '2026-11-20T00:00:00Z', isReply: true }).requests[0];
    expect(r).toMatchObject({ client: { dob: '1993-02-14' }, subscriber: { name: 'Paul Reyes' } });
  });
});

describe('keywords and values typed into sentences', () => {
  it('reads a dictated sentence value by value, each cut to its shape, "himself" as self', () => {
    const r = one('Can you check benefits for Dario Quint date of birth June 3rd 1990 he lives at 71 Reed Rd Macon Georgia 31201 insurance is Ambetter member ID QZ 118 204 77 he is the policy holder himself. Thanks');
    expect(r).toMatchObject({
      client: { name: 'Dario Quint', dob: '1990-06-03', address: { line1: '71 Reed Rd', city: 'Macon', state: 'GA', postalCode: '31201' } },
      insurance: { payerName: 'Ambetter', memberId: 'QZ11820477' },
      subscriber: { name: 'Dario Quint', relationship: 'self' },
    });
  });

  it('reads "member number is" as the ID and leaves a name that a label word ends alone', () => {
    const r = one('Referral from Pine Hollow Recovery Center. Patient Ida Moss DOB 4/4/1979. Her insurance is Ambetter member number is U 331 204 118 and the phone number for providers is 877-555-0139.');
    expect(r).toMatchObject({ insurance: { payerName: 'Ambetter', memberId: 'U331204118', phone: '+18775550139' }, referredBy: 'Pine Hollow Recovery Center' });
  });

  it('reads no letterhead, table row or "referral for <client>" as a request sentence', () => {
    const letterhead = one('MERCY VALLEY HOSPITAL CENTER Department of Psychiatry - Unit 4 1200 Hill Ave, Akron, OH 44302 Phone 330-555-0110 Fax 330-555-0111\n\nRE: Ana Coe DOB 1/2/1990');
    expect(letterhead?.referredBy ?? null).toBeNull();
    const referral = one('We have a referral for Tomas Vey, born 11/19/1958, who lives at 22 W Ajo Way, Tucson, AZ 85713.');
    expect(referral).toMatchObject({ client: { name: 'Tomas Vey' }, referredBy: null });
  });
});

describe('a form typed without colons inside a chatty message', () => {
  it('reads three adjacent label-space-value lines, two of them shaped', () => {
    const r = one('hi, my uncle needs help and the lady said to email you his info\n\nname Walter Szymanski\nbday 03/08/1956\naddress 12 W Lake St Minneapolis MN 55408\n\nthanks');
    expect(r?.client).toMatchObject({ name: 'Walter Szymanski', dob: '1956-03-08', address: { city: 'Minneapolis', postalCode: '55408' } });
  });
});

describe('admission paperwork forwarded as the request', () => {
  it('reads the relation where the insured is named again, "Primary:" under INSURANCE, and no pointer as a payer', () => {
    const r = one('Please VOB him, insurance is near the bottom.\n\nPATIENT\nName: Omar Pell\nDOB: 2/2/1970\nAddress: 9 Oak St, Troy, NY 12180\n\nNEXT OF KIN\nRita Pell - wife - 518-555-0131\n\nINSURANCE\nPrimary: Aetna\nMember ID: W123456789\nInsured: Rita Pell\nProvider line: 1-800-555-0146\nSecondary: none');
    expect(r).toMatchObject({ insurance: { payerName: 'Aetna' }, subscriber: { name: 'Rita Pell', relationship: 'spouse' } });
  });

  it('takes no relation when the insured is named again with two different ones', () => {
    const r = one('Name: Omar Pell\nDOB: 2/2/1970\nInsured: Rita Pell\nContact: Rita Pell - wife\nAlso: Rita Pell (mother)');
    expect(r?.subscriber).toEqual({ name: 'Rita Pell', relationship: null });
  });

  it('reads "direct calls to the plan at" as the plan phone, and a patient in the next sentence does not hide it', () => {
    const text = 'Client: Eli Brand\nDOB: 4/26/1990\nInsurance: Wellmark\nMember ID: WMK88120453\n\nPlease direct verification calls to the plan at 1-800-555-0123. This patient was referred by Trellis Point Recovery.';
    expect(one(text)?.insurance.phone).toBe('+18005550123');
    // Read or not, the phone in its own sentence is a sign of the field: no reply asks for it.
    const request = {
      client: { name: 'Eli Brand', dob: '1990-04-26', address: null },
      insurance: { payerName: 'Wellmark', memberId: 'WMK88120453', groupNumber: null, phone: null },
      subscriber: { name: null, relationship: null },
      referredBy: 'Trellis Point Recovery',
      card: { attached: false, sides: [], fields: null },
      conflicts: [],
      missingFields: ['insurance.phone' as const],
    };
    const doubts = replyDoubts({ segments: splitBodySegments(text.replace('direct verification calls to the plan at', 'route verification calls to')), requests: [request], referenceDate: new Date('2026-11-20T00:00:00Z') });
    expect(doubts.join(' ')).toMatch(/Insurance Phone Number/);
  });
});

describe('an ordinary writer\'s own words (set R)', () => {
  it('reads a label that says who is whose ("Holder is pt\'s: mother"), a verification line, a case head', () => {
    const r = one('Pt name: Ivy Sand\nBirthdate: 3.4.1999\nPlan: Aetna\nCert #: W220199887\nVerif line: (816) 555-0139 x2\nHolder: Rosa Sand\nHolder is pt\'s: mother');
    expect(r).toMatchObject({ insurance: { phone: '+18165550139' }, subscriber: { name: 'Rosa Sand', relationship: 'child' } });
    const medicaid = one('Consumer: Ray Pike\nDOB: 1990-11-08\nCoverage: Ohio Medicaid - managed care plan is CareSource\nCase head/holder: self');
    expect(medicaid).toMatchObject({ insurance: { payerName: 'CareSource' }, subscriber: { name: 'Ray Pike', relationship: 'self' } });
  });

  it('reads a grandparent\'s letter: the grandson\'s name, "It is <Blue plan> and ...", guardian as other', () => {
    const r = one("My grandson's name is Milo Dean Fisk.  His birthday is 3/3/2007.  I am his legal guardian.\nHe is on my insurance.  It is Blue Cross and Blue Shield of Kansas.  The policy is in my name, Ada Fisk.");
    expect(r).toMatchObject({ client: { name: 'Milo Dean Fisk' }, insurance: { payerName: 'Blue Cross and Blue Shield of Kansas' }, subscriber: { name: 'Ada Fisk', relationship: 'other' } });
  });

  it('finds a state Blue plan spelt exactly, not a longer one two edits away, and still corrects a misspelt one', () => {
    expect(findPayer('Blue Cross and Blue Shield of Kansas')).toBe('Blue Cross Blue Shield of Kansas');
    expect(findPayer('Blue Cross and Blue Shield of Kansas City')).toBe('Blue Cross and Blue Shield of Kansas City');
    expect(one('Name: Al Ng\nDOB: 1/1/1980\nInsurance: Blue Cross Blue Sheild of Louisiana')?.insurance.payerName).toBe('Blue Cross Blue Shield of Louisiana');
  });
});

describe('label words an ordinary writer makes up (set R)', () => {
  it.each([
    ['D/O/B', 'dob'],
    ['Guest D.O.B.', 'clientDob'],
    ['Guest residence', 'clientAddress'],
    ['MCO', 'payer'],
    ['Insured party', 'subscriberName'],
    ['Phone on card for doctors', 'insPhone'],
    ['Where we live', 'clientAddress'],
    ['Staying with her aunt at', 'clientAddress'],
    ['Whose insurance', 'subscriberName'],
    ['Member is policy owner\'s', 'relToSubscriber'],
  ])('reads "%s" as %s', (label, field) => {
    expect(classifyLabel(label)).toBe(field);
  });

  it('reads "Mine (<name>)" as the writer named, and a center "that is sending him" as the referral', () => {
    const r = one('Hi, Dana from Blue Mesa Recovery said to send his info. Blue Mesa Recovery is the place that is sending him.\nFull name: Luis Ortega\nBday: 11/30/81\nInsurance: Ambetter\nWhose insurance: Mine (Rosa Ortega). I added him through my job, we are married');
    expect(r).toMatchObject({ subscriber: { name: 'Rosa Ortega', relationship: 'spouse' }, referredBy: 'Blue Mesa Recovery' });
  });

  it('takes the address from the signature the writer points to, and no pronoun as a referral', () => {
    const r = one('My son is Teo Lind, he was born 8/14/1999. He lives with me at the address in my signature below. They are the ones referring him.\n\nThanks,\nAna Lind\n14 Quail Run Rd\nAbilene, TX 79606\n325-555-0117');
    expect(r).toMatchObject({ client: { name: 'Teo Lind', address: { line1: '14 Quail Run Rd', city: 'Abilene', postalCode: '79606' } }, referredBy: null });
  });
});

describe('forms and mail that ask for no verification (sets P and R)', () => {
  it('unwraps answers a form puts in brackets, keeps an unfilled slot, joins a label wrapped onto the next line', () => {
    const r = one('Client name:        [Rosa Lindqvist]\nDOB:                [          ]\nAddress:            [12 Elm St, Waco, TX 76701]\nInsurance:          [Aetna]\nMember ID:          [W990011223]\nSubscriber name:    [Karl Lindqvist]\nSubscriber relationship\n  to client:        [husband]\nReferred by:        [Client Name]');
    expect(r).toMatchObject({ client: { name: 'Rosa Lindqvist', dob: null, address: { line1: '12 Elm St', city: 'Waco', state: 'TX' } }, insurance: { memberId: 'W990011223' }, subscriber: { name: 'Karl Lindqvist', relationship: 'spouse' }, referredBy: null });
  });

  it.each([
    'FYI - transfer note below for your records. No VOB needed on this one.\n\nClient: Ana Moss\nDOB: 1/2/1980\nPayer: Aetna\nMember ID: W123456789\nGroup: 0029174',
    'For your file: the signed packet for Ana Moss. Your office already completed her VOB on 9/15, no need to re-run anything.\n\nPatient: Ana Moss\nDOB: 1/2/1980\nPrimary insurance: Aetna\nMember ID: W123456789',
    'Hi, I got a statement for $1,200 for my son Eli\'s stay in August. Can it go on a payment plan? His birthday is 2/2/2004 and I\'m the one on the insurance (Aetna).',
    'Hello! My name is Cal Ruiz and I\'m the new intake coordinator at Mesa Ridge, taking over from Jo Ames. Please send VOB results to me going forward. My direct line is 480-555-0152.',
    'Here is where our October requests stand. Nothing new to run here.\n\nClient: Ana Moss\nDOB: 1/2/1980\nPayer: Aetna\nMember ID: W123456789\nStatus: verified',
  ])('no request in %j', (text) => {
    expect(extractBody(text, { subject: 'info', from: 'a@center.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' }).requests).toEqual([]);
  });

  it('still reads a request that turns down a second person further down', () => {
    const r = one('Dr. Moss is referring one of our patients to you, info below:\nPatient: Jon Castell\nDOB: 06/12/1984\nCoverage: Aetna\nMember ID: W123456789\n\nHis brother Eli is NOT being referred, please don\'t run anything on him.');
    expect(r?.client.name).toBe('Jon Castell');
  });
});

describe('admission paperwork laid out as a form (set P)', () => {
  it('reads a lettered section named for the applicant as the client\'s, and no card pointer in the payer', () => {
    const r = one('RESIDENT APPLICATION\n\nSECTION A - APPLICANT\nFull legal name:   Ola Berg\nDate of birth:     01/22/1996\nCurrent address:   55 Pine Way SW, Seattle, WA 98136\n\nSECTION E - HEALTH\nHealth insurance:  Premera Blue Cross (see card)\nReferring program: Sound IOP');
    expect(r).toMatchObject({ client: { name: 'Ola Berg', dob: '1996-01-22', address: { city: 'Seattle' } }, insurance: { payerName: 'Premera Blue Cross' } });
  });

  it('reads "referral for <name>" and "- he\'s the policy holder" after a dash, and no service as a name', () => {
    const r = one("Probation referral for Dale O'Brien-Kee is below. His card is attached - he's the policy holder.\n\nDOB: 06/03/1994\nHealth insurance: Molina Healthcare");
    expect(r).toMatchObject({ client: { name: "Dale O'Brien-Kee" }, subscriber: { name: "Dale O'Brien-Kee", relationship: 'self' } });
    const letter = extractBody('RE: Referral for Behavioral Health Services - Patient: Ana Moss\n\nName: Ana Moss\nDOB: 1/2/1980\nPayer: Aetna', { subject: 'referral', from: 'a@center.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' });
    expect(letter.requests.map((x) => x.client.name)).toEqual(['Ana Moss']);
  });
});

describe('a house manager\'s and a pastor\'s wording (sets R and J)', () => {
  it('reads "1st guy - <name>" as a client boundary and "Medicaid thru <plan>" as the plan', () => {
    const rs = extractBody('Got 2 new residents this week.\n\n1st guy - Tom Reese\nBorn 2/9/1979\nMedicaid thru Healthy Blue, ID 7700312458\n\n2nd guy - Al Banks\nBorn 12/30/1990\nMedicaid thru Louisiana Healthcare Connections', { subject: 'VOB x2', from: 'a@house.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' }).requests;
    expect(rs.map((r) => [r.client.name, r.insurance.payerName])).toEqual([['Tom Reese', 'Healthy Blue'], ['Al Banks', 'Louisiana Healthcare Connections']]);
  });

  it('reads "she has been the policy holder herself" as self', () => {
    const r = one('Her full name is Ada M. Boyd. She was born on January 4, 1951. Her insurance is her own Medicare plan through Humana; she has been the policy holder herself since last year.');
    expect(r).toMatchObject({ insurance: { payerName: 'Humana' }, subscriber: { name: 'Ada M. Boyd', relationship: 'self' } });
  });
});

describe('requests told as a story (first run of the told set; other wording)', () => {
  it('reads the plan\'s line said as the number on the back of the card', () => {
    expect(one('Please run benefits for Ivo Marsh, DOB 3/3/1991. The number on the back of his card for mental health is 1-866-555-0193.')?.insurance.phone).toBe('+18665550193');
    expect(one('Please run benefits for Ivo Marsh, DOB 3/3/1991. Oh, and the number on the back is (877) 555-0102.')?.insurance.phone).toBe('+18775550102');
  });

  it('reads a whole address in a sentence about where the client lives, not an office\'s', () => {
    expect(one('Please run benefits for Ivo Marsh, DOB 3/3/1991. He rents a room at 88 Fallow Road, Salina, Kansas 67401.')?.client.address).toMatchObject({ line1: '88 Fallow Road', city: 'Salina', state: 'KS', postalCode: '67401' });
    expect(one('Please run benefits for Ivo Marsh, DOB 3/3/1991. She lives at home with her dad at 12 Orchard Way in Dover, DE 19901.')?.client.address).toMatchObject({ line1: '12 Orchard Way', city: 'Dover' });
    expect(parseLine('For the records, our office is at 5 Main Street, Salina, KS 67401.').kind).toBe('text');
  });

  it('reads the one center a referral sentence names, not where the client is going', () => {
    expect(one('Please run benefits for Ivo Marsh, DOB 3/3/1991. Tallgrass Counseling saw him Monday, and they are the ones referring him.')?.referredBy).toBe('Tallgrass Counseling');
    expect(one('Please run benefits for Ivo Marsh, DOB 3/3/1991. We are the ones sending him, Prairie Wind Recovery Center, on to Bluestem Lodge for residential.')?.referredBy).toBe('Prairie Wind Recovery Center');
    expect(one('Please run benefits for Ivo Marsh, DOB 3/3/1991. He is being referred for detox at Bluestem Lodge.')?.referredBy ?? null).toBeNull();
    expect(one('Please run benefits for Ivo Marsh, DOB 3/3/1991. Nobody referred him - his sister found Bluestem Recovery online.')?.referredBy ?? null).toBeNull();
  });

  it('keeps "and Blue Shield" with the payer\'s name, and drops a possessive from a subscriber', () => {
    expect(one('Please run benefits for Ivo Marsh, DOB 3/3/1991. Coverage is his own, the carrier is Blue Cross and Blue Shield of Kansas, his member ID is KSX44120 and the group is 7710.')?.insurance.payerName).toBe('Blue Cross and Blue Shield of Kansas');
    expect(one('Please run benefits for Ivo Marsh, DOB 3/3/1991. The coverage is through his stepmom Tess Varga\'s employer, and he is a dependent on it.')?.subscriber.name).toBe('Tess Varga');
  });

  it('reads the client named as "a client of mine"', () => {
    expect(one('I am writing about a client of mine, Ivo Marsh, who was born on 3/3/1991.')?.client.name).toBe('Ivo Marsh');
  });
});

describe('a holiday-season inbox (first run of the holidays set; other wording)', () => {
  const body = (text: string, subject = 'VOB') => extractBody(text, { subject, from: 'a@center.test', fromName: null, referenceDate: '2026-12-20T00:00:00Z' });

  it('reads a request whose sender mentions being out of the office after asking', () => {
    const r = body('Please verify benefits for the client below.\n\nClient Name: Ivo Marsh\nDOB: 03/03/1991\nInsurance: Aetna\nMember ID: W100200300\n\nFYI I am out of the office 12/24 through 1/2; Sam is covering.');
    expect(r.requests).toHaveLength(1);
    expect(body('I am out of the office until January 4 with limited access to email. For VOB questions contact Sam.').requests).toEqual([]);
  });

  it('reads the client, date of birth and an address with a unit line after a question', () => {
    const [r] = body('Could you fit in one more before the 31st? Ivo Marsh, DOB 3/3/1991, 12 Orchard Way, Unit 5, Dover, DE 19901. Card attached.').requests;
    expect(r).toMatchObject({ client: { name: 'Ivo Marsh', dob: '1991-03-03', address: { line1: '12 Orchard Way', line2: 'Unit 5', city: 'Dover', postalCode: '19901' } } });
  });

  it('reads "my insurance is <payer>", and drops a note on the card or the kind of plan from the payer', () => {
    expect(body('Hi, my DOB is 3/3/1991. My insurance is Blue Cross Blue Shield of Kansas through my job.').requests[0]?.insurance.payerName).toBe('Blue Cross Blue Shield of Kansas');
    expect(body('Client: Ivo Marsh\nDOB: 3/3/1991\nInsurance: Cigna (both sides of the card attached)').requests[0]?.insurance.payerName).toBe('Cigna');
    expect(body('Client: Ivo Marsh\nDOB: 3/3/1991\nInsurance: Priority Health, an employer group plan').requests[0]?.insurance.payerName).toBe('Priority Health');
    // An "and" before a lower-case word starts the next clause, not more of the payer's name.
    expect(body('Ivo Marsh, DOB 3/3/1991. Her insurance is Aetna and the ID is W123456789.').requests[0]?.insurance).toMatchObject({ payerName: 'Aetna', memberId: 'W123456789' });
  });

  it('reads the writer\'s own center after "to us here at", and its fuller labelled name over it', () => {
    expect(body('Ivo Marsh, DOB 3/3/1991, is coming to us here at Juniper Trail next week. Cigna W100200300.').requests[0]?.referredBy).toBe('Juniper Trail');
    expect(body('Ivo Marsh, DOB 3/3/1991, starts with us at Juniper Trail on Monday.\nReferral: Juniper Trail IOP').requests[0]?.referredBy).toBe('Juniper Trail IOP');
  });
});

describe('the client said in the story, and an old plan set aside (other wording)', () => {
  const body = (text: string) => extractBody(text, { subject: 'VOB', from: 'a@center.test', fromName: null, referenceDate: '2026-12-20T00:00:00Z' });

  it('takes the full name whose first name is said with the age or birth', () => {
    const [r] = body('I met with Lucas Brenner and his aunt on Friday about our IOP. Lucas is 31 and was born on May 5, 1995. He has Aetna, member ID W998877665, and he is the policy holder himself.').requests;
    expect(r?.client.name).toBe('Lucas Brenner');
  });

  it('reads a client named at the start as already with the program, or with the DOB in brackets', () => {
    expect(body('Mina Sato has been in residential with us since 12/2. DOB 4/4/1994, Cigna U1234567.').requests[0]?.client.name).toBe('Mina Sato');
    expect(body('Mina Sato (DOB 4/4/1994) will stay on after the holiday. Cigna U1234567.').requests[0]?.client.name).toBe('Mina Sato');
  });

  it('sets aside the values under an old plan\'s heading', () => {
    const [r] = body('Client: Mina Sato\nDOB: 4/4/1994\n\nPrevious insurance (termed 11/30):\nAmbetter, ID U7200011, 1-866-555-0106\n\nCurrent - please verify:\nInsurance: Cigna\nMember ID: U1234567').requests;
    expect(r?.insurance).toMatchObject({ payerName: 'Cigna', memberId: 'U1234567' });
  });
});

describe('a story\'s client, plan and phone (second pass over the told and mobile sets; other wording)', () => {
  it('takes the one person a story names in full for the client, not a doctor, a relative, a place or a contact', () => {
    expect(one('Hi all,\n\nMaya Quist called us this morning and wants to start Monday. Her birthday is 4/4/1996 and she lives at 12 Pine St, Ames, IA 50010. She has Aetna, ID W4455 1122.')?.client.name).toBe('Maya Quist');
    expect(one('Dr. Lund asked me to send this. He is discharging Ivo Berg on Friday. He was born 2/2/1980 and lives at 9 Elm Rd, Troy, NY 12180. Humana H1122 3344.')?.client.name).toBe('Ivo Berg');
    expect(one('I spoke with Rita Sole about her son today. He was born 3/3/2001 and lives at 4 Oak Ct, Erie, PA 16501. Aetna W9988 7766.')?.client.name).toBeNull();
  });

  it('reads "he\'s the one on the policy" as self, but not a writer\'s "I\'m the one on the insurance" said in passing', () => {
    expect(one('Please run Omar Field, DOB 5/5/1985, Cigna U1234 5678. He\'s the one on the policy.')?.subscriber).toEqual({ name: 'Omar Field', relationship: 'self' });
  });

  it('reads a name with its birth date and no DOB word, a P.O. box, and "shes her own subscriber"', () => {
    const r = one('VOB pls - Lena Toth 7/7/91, PO Box 88 Kayenta AZ 86033, ins Mercy Care id A1122 3344. Shes her own subscriber.');
    expect(r).toMatchObject({ client: { name: 'Lena Toth', dob: '1991-07-07', address: { line1: 'PO Box 88', city: 'Kayenta' } }, subscriber: { relationship: 'self' } });
  });

  it('reads "his father is X" beside the plan, a known payer after "with" or between dashes, and the phone "which is the number on the back"', () => {
    const r = one('Please verify benefits for Eli Ward, DOB 1/1/2000, 3 Bay Rd, Erie, PA 16501. He is on his mother\'s plan - his mother is Ann Ward - with Highmark. Call 1-800-555-0170, which is the number printed on the back. ID ZHE1122 3344.');
    expect(r).toMatchObject({ insurance: { payerName: 'Highmark', phone: '+18005550170' }, subscriber: { name: 'Ann Ward', relationship: 'child' } });
    expect(one('Please run Ola Park, DOB 2/2/1990. She bought her own plan this year - Ambetter - so she is the policy holder.')?.insurance.payerName).toBe('Ambetter');
    // A relative "is the one on" the policy names nobody: the name must be written with capitals.
    expect(one("Please run Tui Vake, DOB 3/3/2001, 4 Elm St, Provo, UT 84601, Aetna W1234 5678.\nHe is covered on my husband's plan; his uncle is the one on the policy.\nPolicy holder: Sefa Vake (uncle)")?.subscriber).toEqual({ name: 'Sefa Vake', relationship: 'other' });
  });

  it('reads a birth date said as "the thirtieth of January, 1993" and "it\'s her own policy" after "so"', () => {
    const r = one('Please run Tia Moss. Tia was born on the twenty-first of March, 1990. She has Cigna through work, so it\'s her own policy. ID U5566 7788.');
    expect(r).toMatchObject({ client: { dob: '1990-03-21' }, subscriber: { relationship: 'self' } });
  });

  it('reads a sentence that starts with the name and a comma, and the holder named after a dash or inside the possessive', () => {
    expect(one('Can you run this one?\nMira Castell, DOB 04/05/1992.\nCigna, member ID U5566 7788')?.client).toMatchObject({ name: 'Mira Castell', dob: '1992-04-05' });
    expect(one('Client Name, DOB and plan below:\nMira Castell\n04/05/1992')?.client.name).not.toBe('Client Name');
    expect(one('Mira Castell, DOB 04/05/1992. Cigna U5566 7788.\nShe is on her husband\'s plan - Tomas Castell.')?.subscriber).toEqual({ name: 'Tomas Castell', relationship: 'spouse' });
    expect(one('Mira Castell, DOB 04/05/1992. Cigna U5566 7788.\nShe is on her husband Tomas Castell\'s plan.')?.subscriber).toEqual({ name: 'Tomas Castell', relationship: 'spouse' });
    expect(one('Mira Castell, DOB 04/05/1992. Cigna U5566 7788.\nShe is on her husband\'s plan - he works nights.')?.subscriber).toEqual({ name: null, relationship: 'spouse' });
  });

  it('reads a correction whose value is in the next sentence, a member ID after a dash, and a trailing one-digit group of an ID', () => {
    expect(one('Client: Mira Castell\nDOB: 04/15/1992\nI had her DOB wrong above. It is 04/25/1992, not 04/15/1992.')?.client.dob).toBe('1992-04-25');
    expect(one('Client: Mira Castell\nDad sent a photo of the card this morning - member ID is 2210 4455 6677.')?.insurance.memberId).toBe('221044556677');
    expect(one('Mira Castell, DOB 04/05/1992. She has Cigna, member ID 4410 2231 7. Provider number on the back: 1-800-555-0133.')?.insurance).toMatchObject({ memberId: '441022317', phone: '+18005550133' });
  });

  it('reads "herself (Medicaid)" as self, a team for a group as none, a reference code for a referral as none, and a caller as no client', () => {
    expect(one('Client: Mira Castell\nSubscriber: herself (Medicaid)')?.subscriber).toEqual({ name: 'Mira Castell', relationship: 'self' });
    expect(one('Client: Mira Castell\nInsurance: Aetna\nGroup: Intake Team')?.insurance.groupNumber).toBeNull();
    expect(one('Client: Mira Castell\nInsurance: Aetna\nGroup: 55120')?.insurance.groupNumber).toBe('55120');
    expect(one('Client: Mira Castell\nInsurance: Aetna\nRef: TKT0042291')?.referredBy).toBeNull();
    expect(one('CALLER: JUNE CASTELL\nCALLER PH: (501) 555-0163\nRE PATIENT: MIRA CASTELL\nPT DOB: 04/05/1992\nMEMBER ID: CALLER DID NOT HAVE CARD AVAILABLE')).toMatchObject({ client: { name: 'MIRA CASTELL' }, insurance: { memberId: null } });
    expect(one('Client: Mira Castell\nCigna U5566 7788\nBH number off the back of her card: 1-800-555-0133')?.insurance.phone).toBe('+18005550133');
  });

  it('gives every client the one plan block under them when the message says the plan is shared', () => {
    const body = extractBody('Two sisters, same policy.\n\nMira Castell, DOB 04/05/2008\nLena Castell, DOB 09/09/2010\n\nInsurance: Aetna\nMember ID: W5566 7788\nSubscriber: Tomas Castell (father)', { subject: 'VOB', from: 'a@center.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' });
    expect(body.requests.map((r) => [r.client.name, r.insurance.memberId, r.subscriber.relationship])).toEqual([
      ['Mira Castell', 'W55667788', 'child'],
      ['Lena Castell', 'W55667788', 'child'],
    ]);
  });

  it('reads "pt is the subscriber", "(I\'m the policy holder)" beside the plan of a client writing herself, and "Submitted by: Anonymous" as no referral', () => {
    expect(one('Client: Mira Castell\nSubscriber: pt is the subscriber (employer plan)')?.subscriber).toEqual({ name: 'Mira Castell', relationship: 'self' });
    expect(extractBody('Client: Mira Castell\nDOB: 04/05/1992\nInsurance: Moda Health, through my job (I\'m the policy holder).', { subject: 'my insurance', from: 'mira@mail.test', fromName: 'Mira Castell', referenceDate: '2026-11-20T00:00:00Z' }).requests[0]?.subscriber).toEqual({ name: 'Mira Castell', relationship: 'self' });
    expect(one('Submitted by: Anonymous\nClient: Mira Castell\nReferred by (treatment center): Red Fern Lodge')?.referredBy).toBe('Red Fern Lodge');
  });

  it('reads "verify Name (DOB ...)" and "he\'s his own policy holder" inside one long comma sentence', () => {
    const r = one('Hi - can you verify Oren Vail (DOB 3/14/1986), 12 Mesa Rd, Taos NM 87571, ins is Aetna, ID W55120934, provider line 1-800-555-0161, he\'s his own policy holder, referral is from Sage Bend Recovery. Thanks!');
    expect(r).toMatchObject({ client: { name: 'Oren Vail', dob: '1986-03-14' }, subscriber: { name: 'Oren Vail', relationship: 'self' } });
  });

  it('reads "My boyfriend is X", "it\'s in his own name" and "His own plan through his employer", and no street words as a name', () => {
    const r = one('My boyfriend is Oren Vail, he\'s 29.\nHe lives with me: 1906 NE 65th St Apt 310, Seattle, WA 98115\nInsurance is Premera Blue Cross through his job, it\'s in his own name\nMember number PRM 551 208 734');
    expect(r).toMatchObject({ client: { name: 'Oren Vail' }, subscriber: { name: 'Oren Vail', relationship: 'self' } });
    expect(one('Oren Vail\nDOB 6/6/1975\nAetna, member ID W55120934\nHis own plan through his employer')?.subscriber).toEqual({ name: 'Oren Vail', relationship: 'self' });
  });

  it('reads "Minor:" as the client', () => {
    expect(one('Minor: Oren Vail\nDOB: 08/08/2009\nInsurance: Aetna')?.client.name).toBe('Oren Vail');
  });

  it('reads "Center referral - Name date" in the subject as the referral and the client', () => {
    const body = extractBody('Insurance for Oren is below.\nAetna, ID W55120934.', { subject: 'Sage Bend referral - Oren Vail 3/14/86', from: 'a@center.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' });
    expect(body.requests[0]).toMatchObject({ client: { name: 'Oren Vail', dob: '1986-03-14' }, referredBy: 'Sage Bend' });
  });

  it('reads "Policy holder: Mr. Quint himself" as the client, not a subscriber named "Mr"', () => {
    expect(one('Client: Dario B. Quint\nDate of birth: 6/3/1990\nInsurance: Ambetter\nPolicy holder: Mr. Quint himself')?.subscriber).toEqual({ name: 'Dario B. Quint', relationship: 'self' });
  });

});
