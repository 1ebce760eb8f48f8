import { extractBody } from '../../../src/domain/body/extract-body';
import type { BodyRequest } from '../../../src/domain/body/body-request';

const ctx = { subject: 'VOB', from: 'intake@center.test', fromName: null, referenceDate: '2025-01-15T00:00:00Z' };
const one = (text: string): BodyRequest => {
  const r = extractBody(text, ctx).requests;
  expect(r).toHaveLength(1);
  return r[0] as BodyRequest;
};

describe('extractBody label styles', () => {
  it('reads abbreviations, "#" separators and a subscriber with an inline DOB', () => {
    const r = one('Pt Name: Sam Hill\nD.O.B.: 1/2/90\nIns Co: Aetna\nMem ID: W998877\nMember ID# W123\nSubscriber: John Hill DOB 1/1/60');
    expect(r.client).toEqual({ name: 'Sam Hill', dob: '1990-01-02', address: null });
    expect(r.insurance.memberId).toBe('W998877');
    expect(r.subscriber.name).toBe('John Hill');
  });

  it('splits several pairs on one line and reads "same as client" as self', () => {
    const r = one('Patient Name: Jane Doe   DOB: 01/02/1990\nInsured: Same as client\nInsurance: Cigna');
    expect(r.subscriber).toEqual({ name: 'Jane Doe', relationship: 'self' });
    expect(r.client.dob).toBe('1990-01-02');
  });

  it('reads possessive labels, "Policy Holder: Mother - Mary Lee" and "from <center>"', () => {
    const r = one("Client's Name: Ann Lee\nDOB 01/02/1990\nPolicy Holder: Mother - Mary Lee\nRelationship to Patient: Mother\nReferral Source: from Sunrise Detox");
    expect(r.subscriber).toEqual({ name: 'Mary Lee', relationship: 'child' });
    expect(r.referredBy).toBe('Sunrise Detox');
  });

  it('never reads the signature: its address and phone are the center\'s', () => {
    const r = one('Name: Bo Chan\nDOB: 2/2/1992\nInsurance: Aetna\nID: W100\n\nBest regards,\nTina\nIntake Coordinator\nAddress: 100 Center Rd, Austin, TX 78701\nPhone: 512-555-0100');
    expect(r.client.address).toBeNull();
    expect(r.insurance.phone).toBeNull();
  });

  it('takes a bare "Phone" as the insurance\'s only inside an insurance block', () => {
    const r = one('Insurance Information:\nCarrier: Aetna\nPhone: 800-555-0100\n\nClient Information:\nName: Di Fox\nDOB: 4/4/1994\nAddress: 123 Main St.\nFresno, CA 93701\nPhone: 559-555-0100');
    expect(r.insurance.phone).toBe('+18005550100');
    expect(r.client.address).toEqual({ line1: '123 Main St.', line2: null, city: 'Fresno', state: 'CA', postalCode: '93701' });
    const c = one('Name: Cy Dunn\nPhone: (512) 555-0100\nDOB: 3/3/1993\nInsurance: BCBS\nID: XYZ123');
    expect(c.insurance.phone).toBeNull();
  });

  it('reads tab-separated label/value rows with a multi-line address cell', () => {
    const r = one('Name\tJo King\nDate of Birth\t08/08/1988\nHome Address\t12 Oak St\nApt 3\nReno, NV 89501\nInsurance\tAetna');
    expect(r.client.address).toEqual({ line1: '12 Oak St', line2: 'Apt 3', city: 'Reno', state: 'NV', postalCode: '89501' });
  });

  it('reads values stated in prose', () => {
    const r = one('Hello, please verify insurance for Frank Hall, DOB 06/06/1996, Aetna ID W123456789. Thanks');
    expect(r.client.name).toBe('Frank Hall');
    expect(r.insurance).toEqual({ payerName: 'Aetna', memberId: 'W123456789', groupNumber: null, phone: null });
  });

  it('reads a comma-separated one-liner', () => {
    const r = one('Can you run benefits? Client: Kim Lo, DOB 9/9/1999, Ins: Aetna, ID: W424242, Subscriber: Self, Referred by: Pine House');
    expect(r).toEqual({
      client: { name: 'Kim Lo', dob: '1999-09-09', address: null },
      insurance: { payerName: 'Aetna', memberId: 'W424242', groupNumber: null, phone: null },
      subscriber: { name: 'Kim Lo', relationship: 'self' },
      referredBy: 'Pine House',
    });
  });

  it('reads "Relationship to client: Father" as the subscriber\'s role', () => {
    expect(one('Client Name: Gia Ivy\nDOB: 07/07/1997\nSubscriber: Hal Ivy\nRelationship to client: Father').subscriber.relationship).toBe('child');
    expect(one('Client Name: Gia Ivy\nDOB: 07/07/1997\nSubscriber: Hal Ivy\nRelationship to insured: Daughter').subscriber.relationship).toBe('child');
    expect(one('Client Name: Gia Ivy\nDOB: 07/07/1950\nSubscriber: Hal Ivy (son)').subscriber.relationship).toBe('other');
  });
});

describe('extractBody run-on lines', () => {
  it('splits a name followed by an unlabelled birth date and a known payer', () => {
    const r = one('Client: maria lopez 12/05/1979 aetna id W998877665 grp 445566\nref: desert sun recovery\n');
    expect(r.client.name).toBe('maria lopez');
    expect(r.client.dob).toBe('1979-12-05');
    expect(r.insurance.payerName).toBe('aetna');
    expect(r.insurance.memberId).toBe('W998877665');
    expect(r.insurance.groupNumber).toBe('445566');
  });

  it('reads a whole request written as one comma-separated line', () => {
    const r = one('Hi - quick one: Dana Whitfield, DOB 02/14/1991, 880 Lakeview Dr, Madison, WI 53703, Quartz member id QZ5566778, phone 800-362-3310, spouse Tom Whitfield\n');
    expect(r.client).toEqual({ name: 'Dana Whitfield', dob: '1991-02-14', address: { line1: '880 Lakeview Dr', line2: null, city: 'Madison', state: 'WI', postalCode: '53703' } });
    expect(r.insurance.memberId).toBe('QZ5566778');
    expect(r.insurance.phone).toBe('+18003623310');
  });

  it('leaves prose with commas alone', () => {
    const r = one('Name: Ari Bloom\nDOB: 5/5/1985\nInsurance: Cigna\nHe called twice, left a voicemail, then emailed, faxed, and finally came in.\n');
    expect(r.client.name).toBe('Ari Bloom');
    expect(r.insurance.payerName).toBe('Cigna');
  });

  it('leaves a name alone when what follows the date is not a payer or a label', () => {
    const r = one('Client: Amy Chen\nDOB: 2/2/1990\nReferred by: Dr Omar Haddad 3/4/2025 follow up\n');
    expect(r.client.dob).toBe('1990-02-02');
    expect(r.referredBy).toBe('Dr Omar Haddad 3/4/2025 follow up');
  });
});

describe('extractBody keyword run-ons and wrapped prose', () => {
  it('reads a line of keywords and values with no colons, address parts staying in the address', () => {
    const r = one('need benefits for Rosa Vance dob 7/9/1991 address 55 Birch Ln, Unit 3, Dayton, OH 45402 insurance Anthem member id XQA77120034 group 18800 phone 1-800-555-0177 subscriber self referred by Miami Valley Detox ty');
    expect(r.client).toEqual({ name: 'Rosa Vance', dob: '1991-07-09', address: { line1: '55 Birch Ln', line2: 'Unit 3', city: 'Dayton', state: 'OH', postalCode: '45402' } });
    expect(r.insurance).toEqual({ payerName: 'Anthem', memberId: 'XQA77120034', groupNumber: '18800', phone: '+18005550177' });
    expect(r.subscriber).toEqual({ name: 'Rosa Vance', relationship: 'self' });
    expect(r.referredBy).toBe('Miami Valley Detox');
  });

  it('leaves a sentence that merely uses such words alone', () => {
    const r = extractBody('we have no id or group for her yet and the phone number on file is for her sister so please hold off', ctx);
    expect(r.requests).toEqual([]);
  });

  it('joins a paragraph the mail client wrapped, so values split over two lines are read', () => {
    const r = one(`Could you check benefits for Owen Pratt, DOB 10/12/1987? He's the
policy holder. He has Humana, member ID H55120987. Their provider line is
1-800-555-0166. His home address is 9 Cedar Ct,
Boise, ID 83702.`);
    expect(r.insurance.phone).toBe('+18005550166');
    expect(r.client.address).toEqual({ line1: '9 Cedar Ct', line2: null, city: 'Boise', state: 'ID', postalCode: '83702' });
    expect(r.subscriber).toEqual({ name: 'Owen Pratt', relationship: 'self' });
  });

  it('ends a payer named in prose with its sentence', () => {
    expect(one('Please verify Nia Cole, DOB 1/5/1999. She has Aetna. We will send the card later.').insurance.payerName).toBe('Aetna');
  });

  it('reads a relation written beside the subscriber\'s name, and a name under a "Subscriber (relationship)" label', () => {
    expect(one('Client: Tom Reyes\nDOB: 2/2/1980\nPolicy holder: my husband Luis Reyes').subscriber).toEqual({ name: 'Luis Reyes', relationship: 'spouse' });
    expect(one('Client: Amy Lu\nDOB: 2/2/2005\nSubscriber: Dad Kevin Lu').subscriber).toEqual({ name: 'Kevin Lu', relationship: 'child' });
    expect(one('Client: Amy Lu\nDOB: 2/2/2005\nSubscriber / Relationship: Grace Lu (mother)').subscriber).toEqual({ name: 'Grace Lu', relationship: 'child' });
  });
});

describe('extractBody terse lists with unlabelled lines', () => {
  it('reads a name above the DOB line, a street address and a known payer between labelled lines', () => {
    const r = one('vob please\n\nMarcus Bell\ndob 3/9/1990\n88 Harbor View Rd\nMobile, AL 36602\nHumana\nID H22019384\ngrp 55120\nsub self\n\nthanks\nDee\nGulf Coast Recovery\n12 Bay St\nMobile, AL 36602');
    expect(r.client).toEqual({ name: 'Marcus Bell', dob: '1990-03-09', address: { line1: '88 Harbor View Rd', line2: null, city: 'Mobile', state: 'AL', postalCode: '36602' } });
    expect(r.insurance.payerName).toBe('Humana');
    expect(r.subscriber).toEqual({ name: 'Marcus Bell', relationship: 'self' });
  });

  it('never takes a signature\'s address or name after the request', () => {
    const r = one('Name: Lia Park\nDOB: 4/4/1994\nInsurance: Aetna\n\nThanks,\nRay Cole\n100 Center Rd\nAustin, TX 78701');
    expect(r.client.address).toBeNull();
    expect(r.client.name).toBe('Lia Park');
  });

  it('reads "Member:" as the client when its value is a name, as the ID when it is one', () => {
    expect(one('Member: Rosa M Vidal\nBirthdate: 2/11/1954\nInsurance: Humana').client.name).toBe('Rosa M Vidal');
    expect(one('Client: Rosa Vidal\nMember: H55102938\nInsurance: Humana').insurance.memberId).toBe('H55102938');
  });

  it('ends an address at its ZIP: the sentence below is not part of it', () => {
    const r = one('Client: Jon Ode\nDOB 07/04/1985\nAddress: 930 W Main St, Tempe, AZ 85282\nSubscriber on the card is his wife, Dana Ode.');
    expect(r.client.address).toEqual({ line1: '930 W Main St', line2: null, city: 'Tempe', state: 'AZ', postalCode: '85282' });
  });
});

describe('extractBody prose around labels', () => {
  it('reads prose sentences before a label on the same line, and the label after them', () => {
    const r = one('Passing along what her aunt emailed us. Referral source: Blue Ridge Detox.\nClient: Ava Moss\nDOB: 1/2/1990');
    expect(r.referredBy).toBe('Blue Ridge Detox');
    expect(one('Ins. Phone: 800-555-0100\nClient: Ava Moss\nDOB: 1/2/1990\nInsurance: Aetna').insurance.phone).toBe('+18005550100');
  });

  it('reads the client named after "card for", a phone after "so here is the ... number:", a subscriber "on the card"', () => {
    const r = one('Here is the insurance card for Omar Haddad, DOB 3/3/1991. The back is cut off, so here is the provider number: Provider Line 1-800-555-0190.\nSubscriber on the card is his father, Sami Haddad.');
    expect(r.client.name).toBe('Omar Haddad');
    expect(r.insurance.phone).toBe('+18005550190');
    expect(r.subscriber).toEqual({ name: 'Sami Haddad', relationship: 'child' });
  });

  it('reads "X is the policy holder" by first name, and the statement as a last clause', () => {
    expect(one('VOB for Lena Ortiz, DOB 5/5/1985.\nLena is the policy holder.').subscriber).toEqual({ name: 'Lena Ortiz', relationship: 'self' });
    expect(one('VOB for Lena Ortiz, DOB 5/5/1985.\nShe has coverage through work, so she is the subscriber.').subscriber.relationship).toBe('self');
    expect(one('VOB for Lena Ortiz, DOB 5/5/1985.\nMom is the policy holder.').subscriber.relationship).not.toBe('self');
  });

  it('reads an address written right after the name and DOB, and "lives with ... at"', () => {
    expect(one('Please check Ray Dunn (DOB 2/2/1979), 14 Elm Ct, Salem, OR 97301. He has Aetna.').client.address).toEqual({ line1: '14 Elm Ct', line2: null, city: 'Salem', state: 'OR', postalCode: '97301' });
    expect(one('Benefits for Kim Lee, DOB 1/1/2004. She lives with her dad at 9 Oak Rd, Provo, UT 84601.').client.address?.city).toBe('Provo');
  });

  it('reads a long paragraph whose middle sentence holds a label, sentence by sentence', () => {
    const r = one("Lu Chen is admitting Monday. She was born 2/9/1990 and her address is 5 Pine St, Reno, NV 89501. Coverage is through her wife's job: Aetna, member ID W55102938. Group is 771. Subscriber is Ana Chen (wife). Aetna's provider line is 1-800-555-0133.\n\nReferral came from Sierra House.");
    expect(r.insurance).toEqual({ payerName: 'Aetna', memberId: 'W55102938', groupNumber: '771', phone: '+18005550133' });
    expect(r.subscriber).toEqual({ name: 'Ana Chen', relationship: 'spouse' });
    expect(r.referredBy).toBe('Sierra House');
  });

  it('reads "<Payer> BH <phone>" as the insurance phone when it names the payer', () => {
    expect(one('Jo Hart\ndob 1/2/1980\nInsurance: Aetna\nAetna BH 800-555-0111').insurance.phone).toBe('+18005550111');
    expect(one('Jo Hart\ndob 1/2/1980\nInsurance: Aetna\nCigna BH 800-555-0111').insurance.phone).toBeNull();
  });
});

describe('extractBody exported forms', () => {
  it('reads dotted leaders, "Mailing City", "State/Province", "Zip/Postal Code", "Address Line 2"', () => {
    const r = one('PATIENT\n  Name ........ Noel Ruiz\n  Date of Birth ... 07/22/2009\n  Street 1 ...... 44 N Main St\n  Street 2 ...... Apt 2C\n  City .......... Gary\n  State ......... Indiana\n  Zip ........... 46402');
    expect(r.client).toEqual({ name: 'Noel Ruiz', dob: '2009-07-22', address: { line1: '44 N Main St', line2: 'Apt 2C', city: 'Gary', state: 'IN', postalCode: '46402' } });
    const s = one('First Name: Noel\nLast Name: Ruiz\nDOB: 7/22/2009\nMailing Street: 5 Elm Dr\nMailing City: Macon\nMailing State/Province: Georgia\nMailing Zip/Postal Code: 31201');
    expect(s.client.address).toEqual({ line1: '5 Elm Dr', line2: null, city: 'Macon', state: 'GA', postalCode: '31201' });
    const t = one('Street Address\n5 Elm Dr\n\nAddress Line 2\nUnit 3\n\nCity\nMacon\n\nState\nGA\n\nZIP\n31201\n\nFirst Name\nNoel\n\nLast Name\nRuiz\n\nDOB\n7/22/2009');
    expect(t.client.address?.line2).toBe('Unit 3');
  });

  it('takes an empty form field as empty, not the next field\'s label', () => {
    const r = one('Patient Name\nNoel Ruiz\n\nDate of Birth\n07/22/2009\n\nReferral Source\n\nUpload Card\n—\n');
    expect(r.referredBy).toBeNull();
  });

  it('reads "Sent over by" as the referral and a correction inside "Notes:"', () => {
    const r = one('Client: Noel Ruiz\nDOB: 7/22/2009\nMember ID: ABC1234567\nSent over by: Lakeside Hospital\n\nNotes: correction: member ID should be ABC1234576 (typo in the CRM).');
    expect(r.referredBy).toBe('Lakeside Hospital');
    expect(r.insurance.memberId).toBe('ABC1234576');
  });
});

describe('extractBody from parents, call notes and replies to us', () => {
  it('reads a parent writing about their child', () => {
    const r = one("My daughter's name: Ella Ruiz\nHer birthday: 4/2/2001\nShe lives at: 5 Elm St, Waco, TX 76701\nInsurance: Aetna\nThe policy holder is me, Rosa Ruiz (her mother)");
    expect(r.client).toEqual({ name: 'Ella Ruiz', dob: '2001-04-02', address: { line1: '5 Elm St', line2: null, city: 'Waco', state: 'TX', postalCode: '76701' } });
    expect(r.subscriber).toEqual({ name: 'Rosa Ruiz', relationship: 'child' });
  });

  it('reads "mem# = ..." as the member ID and a subscriber "(name TBD)" as no name', () => {
    const r = one('pt name = Jo Park\ndob = 1990-01-02\nmem# = abc-0042-7718\nPolicy holder: client\'s father (name TBD)');
    expect(r.insurance.memberId).toBe('ABC-0042-7718');
    expect(r.subscriber).toEqual({ name: null, relationship: 'child' });
  });

  it('does not take a sentence after a colon-less label word for a name', () => {
    const r = one('New client arriving tonight, please check\n\nName - Bo Diaz\nDOB - 5/16/1984\nIns - Aetna\nID - W12884571');
    expect(r.client.name).toBe('Bo Diaz');
  });

  it('never reads the field list of our own reply, quoted under a thank-you, as values', () => {
    const text = 'thanks!\n\nOn Thu, Mar 13, 2025 VOB Verification <verification@vob.test> wrote:\n> To complete it we still need:\n>\n> - Subscriber Name\n> - Copy of the Insurance Card (if available)\n';
    expect(extractBody(text, { ...ctx, subject: 'Re: VOB request', isReply: true }).requests).toEqual([]);
  });
});

describe('extractBody families, threads and corrections', () => {
  it('shares values stated once for numbered clients, each with a note on who holds the policy', () => {
    const r = extractBody('Two family members, same plan for both:\nInsurance: Aetna\nSubscriber: Dana Kim\nThey both live at 12 Oak St, Reno, NV 89501\nBoth referred by: Sage House\n\n#1 Dana Kim (the subscriber herself)\nDOB: 2/2/1970\nMember ID: W100-01\n\n#2 Lee Kim (Dana\'s son)\nDOB: 3/3/2004\nMember ID: W100-02', ctx).requests;
    expect(r.map((x) => [x.client.name, x.client.dob, x.client.address?.city, x.insurance.payerName, x.subscriber.name, x.subscriber.relationship, x.referredBy])).toEqual([
      ['Dana Kim', '1970-02-02', 'Reno', 'Aetna', 'Dana Kim', 'self', 'Sage House'],
      ['Lee Kim', '2004-03-03', 'Reno', 'Aetna', 'Dana Kim', 'child', 'Sage House'],
    ]);
  });

  it('reads every sentence after "First client: <name>, DOB ..."', () => {
    const r = extractBody('First client: Al Roy, DOB 1/1/1970. Al is the policy holder. Member ID PRM4002.\n\nSecond client: Bea Roy, DOB 2/2/1972. Member ID PRM4003.', ctx).requests;
    expect(r.map((x) => [x.client.name, x.insurance.memberId, x.subscriber.relationship])).toEqual([['Al Roy', 'PRM4002', 'self'], ['Bea Roy', 'PRM4003', null]]);
  });

  it('applies a correction for one client of several and keeps the others, in their order', () => {
    const text = 'Correction for client 2 (Bo Lin): his member ID is 948220175, not 948220157.\n\nOn Thu, Mar 13, 2025 Ann <a@c.test> wrote:\n> Client 1:\n> Name: Cy Ames\n> DOB: 05/11/1998\n> Member ID: W550193822\n>\n> Client 2:\n> Name: Bo Lin\n> DOB: 01/30/2004\n> Member ID: 948220157\n';
    const r = extractBody(text, { ...ctx, isReply: true }).requests;
    expect(r.map((x) => [x.client.name, x.insurance.memberId])).toEqual([['Cy Ames', 'W550193822'], ['Bo Lin', '948220175']]);
  });

  it('reads "<label> - it should be <value>" and a label with a long note in parentheses', () => {
    expect(one('Client: Kai Moe\nDOB: 1/1/1990\nMember ID: JQX557210846\n\nCorrection on the member ID - it should be JQX557201846 (two digits swapped).').insurance.memberId).toBe('JQX557201846');
    expect(one('Client: Kai Moe\nDOB: 1/1/1990\nThe insurance phone number (provider line on the back of his card) is 877-555-0133.').insurance.phone).toBe('+18775550133');
    expect(one('Client: Kai Moe\nDOB: 1/1/1990\nPlease use the behavioral health number for verification: 800-555-0194.').insurance.phone).toBe('+18005550194');
  });

  it('reads "Boise, ID 83706" as Idaho, not a member ID', () => {
    const r = one('Client: Kai Moe\nAddress: 6 Larkspur Ct, Boise, ID 83706\nMember ID: RBI0073391202');
    expect(r.client.address).toEqual({ line1: '6 Larkspur Ct', line2: null, city: 'Boise', state: 'ID', postalCode: '83706' });
    expect(r.insurance.memberId).toBe('RBI0073391202');
  });
});

describe('extractBody phone labels with notes', () => {
  it.each([
    ['Ins phone (BH): 800-555-0119'],
    ['Insurance Phone (Mental Health/Substance Abuse): (800) 555-0119'],
    ['MH/SA line on the back of the card: 800-555-0119'],
  ])('reads %s as the insurance phone', (line) => {
    expect(one(`Client: Kai Moe\nDOB: 1/1/1990\nInsurance: Aetna\n${line}`).insurance.phone).toBe('+18005550119');
  });
  it('still ignores a substance field', () => {
    expect(one('Client: Kai Moe\nDOB: 1/1/1990\nSubstance: alcohol\nInsurance: Aetna').insurance.phone).toBeNull();
  });
});

describe('extractBody family members and terse notes', () => {
  it('reads a parent or spouse who is the policy holder, speaking for themselves', () => {
    expect(one('Name: Cody Carr\nDOB: 1/25/2002\nInsurance: Aetna\nI am the policy holder (Lynn Carr, his mother).').subscriber).toEqual({ name: 'Lynn Carr', relationship: 'child' });
    expect(one('Name: Dan Price\nDOB: 2/14/1982\nInsurance: Aetna\nI\'m the subscriber (Kim Price), I\'m his wife.').subscriber).toEqual({ name: 'Kim Price', relationship: 'spouse' });
  });

  it('reads "pt <name> dob <date>", "<Payer> id <ID>", "his member # is <ID>", "through my job - <Payer>"', () => {
    const r = one('pt Cleo Benn dob 5/30/97\nBCBS TX id XOD553901227\nsub self');
    expect([r.client.name, r.client.dob, r.insurance.payerName, r.insurance.memberId]).toEqual(['Cleo Benn', '1997-05-30', 'BCBS TX', 'XOD553901227']);
    const s = one('Dan Price\nborn 2/14/1982\n11 Elm Rd, Boulder, CO 80304\n\nInsurance is through my job - Kaiser Permanente\nhis member # is 11827734');
    expect([s.client.address?.city, s.insurance.payerName, s.insurance.memberId]).toEqual(['Boulder', 'Kaiser Permanente', '11827734']);
  });

  it('takes "<Payer> provider line" for a payer the dictionary knows, never a center named "... Behavioral Health"', () => {
    const r = one('Client\tAsh Burke\nDOB\t08/02/1996\nInsurance\tCigna\nCigna provider line\t800-555-0126\nReferring Facility\tPine Ridge Behavioral Health');
    expect(r.insurance.phone).toBe('+18005550126');
    expect(r.referredBy).toBe('Pine Ridge Behavioral Health');
  });

  it('reads "Referred By (Treatment Center) - X" and "Referred by ...... X" without the note or leaders', () => {
    expect(one('Name: Al Ray\nDOB: 1/1/1990\nReferred By (Treatment Center) - New Dawn Center').referredBy).toBe('New Dawn Center');
    expect(one('Name ...... Al Ray\nDOB ....... 1/1/1990\nReferred by ...... Riverstone Services').referredBy).toBe('Riverstone Services');
  });

  it('does not take a question in the subject for a request', () => {
    expect(extractBody('Do you run VOBs for Medicaid plans?', { ...ctx, subject: 'Question about your VOB process' }).mentionsVerification).toBe(false);
  });
});

describe('extractBody corrections and clauses in prose', () => {
  it('reads "the <field> ... is wrong, it\'s <value>" and "a typo in the <field> - the correct one is <value>"', () => {
    const base = 'Name: Al Ray\nDOB: 10/31/1996\nMember ID: ZGD902114537\n\n';
    expect(one(`${base}FYI the DOB above is wrong, it's 10/13/1996 (not 10/31).`).client.dob).toBe('1996-10-13');
    expect(one(`${base}I had a typo in the member ID - the correct one is ZGD902114573. Also the group number is 66120.`).insurance).toMatchObject({ memberId: 'ZGD902114573', groupNumber: '66120' });
  });
  it('splits "DOB is <date> and his address is <address>"', () => {
    const r = one('Name: Al Ray\nDOB is 01/15/1975 and his address is 44 N Lamar Blvd, Austin, TX 78756.');
    expect([r.client.dob, r.client.address?.city]).toEqual(['1975-01-15', 'Austin']);
  });
  it('reads "Mbr ID#", "ref <Center>" and "on her mom\'s plan through work: <Payer>"', () => {
    expect(one('Pt name: Al Ray\nMbr ID#: xyl 8834 1102').insurance.memberId).toBe('XYL88341102');
    expect(one('pt Al Ray\ndob 2/14/1982\nid 3029918450\nsub self\nref New Dawn Detox').referredBy).toBe('New Dawn Detox');
    expect(one("Benefits for Al Ray, DOB 1/1/2001. He's on his dad's plan through work: Cigna, member ID U48820193.").insurance.payerName).toBe('Cigna');
  });
});

describe('extractBody MRN', () => {
  it("is Kaiser's member ID when no other is given", () => {
    expect(one('Name: Lee Park\nDOB: 1/1/1980\nInsurance: Kaiser Permanente NorCal\nMRN: 000112233\n').insurance.memberId).toBe('000112233');
  });
  it("is the facility's chart number for any other payer, and never overrides a member ID", () => {
    expect(one('Name: Lee Park\nDOB: 1/1/1980\nInsurance: Aetna\nMRN: 000112233\n').insurance.memberId).toBeNull();
    expect(one('Name: Lee Park\nDOB: 1/1/1980\nInsurance: Kaiser\nMember ID: 55566677\nMRN: 000112233\n').insurance.memberId).toBe('55566677');
  });
});

describe('extractBody prose and answers', () => {
  it('reads a name after "benefits for", a birth sentence and "referred to us by"', () => {
    const r = one('Hello! Can you check benefits for Priya Raman? She was born on June 9, 1990. She has Aetna, member ID W55667788. She was referred to us by Lantern House.\n');
    expect(r.client.name).toBe('Priya Raman');
    expect(r.client.dob).toBe('1990-06-09');
    expect(r.insurance.memberId).toBe('W55667788');
    expect(r.referredBy).toBe('Lantern House');
  });

  it('reads a label wrapped in an answer\'s words, the address ending at its ZIP', () => {
    const r = extractBody("Here is the member ID you asked for: QQ1234567. And the address that was missing: 77 Lark Ln, Apt 2, Ogden, UT 84401. Thanks!\n", ctx).requests[0];
    expect(r?.insurance.memberId).toBe('QQ1234567');
    expect(r?.client.address).toEqual({ line1: '77 Lark Ln', line2: 'Apt 2', city: 'Ogden', state: 'UT', postalCode: '84401' });
  });

  it('does not take "Client is in detox" for a name', () => {
    const r = one('Client is in detox and could not give us much.\n\nClient Name: Curt Lamb\nDOB: 03/01/1976\nInsurance: Ohio Medicaid\n');
    expect(r.client.name).toBe('Curt Lamb');
  });

  it('never takes aligned label/value lines for a table header because a note follows the value', () => {
    const r = one('Client Name        Hana Ko\nDOB                14 February 1972\nCarrier            Independent Health\nCarrier Phone      716-555-0123  (provider line)\nPolicy Holder      Greg Ko\nRel. to Client     Husband\nReferral Source    Horizon Health Services\n');
    expect(r.insurance.phone).toBe('+17165550123');
    expect(r.subscriber).toEqual({ name: 'Greg Ko', relationship: 'spouse' });
    expect(r.referredBy).toBe('Horizon Health Services');
  });
});

describe('extractBody label wordings', () => {
  it('reads "Sent by", "Plan", "Medicaid #", a behavioral-health line and a two-letter typo in "Referred"', () => {
    const r = one('Client: Ola Berg\nDOB: 1/9/1970\nPlan: CareSource\nMedicaid #: 771100223\nBehavioral Health: 866-555-0101\nSubscriber: self\nSent by: Prairie Light Recovery\n');
    expect(r.insurance).toEqual({ payerName: 'CareSource', memberId: '771100223', groupNumber: null, phone: '+18665550101' });
    expect(r.referredBy).toBe('Prairie Light Recovery');
    expect(one('Name: Ola Berg\nDOB: 1/9/1970\nRefered by: Lake Shore House\n').referredBy).toBe('Lake Shore House');
  });

  it('reads a terse line: name after a dash, "dob", and "<Payer> id <ID>"', () => {
    const r = one('new admit - Tomas Reyes dob 2/2/92, Ambetter id AMB4455667.\n');
    expect(r.client).toMatchObject({ name: 'Tomas Reyes', dob: '1992-02-02' });
    expect(r.insurance).toMatchObject({ payerName: 'Ambetter', memberId: 'AMB4455667' });
  });
});

describe('extractBody "same as above"', () => {
  it("gives a second client the first one's address, never a lone client an address", () => {
    const two = extractBody('Client 1: Bo Lind\nDOB: 1/1/1970\nAddress: 5 Elm Rd, Salem, OR 97301\nInsurance: Aetna\n\nClient 2: Ada Lind\nDOB: 2/2/1972\nAddress: Same address as client 1\nInsurance: Aetna\n', ctx).requests;
    expect(two.map((r) => r.client.address?.line1 ?? null)).toEqual(['5 Elm Rd', '5 Elm Rd']);
    expect(one('Name: Bo Lind\nDOB: 1/1/1970\nAddress: same as above\nInsurance: Aetna\n').client.address).toBeNull();
  });
});

describe('extractBody colon-less forms', () => {
  it('reads a form typed without colons, label and value one space apart', () => {
    const r = one('client name ana lopez\nbirth date 2/3/1980\ncarrier blue shield of california\nmember id xyz445566778\nsubscriber carlos lopez\nrelationship spouse\n');
    expect(r.client.name).toBe('ana lopez');
    expect(r.client.dob).toBe('1980-02-03');
    expect(r.insurance.payerName).toBe('blue shield of california');
    expect(r.insurance.memberId).toBe('XYZ445566778');
    expect(r.subscriber).toEqual({ name: 'carlos lopez', relationship: 'spouse' });
  });

  it('does not read prose as labels when only a value or two has a shape', () => {
    const r = one('Name: Ivy Park\nDOB: 3/3/1993\nInsurance: Aetna\nMember ID: W556677\n\nname on the card is spelled differently\ninsurance card attached below\n');
    expect(r.client.name).toBe('Ivy Park');
    expect(r.insurance.payerName).toBe('Aetna');
  });
});

describe('extractBody messages that are not requests', () => {
  it('gives no request for chit-chat, and flags verification wording', () => {
    expect(extractBody('Thanks for lunch!', { ...ctx, subject: 'hi' })).toMatchObject({ requests: [], mentionsVerification: false });
    expect(extractBody('Please run a VOB on the attached card.', { ...ctx, subject: 'new admit' }).mentionsVerification).toBe(true);
    // A question about how verifications work asks for nothing.
    expect(extractBody('Quick question - how long does a VOB usually take? We may send one Friday.', { ...ctx, subject: 'question' }).mentionsVerification).toBe(false);
    expect(extractBody('Can you run a VOB for our new client? Details to follow.', { ...ctx, subject: 'new admit' }).mentionsVerification).toBe(true);
  });
  it('gives no request for an out-of-office reply quoting one', () => {
    const r = extractBody('I am out of the office until Monday.\n\n> Name: Jo King\n> DOB: 1/1/90\n> Insurance: Aetna', { ...ctx, subject: 'Automatic reply: VOB' });
    expect(r.requests).toEqual([]);
  });
  it('handles huge and empty input quickly', () => {
    expect(extractBody('', ctx).requests).toEqual([]);
    const start = Date.now();
    extractBody('Name: x '.repeat(30000) + '\n' + 'a:'.repeat(50000), ctx);
    expect(Date.now() - start).toBeLessThan(3000);
  });
});

describe('extractBody referral told with the verb', () => {
  it.each([
    ['Pine Hollow Detox is referring her for PHP.', 'Pine Hollow Detox'],
    ['We (Blue Mesa Recovery) are referring him, DOB 4/4/1984.', 'Blue Mesa Recovery'],
    ["We're sending this one over from Cedar Gate Treatment.", 'Cedar Gate Treatment'],
    ["We're referring her from Cedar Gate Treatment.", 'Cedar Gate Treatment'],
  ])('%s', (text, referrer) => {
    const body = extractBody(`Client: Nia Brooks\nDOB: 04/04/1984\n${text}`, { ...ctx, subject: 'VOB' });
    expect(body.requests[0]?.referredBy ?? null).toBe(referrer);
  });
});
