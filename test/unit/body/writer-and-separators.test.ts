/**
 * General rules found on the first run of the senders/intermediaries blind sets, each in other
 * wording than the set's: labels written with any separator, the writer as the subscriber, the
 * client named by the writer's relation, form submitters' own fields, value prefixes.
 */
import { extractBody } from '../../../src/domain/body/extract-body';
import { classifyLabel } from '../../../src/domain/body/labels';
import { parseDate } from '../../../src/domain/body/dates';
import { normalizeMemberId } from '../../../src/domain/body/identifiers';
import { normalizeStructuredText } from '../../../src/domain/body/structured-text';

const read = (text: string, fromName: string | null = null) =>
  extractBody(text, { subject: 'Benefits check', from: 'someone@family.test', fromName, referenceDate: '2026-11-20T00:00:00Z' }).requests;

describe('labels written with a separator other than the colon', () => {
  it.each(['=', '>>', '=>', '::', '->'])('"key %s value"', (sep) => {
    const [r] = read(`Benefits please.\n\nclient_name  ${sep} Opal T. Brennan\ndate_of_birth ${sep} 07/08/1971\ninsurance    ${sep} Aetna\nmember_id    ${sep} W55501234\n`);
    expect(r).toMatchObject({ client: { name: 'Opal T. Brennan', dob: '1971-07-08' }, insurance: { payerName: 'Aetna', memberId: 'W55501234' } });
  });

  it('leaves a lone "x = y" in a note alone', () => {
    const [r] = read('Client: Opal Brennan\nDOB: 07/08/1971\nNote: dose = 40 mg\n');
    expect(r!.client.name).toBe('Opal Brennan');
  });
});

describe('the writer as the subscriber', () => {
  it('is the client when the client writes for themselves', () => {
    const [r] = read('I am asking for myself before I start.\nName: Gideon Farrow\nDOB: 02/03/1966\nInsurance: Cigna\nID: U55512345\nI am the policyholder.\n', 'Gideon Farrow');
    expect(r!.subscriber).toEqual({ name: 'Gideon Farrow', relationship: 'self' });
  });

  it('is the parent writing, named after a comma, the client their child', () => {
    const [r] = read('Our daughter Wren Castellano, born 5/6/2005, needs help.\nShe is covered on my plan, I’m the subscriber, Ines Castellano.\nIt’s Aetna, ID W55598765.\n');
    expect(r!.client.name).toBe('Wren Castellano');
    expect(r!.subscriber).toEqual({ name: 'Ines Castellano', relationship: 'child' });
  });

  it('is the From name when the sentence names no one, with the relation the message gives', () => {
    const [r] = read('Writing about my husband, Arlo Vance (DOB 9/9/1980).\nThe policy is in my name.\nCarrier: UHC\nMember ID: 555123987\n', 'Sela Vance');
    expect(r!.client).toMatchObject({ name: 'Arlo Vance', dob: '1980-09-09' });
    expect(r!.subscriber).toEqual({ name: 'Sela Vance', relationship: 'spouse' });
  });

  it('stays unknown when nothing names the writer', () => {
    const [r] = read('Client: Arlo Vance\nDOB: 9/9/1980\nCarrier: UHC\nThe policy is in my name.\n', null);
    expect(r!.subscriber).toEqual({ name: null, relationship: null });
  });

  it('"participant (self)" and "Insured: employee" mean the client holds it', () => {
    const [a] = read('Participant: Remy Okafor\nDOB: 1/1/1990\nPolicyholder: participant (self)\n');
    expect(a!.subscriber).toEqual({ name: 'Remy Okafor', relationship: 'self' });
    const [b] = read('Client: Remy Okafor\nDOB: 1/1/1990\nInsured: employee\n');
    expect(b!.subscriber).toEqual({ name: 'Remy Okafor', relationship: 'self' });
  });
});

describe('labels and values', () => {
  it('reads the form filler\'s own fields as no part of the request', () => {
    expect(classifyLabel('Your Name')).toBe('ignore');
    expect(classifyLabel('Submitter email')).toBe('ignore');
    expect(classifyLabel('Name')).toBe('name');
  });

  it('reads ID words and a date of birth with the age beside it', () => {
    expect(classifyLabel('Cert #')).toBe('memberId');
    expect(classifyLabel('Certificate number')).toBe('memberId');
    expect(classifyLabel('Enrollee')).toBe('clientName');
    expect(classifyLabel('DOB/Age')).toBe('dob');
    expect(classifyLabel('Age')).toBe('ignore');
    expect(classifyLabel('Cigna #')).toBe('namedPhone');
  });

  it('drops a label written again before the value, and the apostrophe of a short year', () => {
    expect(normalizeMemberId('ID# w55512')).toBe('W55512');
    expect(normalizeMemberId('ID: 8801234')).toBe('8801234');
    expect(parseDate("Mar 3, '79", {})).toBe('1979-03-03');
  });

  it('reads "Our address is" alone on a line as the label of the lines below', () => {
    const [r] = read('Client: Ada Quill\nDOB: 4/4/1994\nOur address is\n18 Fern Row\nSalem, OR 97301\n');
    expect(r!.client.address).toEqual({ line1: '18 Fern Row', line2: null, city: 'Salem', state: 'OR', postalCode: '97301' });
  });

  it('takes "It\'s <known payer>" and drops how the plan is held', () => {
    const [a] = read('Client: Ada Quill\nDOB: 4/4/1994\nShe is on my plan. It’s Blue Shield of California.\n');
    expect(a!.insurance.payerName).toBe('Blue Shield of California');
    const [b] = read('Client: Ada Quill\nDOB: 4/4/1994\nInsurance: Aetna (through my job)\n');
    expect(b!.insurance.payerName).toBe('Aetna');
  });
});

describe('notes typed in chats and faxes', () => {
  it('reads a text-message export without its stamps, and "address?" answered on the next line', () => {
    const [r] = read(
      [
        '[3/2/26, 9:01 AM] Kim: vob for tomorrow',
        '[3/2/26, 9:01 AM] Kim: Client name Orin Blackwood',
        '[3/2/26, 9:02 AM] Kim: dob 04/05/1999',
        '[3/2/26, 9:02 AM] Me: address?',
        '[3/2/26, 9:03 AM] Kim: 40 Lark St, Albany NY 12210',
      ].join('\n'),
    );
    expect(r!.client).toEqual({ name: 'Orin Blackwood', dob: '1999-04-05', address: { line1: '40 Lark St', line2: null, city: 'Albany', state: 'NY', postalCode: '12210' } });
  });

  it('reads dot leaders of any length as the separator', () => {
    const [r] = read('PATIENT NAME....... Ruth Kamau\nDOB.... 02/02/1950\nCARRIER........... Humana\nMEMBER ID......... H55512345\n');
    expect(r).toMatchObject({ client: { name: 'Ruth Kamau', dob: '1950-02-02' }, insurance: { payerName: 'Humana', memberId: 'H55512345' } });
  });

  it('takes a Spanish placeholder for no value', () => {
    const [r] = read('Client Name: Rosa Vela\nDOB: 1/2/1960\nInsurance: Aetna\nID #: pendiente\n');
    expect(r!.insurance.memberId).toBeNull();
  });
});

describe('a subject that names the client', () => {
  const withSubject = (subject: string, text: string) =>
    extractBody(text, { subject, from: 'a@center.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' }).requests;

  it('fills the name, date of birth and payer the body leaves out', () => {
    const [r] = withSubject('VOB | Marta Quillen | DOB 03/30/1985 | Aetna', 'Addr: 9 Pine St, Eugene, OR 97401\nSubscriber: self\nReferred by: Cedar House\n');
    expect(r!.client).toMatchObject({ name: 'Marta Quillen', dob: '1985-03-30' });
    expect(r!.insurance.payerName).toBe('Aetna');
    expect(r!.subscriber).toEqual({ name: 'Marta Quillen', relationship: 'self' });
  });

  it('names nobody without a date of birth, and never overrides the body', () => {
    expect(withSubject('VOB request - Harbor Light', 'Addr: 9 Pine St, Eugene, OR 97401\nSubscriber: self\nReferred by: Cedar House\n')[0]?.client.name ?? null).toBeNull();
    const [r] = withSubject('VOB: Marta Quillen DOB 03/30/1985', 'Client: Marta J. Quillen\nDOB: 03/30/1985\nInsurance: Cigna\n');
    expect(r!.client.name).toBe('Marta J. Quillen');
  });
});

describe('short notes', () => {
  it('reads "VOB on <name>", "<known payer> <ID>", "policy is his own" and "subscriber <name>"', () => {
    const [a] = read('Need a VOB on Pavel Ostrow, DOB 3.9.77\nHumana H55519283, grp 44021\npolicy is his own\n');
    expect(a).toMatchObject({ client: { name: 'Pavel Ostrow', dob: '1977-03-09' }, insurance: { payerName: 'Humana', memberId: 'H55519283' }, subscriber: { name: 'Pavel Ostrow', relationship: 'self' } });
    const [b] = read('VOB on Nia Ostrow, DOB 3.9.07\nHumana H55519284\nsubscriber Pavel Ostrow\n');
    expect(b!.subscriber.name).toBe('Pavel Ostrow');
  });

  it('reads the payer after "insurance is through my job -" and the writer named in parentheses', () => {
    const [r] = read('My wife Tamsin Hale, born May 2 1981, needs help.\nInsurance is through my job - Cigna, member ID U55544433. I’m the policy holder (Jonah Hale).\n');
    expect(r!.insurance.payerName).toBe('Cigna');
    expect(r!.subscriber).toEqual({ name: 'Jonah Hale', relationship: 'spouse' });
  });
});

describe('subscribers and plans in odd words', () => {
  it('reads a second-language word beside the relation as no part of the name', () => {
    const [r] = read('Name: Lan Tran\nDOB: 09/30/1968\nSubscriber: Minh Tran (chồng / husband)\n');
    expect(r!.subscriber).toEqual({ name: 'Minh Tran', relationship: 'spouse' });
  });

  it('reads "first name, she\'s the policy holder" as the client', () => {
    const [r] = read('client: dara ohm\ndob: 06/28/1994\nsubscriber: dara, she’s the policy holder\n');
    expect(r!.subscriber).toEqual({ name: 'dara ohm', relationship: 'self' });
  });

  it('takes a legal guardian for "other", and leaves a secondary plan out', () => {
    const [r] = read('Client: Cody Vale\nDOB: 02/16/2005\nSubscriber: Lora Pike (legal guardian)\n\nPRIMARY insurance: Medicare\n   MBI: 3TW8JK2PR61\n\nSECONDARY (Medigap Plan G): Mutual of Omaha\n   Policy #: MOO55109382\n   Phone: 844-555-0176\n');
    expect(r!.subscriber.relationship).toBe('other');
    expect(r!.insurance).toMatchObject({ payerName: 'Medicare', memberId: '3TW8JK2PR61', phone: null });
  });

  it('reads a zero typed for the O of DOB', () => {
    const [r] = read('Client Name: Tessa Vance\nD0B: 10/17/2001\nInsurance: Aetna\n');
    expect(r!.client.dob).toBe('2001-10-17');
  });
});

describe('hurried lines', () => {
  it('reads "ins <payer> mbr <spaced id> grp <n>" without colons', () => {
    const [r] = read('pt remy gold dob 7/2/04\naddy 18 fern row salem or 97301\nins cigna mbr u 2039 4417 0 grp 0855512\nins ph 1 800 555 0138\nref from cedar house\n');
    expect(r!.insurance).toMatchObject({ payerName: 'cigna', memberId: 'U203944170', groupNumber: '0855512' });
  });

  it('reads "he\'s on my insurance through work, <payer>" and a counselor "at <center> is referring him"', () => {
    const [r] = read('I am writing about my son Eli Marsh, born 8/19/2009. His therapist at Birch Youth Services is referring him.\n\nHe’s on my insurance through work, Premera Blue Cross. I’m the subscriber (Ada Marsh, his mom).\n');
    expect(r!.insurance.payerName).toBe('Premera Blue Cross');
    expect(r!.referredBy).toBe('Birch Youth Services');
  });

  it('reads a name with a capital after the apostrophe, and "He\'s the subscriber" after the values', () => {
    const [r] = read("New VOB request: Kieran O'Dell, 34 y/o male.\n\nIns: Aetna, ID W55512345, ins phone 888-555-0123. He's the subscriber.\n");
    expect(r!.client.name).toBe("Kieran O'Dell");
    expect(r!.subscriber).toEqual({ name: "Kieran O'Dell", relationship: 'self' });
  });
});

describe('texts and Spanish', () => {
  it('reads a chat pasted as "Name (time): text" lines', () => {
    const [r] = read('Ray (10:16 AM): Client name Tomas Rivas\nMe (10:17 AM): dob?\nRay (10:18 AM): 4/19/1990\nRay (10:19 AM): Molina Medicaid, id 108556732\n');
    expect(r!.client).toMatchObject({ name: 'Tomas Rivas', dob: '1990-04-19' });
  });

  it('reads "(it\'s his own policy)" as self and "Nos refirió el centro X" as the referral', () => {
    const [r] = read('My brother Luis Ortega needs help. Nos refirió el centro Casa Verde Recovery.\nFecha de nacimiento: 12/08/1985\nSeguro: Health Net\n(it’s his own policy)\n');
    expect(r!.subscriber.relationship).toBe('self');
    expect(r!.referredBy).toBe('Casa Verde Recovery');
  });
});

describe('referral letters', () => {
  it('reads a student label, an age after the name, a possessive school, and a parent who holds the policy', () => {
    const [r] = read(
      "I'm making this referral on behalf of Cedar Middle School's support team.\n\nStudent: Ayla Brook, 15 years old\nHome address: 9 Elm St, Eau Claire, WI 54701\nParent/guardian: Rena Brook (mother) - she is the policy holder through her employer\nInsurance: UMR\nMember ID: 620555354\n",
    );
    expect(r!.client.name).toBe('Ayla Brook');
    expect(r!.referredBy).toBe('Cedar Middle School');
    expect(r!.subscriber).toEqual({ name: 'Rena Brook', relationship: 'child' });
  });

  it('reads "born on the 9th of July 1998" and a subscriber note after a semicolon', () => {
    const [a] = read('His full name is Dan Becker. He was born on the 9th of July 1998.\nInsurance: Aetna\n');
    expect(a!.client.dob).toBe('1998-07-09');
    const [b] = read('Client: Colin Ash\nDOB: 22 August 1984\nSubscriber: Hana Ash (wife; she is the employee on the plan)\n');
    expect(b!.subscriber).toEqual({ name: 'Hana Ash', relationship: 'spouse' });
  });
});

describe('forwards from the client', () => {
  it('takes "I" in a forwarded message as its author, and a client writing "here\'s my insurance info" as the client', () => {
    const [r] = read(
      'Pls run VOB, Harbor Light Recovery is referring him. DOB 11/30/1979, address 7 Birch Rd, Bakersfield, CA 93307.\n\nThx\nRenee\n\n---------- Forwarded message ---------\nFrom: Dario Whitby <dario@mailbox.test>\nDate: Mon, Jan 19, 2026 at 7:41 PM\nSubject: my insurance\nTo: <admissions@harborlight.test>\n\nHey, here’s my insurance info like you asked. Cigna, member ID 948555635, group 705214. It’s through my job so I’m the policyholder.\n',
      'Renee Albright',
    );
    expect(r!.client.name).toBe('Dario Whitby');
    expect(r!.insurance).toMatchObject({ payerName: 'Cigna', memberId: '948555635' });
    expect(r!.subscriber).toEqual({ name: 'Dario Whitby', relationship: 'self' });
  });

  it('reads "<name> - <payer>, card attached" and "referring <name> for IOP", but not "family is ..." as a last name', () => {
    const [a] = read('Rosa Abner - Humana, card attached. She lives at 5 Elm Ct, Tucson, AZ 85704. Her DOB is 4/5/1960.\n');
    expect(a).toMatchObject({ client: { name: 'Rosa Abner' }, insurance: { payerName: 'Humana' } });
    const [b] = read('We (Sunset Recovery) are referring Mara Vent for IOP. DOB 09/05/1991. I don’t have her address yet, family is bringing it tomorrow.\n');
    expect(b!.client.name).toBe('Mara Vent');
  });
});

describe('hospital print-outs and answered questionnaires', () => {
  it('reads two labelled columns on one line, and "LAST, FIRST" as the same client', () => {
    const [r, extra] = read(
      'Please run benefits for Ana R Delacroix.\n\nPt Name: Delacroix, Ana R          MRN: 004418827\nDOB: 02/17/1996 (29 y)            Sex: F\nPrimary Ins: Aetna\nSub ID: W55520934\nGuarantor: Delacroix, Ana R        Rel to Pt: Self\nReferring Fac: Northgate Health\n',
    );
    expect(extra).toBeUndefined();
    expect(r).toMatchObject({ client: { name: 'Ana R Delacroix', dob: '1996-02-17' }, subscriber: { name: 'Ana R Delacroix', relationship: 'self' }, referredBy: 'Northgate Health' });
  });

  it('keeps a quoted line\'s second column quoted', () => {
    expect(normalizeStructuredText('> Member ID: ZIV55512   Group: 00872')).toBe('> Member ID: ZIV55512\n> Group: 00872');
  });

  it('reads answers written under numbered quoted questions after a blank line', () => {
    const [r] = read(
      'Answers below.\n\nOn Mon, Mar 23, 2026 at 10:14 AM Kay Tan <kay@north.test> wrote:\n> Patient: Jon Bright, DOB 05/19/2001\n> Referred by: North Health\n>\n> 1. Insurance company name:\n\nANSWER: Cigna\n\n> 2. Member ID (from the card):\n\nU555820194\n\n> 3. Policy holder\'s name and relationship to Jon:\n\nMe - Yola Bright, I am his mother\n\n> 4. Jon\'s home address:\n\n33 W Elm Ave, Apt 2, Chicago, IL 60618\n',
    );
    expect(r).toMatchObject({ insurance: { payerName: 'Cigna', memberId: 'U555820194' }, subscriber: { name: 'Yola Bright', relationship: 'child' } });
    expect(r!.client.address).toEqual({ line1: '33 W Elm Ave', line2: 'Apt 2', city: 'Chicago', state: 'IL', postalCode: '60618' });
  });
});
