/**
 * A reply goes out only when every field it asks for is surely absent. Wording here is made up
 * for these tests and differs from the blind sets that prompted the rules.
 */
import type { RequiredField, VobRequest } from '../../../schemas/vob-record';
import { extractBody } from '../../../src/domain/body/extract-body';
import { classifyIntent } from '../../../src/domain/body/message-intent';
import { mergeRequests } from '../../../src/domain/merge';
import { normalizeLabel, replyDoubts } from '../../../src/domain/reply-certainty';
import { splitBodySegments } from '../../../src/domain/mime/body-segments';

const REFERENCE = new Date('2026-03-02T10:00:00Z');

function request(missing: VobRequest['missingFields'], over: Partial<VobRequest> = {}): VobRequest {
  return {
    client: { name: 'Ada Vance', dob: '1990-01-02', address: null },
    insurance: { payerName: 'Aetna', memberId: 'W100200300', groupNumber: null, phone: null },
    subscriber: { name: 'Ada Vance', relationship: 'self' },
    referredBy: 'Harbor Light Recovery',
    card: { attached: false, sides: [], fields: null },
    missingFields: missing,
    conflicts: [],
    ...over,
  };
}

const doubts = (text: string, requests: VobRequest[]) => replyDoubts({ segments: splitBodySegments(text), requests, referenceDate: REFERENCE });

describe('replyDoubts', () => {
  it('has none when the missing field is nowhere in the message', () => {
    expect(doubts('Name: Ada Vance\nDOB: 01/02/1990\nInsurance: Aetna\nID: W100200300', [request(['client.address', 'insurance.phone', 'card'])])).toEqual([]);
  });

  it('doubts a label it does not know when the label speaks of the field and has a value', () => {
    expect(doubts('patient.home_addr = 77 Birch Row, Eureka, CA 95501', [request(['client.address'])])).toHaveLength(1);
    expect(doubts('benefitsLineTel=888-555-0170', [request(['insurance.phone'])])[0]).toMatch(/^Insurance Phone Number: not read, but line 1/);
  });

  it('does not doubt a placeholder or a value still to come', () => {
    expect(doubts('Residence: TBD\nPolicy owner: her father (name to follow)', [request(['client.address', 'subscriber.name'])])).toEqual([]);
  });

  it('doubts an unlabelled value of the field shape that nothing consumed', () => {
    expect(doubts('Benefits line is 866-555-0109 per the rep', [request(['insurance.phone'])])).toHaveLength(1);
    expect(doubts('she is staying at 14 Quarry Way in Barstow', [request(['client.address'])])).toHaveLength(1);
    expect(doubts('born 7-4-88, coming in Monday', [request(['client.dob'])])).toHaveLength(1);
  });

  it('does not take the client cell, a fax or a signature phone for the insurance phone', () => {
    expect(doubts('Client cell - 415-555-0188\nFax 415-555-0199', [request(['insurance.phone'])])).toEqual([]);
    expect(doubts('Name: Ada Vance\n\nThanks,\nMo\nNorth Star Detox\n415-555-0100', [request(['insurance.phone'])])).toEqual([]);
  });

  it('doubts a subscriber told in a sentence, but not one still unknown', () => {
    expect(doubts('The plan is through her spouse, Dario K Mendez.', [request(['subscriber.name'])])).toHaveLength(1);
    expect(doubts('The plan is through her spouse; we are still getting his name.', [request(['subscriber.name'])])).toEqual([]);
  });

  it('doubts a missing client name when a person is named in the prose', () => {
    const noName = request(['client.name'], { client: { name: null, dob: '1990-01-02', address: null } });
    expect(doubts('Hi Team, we are sending over Tobias Grant for detox.', [noName])).toHaveLength(1);
    expect(doubts('Hi Team, new detox admit below, DOB 01/02/1990.', [noName])).toEqual([]);
  });

  it('leaves to each client the sightings of a field that client has', () => {
    const text = 'Client 1: Ada Vance\nDOB: 01/02/1990\n\nClient 2: Bo Vance\nDOB: need to confirm';
    const first = request(['card']);
    const second = request(['client.dob', 'card'], { client: { name: 'Bo Vance', dob: null, address: null } });
    expect(doubts(text, [first, second])).toEqual([]);
  });

  it('doubts a message made mostly of labels it does not know', () => {
    const text = 'Kiddo: Ada Vance\nWhen born: 01/02/1990\nCarrier thing: Aetna\nNumber on card: W100200300\nReferrer org: Harbor';
    const found = doubts(text, [request(['client.address'])]);
    expect(found.some((d) => /labelled lines were in a form the reader does not know/.test(d))).toBe(true);
  });

  it('never repeats the values it saw', () => {
    const found = doubts('patient.home_addr = 77 Birch Row, Eureka, CA 95501', [request(['client.address'])]).join(' ');
    expect(found).not.toMatch(/Birch|Eureka|95501/);
  });
});

describe('normalizeLabel', () => {
  it('reads camelCase, snake_case, dotted keys and # alike', () => {
    expect(normalizeLabel('memberID#')).toBe('member id #');
    expect(normalizeLabel('subscriber_first_name')).toBe('subscriber first name');
    expect(normalizeLabel('insurance.payerName')).toBe('insurance payer name');
  });
});

describe('classifyIntent', () => {
  it.each([
    ['Re: VOB', 'Hi, just circling back: where are we with the benefits for Lou Park?', 'status-inquiry'],
    ['VOB - L. Park', 'Please disregard this one, the family chose a different program.', 'cancellation'],
    ['Recall: VOB', 'Dana Ruiz would like to recall the message, "VOB".', 'recall'],
    ['Read: VOB request', 'Your message\n To: Verification\n was read on Monday.', 'read-receipt'],
    ['quick q', 'Do you guys verify Medi-Cal managed care plans?', 'question'],
    ['Update', 'Heads up: we have a new fax number starting next week.', 'notice'],
    ['Re: VOB', 'Thank you so much!', 'thanks'],
    ['VOB request', 'Client: Lou Park, DOB 2/3/1991, Cigna ID U22334455', 'request'],
    ['Admitted!', 'Just closing the loop: Lou admitted Sunday. Nothing else needed on him.\nClient: Lou Park\nDOB: 2/3/1991', 'no-verification-wanted'],
    ['Ticket 5521', 'This request (5521) has been solved. Reply to reopen it.', 'notice'],
    ['Lou Park', 'Lou Park won\'t be going to Cedar Bend after all, the family found a program closer to home.', 'cancellation'],
    ['Lou Park', 'Please don\'t spend any more time on his benefits.', 'cancellation'],
    ['Two more', 'Nothing else needed on Lou, he admitted. Here is another one: Client: Ana Ruiz, DOB 3/4/1990', 'request'],
    // Many-numbers and fourth-fortnight sets: mail about a request, said not to be one.
    ['Claim 4471 denied', 'A billing question, not a new VOB.\nClient: L. Park, acct 10-33\nClaim #: 4471', 'no-verification-wanted'],
    ['Auth approved', 'FYI, for your records only.\nClient: Lou Park\nAuth # 26A-04 approved for 7 days.', 'no-verification-wanted'],
    ['Remittance', 'A payment has been issued for the following invoices:\nINV-2026-10  $1,875.00', 'notice'],
    ['RE: VOB - L. Park', 'The judge asked for written confirmation of his coverage. Could you send a copy of the results to me?', 'question'],
    // Second-language set: a bill's question, and a request signed off "any doubt you can call me".
    ['Question about the bill', 'I receive a bill from you for 1,240 dollars. Is it mistake? We don\'t need new verification.', 'no-verification-wanted'],
    ['Insurance of my wife', 'I write for my wife, Ana Lima.\nBorn: 23/11/1989\nInsurance: Aetna\nAny doubt you can call me: 508 555 0164.', 'request'],
  ])('%s / %s -> %s', (subject, text, intent) => {
    expect(classifyIntent(subject, text)).toBe(intent);
  });
});

describe('mail about a request that is not one', () => {
  const bodyOf = (subject: string, text: string, isReply = false) => extractBody(text, { subject, from: 'a@center.test', fromName: null, referenceDate: REFERENCE.toISOString(), isReply });

  it('a status question naming the client opens no request, even quoting the original', () => {
    const text = 'Any news on this one?\n\nOn Mon, Mar 2, 2026 at 9:00 AM Ana <a@center.test> wrote:\n> VOB for Lou Park\n> DOB: 02/03/1991\n> Insurance: Cigna\n> Member ID: U22334455';
    const body = bodyOf('Re: VOB', text, true);
    expect(body.requests).toEqual([]);
    expect(mergeRequests(body, [], { isReply: true })).toEqual([]);
  });

  it('a standalone correction of one value opens no request', () => {
    expect(bodyOf('DOB fix', 'Correction - the DOB for Lou Park should be 2/4/1991, sorry!').requests).toEqual([]);
  });

  it('a follow-up that brings the missing value is still read', () => {
    const body = bodyOf('Re: VOB', 'Following up on your email.\nInsurance phone: 800-555-0142', true);
    expect(body.requests).toHaveLength(1);
    expect(body.requests[0]?.insurance.phone).toBe('+18005550142');
  });

  it('a card sent again with "did you get it?" is not a new request', () => {
    const body = bodyOf('card', 'Did you receive the card I sent yesterday?');
    const card = { kind: 'front' as const, confidence: 90, fields: { payerName: 'Aetna', memberId: 'W1', groupNumber: null, memberName: null, rxBin: null, rxPcn: null, rxGroup: null, phones: [] } };
    expect(mergeRequests(body, [card as never], { isReply: false })).toEqual([]);
  });
});

describe('values that are not what their field holds', () => {
  it('doubts a request wording taken for a name, a payer starting mid-sentence, a city with digits, one client read as two', () => {
    const name = request(['client.address'], { client: { name: 'eligibility for verification', dob: '1990-01-02', address: null } });
    expect(doubts('a note', [name]).join(' ')).toMatch(/Client Name: the value read holds words of the request/);
    const payer = request(['client.address'], { insurance: { payerName: 'is Cigna and', memberId: 'W1234567', groupNumber: null, phone: null } });
    expect(doubts('a note', [payer]).join(' ')).toMatch(/starts mid-sentence/);
    const city = request(['insurance.phone'], { client: { name: 'Ada Vance', dob: '1990-01-02', address: { line1: '1 Elm St', line2: null, city: 'Ames Iowa 50010', state: null, postalCode: null } } });
    expect(doubts('a note', [city]).join(' ')).toMatch(/no state or ZIP/);
    const nameless = request(['client.name', 'client.dob'], { client: { name: null, dob: null, address: null } });
    expect(doubts('a note', [request(['client.address']), nameless]).join(' ')).toMatch(/one client may have been read as two/);
  });

  it('has none for a plain, well-read request', () => {
    expect(doubts('Client: Ada Vance', [request(['client.address'])])).toEqual([]);
  });
});

describe('a postscript after the signature', () => {
  it('is read as the sender writing again', () => {
    const [r] = extractBody('Client: Ada Vance\nDOB: 01/02/1990\nInsurance: Aetna\n\nThanks,\nLee\nHarbor Light | Admissions\n\nP.S. Member ID is W55512399 - forgot it above.\n', {
      subject: 'VOB',
      from: 'lee@harbor.test',
      fromName: null,
      referenceDate: '2026-03-02T10:00:00Z',
    }).requests;
    expect(r!.insurance.memberId).toBe('W55512399');
  });
});

describe('whose value a line holds, by its form (first run of the templates set; other wording)', () => {
  it('holds no reply for a case or booking number under "No." (it has no phone shape)', () => {
    expect(doubts('Docket No.: FX2026-118203\nInmate No.: 44-901233', [request(['insurance.phone'])])).toEqual([]);
    expect(doubts('Benefits No.: 1-866-555-0142', [request(['insurance.phone'])])).toHaveLength(1);
  });

  it('does not take a web form\'s utm_source for the referral', () => {
    expect(doubts('utm_source=bing\nutm_medium=cpc', [request(['referredBy'])])).toEqual([]);
  });

  it('reads a bare "Phone:" by the numbered part of the form it stands in', () => {
    const text = 'PART A - PATIENT\nName: Ada Vance\nPhone: 414-555-0166\n\nSECTION 3: INSURANCE\nPhone: 800-555-0151\nMember ID: W100200300';
    expect(doubts(text.split('\n\nSECTION')[0]!, [request(['insurance.phone'])])).toEqual([]);
    expect(doubts(text, [request(['insurance.phone'])])).toHaveLength(1);
  });

  it('reads a label that names the plan\'s own line even beside "office"', () => {
    expect(doubts('Trust office / eligibility: (503) 555-0188 ext 4', [request(['insurance.phone'])])).toHaveLength(1);
  });

  it('keeps an initial from ending the phone\'s sentence ("reach R. Okafor, 555-...")', () => {
    expect(doubts('For questions please reach R. Okafor, 312-555-0102.', [request(['insurance.phone'])])).toEqual([]);
  });

  it('doubts a center\'s name beside a label it does not know, not an employer\'s', () => {
    expect(doubts('Courtesy of: Larkspur Crisis Center', [request(['referredBy'])])).toHaveLength(1);
    expect(doubts('Plan sponsor: Meridian Health Services', [request(['referredBy'])])).toEqual([]);
  });
});

describe('a name, phone and role above "Sent from my iPad" are the signature', () => {
  it('cuts the contact paragraph with the mobile line', () => {
    const [seg] = splitBodySegments('Name: Ada Vance\nDOB: 1/2/1990\n\nCorliss Abara\nAdmissions, Juniper Trail\n(505) 555-0131\n\nSent from my iPad');
    expect(seg!.lines.join('\n')).not.toMatch(/Corliss|0131/);
    expect(seg!.signature[0]).toBe('Corliss Abara');
  });

  it('keeps a paragraph of data above the mobile line', () => {
    const [seg] = splitBodySegments('Name: Ada Vance\n\nInsurance phone 800-555-0190\n\nSent from my iPhone');
    expect(seg!.lines.join('\n')).toMatch(/800-555-0190/);
  });
});

describe('templates: updates, status forms and withdrawals are not new requests', () => {
  const body = (text: string, subject = 'VOB') => extractBody(text, { subject, from: 'a@center.test', fromName: null, referenceDate: '2026-12-15T00:00:00Z' });

  it('reads slots marked "no change" as an update to a request already sent', () => {
    const r = body('client: Omar Reyes (no change)\nDOB: no change\ninsurance: unchanged\nmember id: no change\ninsurance phone: 1-800-555-0161 (new)');
    expect(r.requests).toEqual([]);
    expect(r.intent).toBe('correction');
  });

  it('reads a status form that names the client, birth date and plan as a status inquiry', () => {
    const r = body('== VOB STATUS INQUIRY ==\nClient: Omar Reyes\nDOB: 04/04/1991\nInsurance: Cigna\nDate originally submitted: 12/02/2026');
    expect(r.requests).toEqual([]);
    expect(r.intent).toBe('status-inquiry');
  });

  it('reads a withdrawal form as a cancellation', () => {
    const r = body('VOB WITHDRAWAL\nClient: Omar Reyes\nDOB: 04/04/1991\nInsurance / ID: Cigna / U1234 5678\nPlease stop work on this request.');
    expect(r.requests).toEqual([]);
    expect(r.intent).toBe('cancellation');
  });

  it('reads "Who sent them" as the referral, and an X12 relationship code by its key', () => {
    const [r] = body('Client: Omar Reyes\nDOB: 04/04/1991\nCardholder: Lupe Reyes\nRel code: 19\nKey: 18 self | 01 spouse | 19 child | G8 other\nWho sent him: Mesa Verde Crisis Unit').requests;
    expect(r).toMatchObject({ subscriber: { name: 'Lupe Reyes', relationship: 'child' }, referredBy: 'Mesa Verde Crisis Unit' });
  });

  it('reads a choice list with none marked as no relationship, and a marked one by its mark', () => {
    expect(body('Client: Omar Reyes\nDOB: 04/04/1991\nRelationship to insured: Self / Spouse / Child / Other').requests[0]?.subscriber.relationship).toBeNull();
    expect(body('Client: Omar Reyes\nDOB: 04/04/1991\nRelationship to insured: ( ) self (x) child ( ) spouse').requests[0]?.subscriber.relationship).toBe('child');
  });
});

describe('a birth or a plan line told in words (second pass over the told set)', () => {
  it('doubts a missing birth date when a birth is told in words', () => {
    expect(doubts('Please run Jo Lake. Jo just turned forty on May 3rd (she was born in 1986). Aetna W100200300.', [request(['client.dob'], { client: { name: 'Jo Lake', dob: null, address: null } })])[0]).toMatch(/^Date of birth/);
  });

  it('counts a phone as the plan\'s when its sentence says it is the number on the back, whoever else it names', () => {
    expect(doubts("Her dad said to call 1-800-555-0170, which is the number printed on the back.", [request(['insurance.phone'])])[0]).toMatch(/^Insurance Phone Number/);
  });
});

describe('a referral sentence that names no one (hedged set)', () => {
  it('does not doubt a missing referral for a sentence about referrals with no name in it, but does for one with a name', () => {
    const missingReferral = [request(['referredBy'], { referredBy: null })];
    expect(doubts('Three intakes for VOB. Referral info is from our phone screens.\nName: Ada Vance', missingReferral)).toEqual([]);
    expect(doubts('Three intakes for VOB. She was referred over by the Harbor Gate team.\nName: Ada Vance', missingReferral)).toHaveLength(1);
    expect(doubts('Lakeside Crossing asked me to send this for my son. They are the ones referring him.\nName: Ada Vance', missingReferral)).toHaveLength(1);
  });
});


describe('a value the writer says is not known, and addresses that are not the client\'s (recall pass)', () => {
  it('does not doubt a label whose value says the writer does not have it yet', () => {
    expect(doubts('Home: with his cousin for now, I\'ll ask her for the street and number on Monday', [request(['client.address'])])).toEqual([]);
    expect(doubts('Policy holder: ?? her mother or stepfather, she was not sure which', [request(['subscriber.name'], { subscriber: { name: null, relationship: 'child' } })])).toEqual([]);
    expect(doubts('Carrier: she doesn\'t know which company runs the plan, card is at home', [request(['insurance.payerName'], { insurance: { payerName: null, memberId: null, groupNumber: null, phone: null } })])).toEqual([]);
    expect(doubts('Residence: NFA, sleeps at the mission most nights', [request(['client.address'])])).toEqual([]);
  });

  it('still doubts an address with a street number, whatever words stand beside it', () => {
    expect(doubts('Home: 14 Quarry Ln, will confirm the unit number later', [request(['client.address'])])).toHaveLength(1);
  });

  it('does not doubt a member ID the writer could not read, nor numbers the writer says are not insurance numbers', () => {
    expect(doubts('Member #: TQX5?20194 (smudged on the fax)', [request(['insurance.memberId'], { insurance: { payerName: 'Aetna', memberId: null, groupNumber: null, phone: null } })])).toEqual([]);
    expect(doubts('Ours only: chart 5581203, visit 99120455. Please do not use these as member numbers.', [request(['insurance.memberId'], { insurance: { payerName: 'Aetna', memberId: null, groupNumber: null, phone: null } })])).toEqual([]);
  });

  it('reads "Subscriber: self" as the client\'s own name, and a street\'s words as no person', () => {
    const noName = request(['client.name', 'subscriber.name'], { client: { name: null, dob: '1990-01-02', address: null }, subscriber: { name: null, relationship: 'self' } });
    expect(doubts('Client name withheld until consent is signed.\nHome: 52 Larkspur Ter, Unit 3, Dayton, OH 45402\nSubscriber: self (the patient)', [noName])).toEqual([]);
  });

  it('passes over an address the message says is not the client\'s: "no address for him", or an office with phone and fax', () => {
    expect(doubts('He will come to our campus at\n  91 Mill Race Rd\n  Dalton, GA 30720\nHe has no address of his own right now.', [request(['client.address'])])).toEqual([]);
    expect(doubts('Thanks,\nDee Orr, LCSW\n410 Fifth Ave, Dalton, GA 30720\nPhone (706) 555-0140 | Fax (706) 555-0141', [request(['client.address'])])).toEqual([]);
    expect(doubts('Dee Orr, LCSW\n410 Fifth Ave, Dalton, GA 30720\nPhone (706) 555-0140', [request(['client.address'])])).toHaveLength(1);
  });
});

describe('sender contact lines and a plan block under several clients (relayed-mail pass)', () => {
  it('does not doubt a missing plan phone for a phone in a sender\'s "title | org | phone" lines', () => {
    const noPhone = [request(['insurance.phone'])];
    expect(doubts('Name: Ada Vance\n\nJo Pell, LCSW | Case Manager\nRiver Bend Reentry | (419) 555-0125', noPhone)).toEqual([]);
    expect(doubts('Name: Ada Vance\nAetna | 1-800-555-0190', noPhone)).toHaveLength(1);
  });

  it('doubts a reply when one client has no plan value at all and another has one', () => {
    const withPlan = request(['card']);
    const noPlan = request(['insurance.payerName', 'insurance.memberId', 'insurance.phone', 'subscriber.name', 'subscriber.relationship', 'card'], {
      insurance: { payerName: null, memberId: null, groupNumber: null, phone: null },
      subscriber: { name: null, relationship: null },
    });
    expect(doubts('Name: Ada Vance\nName: Bo Vance', [noPlan, withPlan]).join(' ')).toMatch(/one plan block may cover both/);
  });
});

describe('a form submitter\'s phone and a facility\'s address (relayed set)', () => {
  it('does not doubt a missing plan phone for "Your phone number", nor a missing address for a hospital\'s', () => {
    expect(doubts('Your name: June Vance\nYour phone number: (402) 555-0138\nClient full name: Ada Vance', [request(['insurance.phone'])])).toEqual([]);
    expect(doubts('Location: Mercy Bay Medical Center - 3 North, 400 Shore Dr, Erie, PA 16507', [request(['client.address'])])).toEqual([]);
    expect(doubts('Client lives near Mercy Bay Medical Center, 400 Shore Dr, Erie, PA 16507', [request(['client.address'])])).toHaveLength(1);
  });
});

describe('a plan the dictionary does not know (relayed set)', () => {
  it('doubts a missing plan name for a capitalised name right before a member ID, or a line that names a health plan', () => {
    const noPayer = [request(['insurance.payerName'], { insurance: { payerName: null, memberId: 'CCI44209918', groupNumber: null, phone: null } })];
    expect(doubts('Ada Vance\nDOB 5/30/1992\nConnectiQuest, member ID CCI 4420 9918', noPayer)).toHaveLength(1);
    expect(doubts('Ada Vance\nDOB 5/30/1992\nPINECONE Health\nMember ID: pending', noPayer)).toHaveLength(1);
    expect(doubts('Ada Vance\nDOB 5/30/1992\nMember ID CCI 4420 9918', noPayer)).toEqual([]);
  });
});

describe('a label left as the text\'s last line', () => {
  it('doubts a missing field whose label ends the text, its value perhaps read as the signature', () => {
    const noRef = [request(['referredBy'], { referredBy: null })];
    expect(replyDoubts({ segments: [{ kind: 'new', header: [], lines: ['Name: Ada Vance', 'Referred by'], signature: ['Sage Bend Recovery', 'Jo Pell', '(757) 555-0181'], depth: 0 }], requests: noRef, referenceDate: REFERENCE })).toHaveLength(1);
    expect(replyDoubts({ segments: [{ kind: 'new', header: [], lines: ['Name: Ada Vance', 'Referred by:'], signature: [], depth: 0 }], requests: noRef, referenceDate: REFERENCE })).toEqual([]);
  });
});

describe('a question the reader knows, answered in words it could not read (asked-and-answered set)', () => {
  it('doubts a question for a missing field with an answer beside or below it', () => {
    expect(doubts('Q: Could you read me the ID number on his card?: Sure, it is Q as in queen, 7, 7, 0, 4\nQ: Insurance?: Optima', [request(['insurance.memberId'])])[0]).toMatch(/^ID #: not read, but line 1 has a label/);
    expect(doubts('Who holds the policy, and how is she related to them?\nMe, through my job at the port', [request(['subscriber.name'])])).toHaveLength(1);
  });

  it('does not doubt a question left unanswered, answered "will ask", or followed by the next question', () => {
    expect(doubts('Who referred her to us?\nWill ask her at intake\nIs she the policy holder?\nDoes she live at the address above?', [request(['referredBy', 'subscriber.name'])])).toEqual([]);
  });
});

describe('a named center that asked for the request (fortnight set)', () => {
  it('doubts a missing referral when a center named in the text told the writer to send it', () => {
    expect(doubts('Name: Ada Vance\nHe starts at Larch Street Recovery on Monday and they told me to send his insurance here.', [request(['referredBy'])])).toHaveLength(1);
    expect(doubts('Name: Ada Vance\nThe hospital told me to send Dad\'s information to you.', [request(['referredBy'])])).toEqual([]);
  });
});

describe('a holder said by pronoun, and speech (ordinary and dictated sets)', () => {
  const base = { client: { name: 'Mira Greer', dob: '1982-05-06', address: null }, insurance: { payerName: 'Aetna', memberId: 'W1', groupNumber: null, phone: '+18005550100' }, referredBy: 'Fen House', levelOfCare: null };
  const doubts = (text: string, missing: RequiredField[], subscriber = { name: null, relationship: null }): string[] =>
    replyDoubts({ segments: splitBodySegments(text), requests: [{ ...base, subscriber, missingFields: missing, card: { attached: false, sides: [], fields: null }, conflicts: [] } as VobRequest], referenceDate: new Date('2026-11-20T00:00:00Z') });

  it('doubts a missing holder where the text says "she\'s on his plan"', () => {
    expect(doubts('Mira Greer\nDOB 05/06/1982\nSame insurance, she\'s on his plan.', ['subscriber.relationship'], { name: null, relationship: null })).not.toEqual([]);
  });

  it('doubts any reply on mail talked into a phone', () => {
    expect(doubts('talking this into my phone. Mira Greer, member ID 7 double 5 0 3 1', ['insurance.phone'])).not.toEqual([]);
  });
});

describe('empty table cells, sign-offs and "not yet obtained" (fortnight-2 set)', () => {
  const base = { client: { name: 'Mira Greer', dob: '1982-05-06', address: null }, insurance: { payerName: 'Aetna', memberId: 'W1', groupNumber: null, phone: '+18005550100' }, subscriber: { name: 'Mira Greer', relationship: 'self' }, referredBy: null, levelOfCare: null };
  const doubts = (text: string, missing: RequiredField[]): string[] =>
    replyDoubts({ segments: splitBodySegments(text), requests: [{ ...base, missingFields: missing, card: { attached: false, sides: [], fields: null }, conflicts: [] } as VobRequest], referenceDate: new Date('2026-11-20T00:00:00Z') });

  it('does not doubt a referral cell left empty before a sign-off', () => {
    expect(doubts('Client Name\tMira Greer\nDate of Birth\t05/06/1982\nReferral\t\n\nHave a great day!\n\nJo Pell\nAdmissions', ['referredBy'])).toEqual([]);
  });

  it('does not doubt a holder "not yet obtained"', () => {
    expect(doubts('Patient: Mira Greer\nInsured: pt\'s mother (name not yet obtained)', ['subscriber.name'])).toEqual([]);
  });
});

describe('two clients, one address unread (thin set, kept while taking back addresses)', () => {
  it('still doubts the second client\'s address when the first client\'s address line is one the reader took', () => {
    const text = '1) Aaron Whit\n   DOB 01/15/1979\n   5120 N Meridian Ave, Oklahoma City, OK 73112\n\n2) Bree Tafo\n   DOB 06/30/2001\n   1717 SW 59th St, Oklahoma City, OK 73119';
    const mk = (name: string, address: VobRequest['client']['address'], missing: RequiredField[]): VobRequest =>
      ({ client: { name, dob: '1979-01-15', address }, insurance: { payerName: 'Aetna', memberId: 'W1', groupNumber: null, phone: '+18005550100' }, subscriber: { name, relationship: 'self' }, referredBy: 'Fen House', levelOfCare: null, missingFields: missing, card: { attached: false, sides: [], fields: null }, conflicts: [] }) as VobRequest;
    const requests = [mk('Aaron Whit', { line1: '5120 N Meridian Ave', line2: null, city: 'Oklahoma City', state: 'OK', postalCode: '73112' }, ['card']), mk('Bree Tafo', null, ['client.address', 'card'])];
    expect(replyDoubts({ segments: splitBodySegments(text), requests, referenceDate: new Date('2026-11-20T00:00:00Z') })).not.toEqual([]);
  });
});

describe('a chart\'s last-name-first line (third fortnight set)', () => {
  it('doubts a missing client name where a line is a name alone, last name first', () => {
    const request = { client: { name: null, dob: '1988-10-03', address: null }, insurance: { payerName: 'Medicaid', memberId: 'X1', groupNumber: null, phone: '+18005550100' }, subscriber: { name: null, relationship: 'self' }, referredBy: 'Fen House', levelOfCare: null, missingFields: ['client.name', 'subscriber.name'], card: { attached: false, sides: [], fields: null }, conflicts: [] } as unknown as VobRequest;
    expect(replyDoubts({ segments: splitBodySegments('another one\n\nGreer, Anton J\nDOB 10.3.88'), requests: [request], referenceDate: new Date('2026-11-20T00:00:00Z') })).not.toEqual([]);
  });
});

describe('values the reader may have missed in ordinary mail (fourth fortnight and many-numbers sets)', () => {
  it('doubts a missing payer where a line alone is a plan\'s name the dictionary does not know', () => {
    expect(doubts('Kara Lind\nDOB 4/4/1984\nTreasure Valley Health CoOp\nMember ID TVH0038812', [request(['insurance.payerName'])])).not.toEqual([]);
  });

  it('doubts a missing payer where a sentence names the plan by its owner ("his partner\'s Quartz plan")', () => {
    expect(doubts('He is covered on his partner\'s Quartz plan through her job, and his member ID is 88274019302.', [request(['insurance.payerName'])])).not.toEqual([]);
  });

  it('doubts a missing client name written with initials for the first name', () => {
    expect(doubts('Need a VOB on R.J. Pettigrew, DOB 12/30/1958, he would not spell it out.', [request(['client.name'])])).not.toEqual([]);
  });

  it('doubts a field one client has and another lacks, under a label for both', () => {
    const two = [request([]), request(['insurance.payerName'], { client: { name: 'Ben Vance', dob: '1991-01-02', address: null } })];
    expect(doubts('#1 Ada Vance\n#2 Ben Vance\nInsurance (both): Aetna', two)).not.toEqual([]);
    // A label for both of another field is no doubt about this one.
    expect(doubts('#1 Ada Vance\n#2 Ben Vance\nReferral for both: Harbor Light Recovery', two)).toEqual([]);
  });

  it('takes "she is bringing us that address" as an address not sent, so the reply may ask for it', () => {
    expect(doubts('Home address: he will stay with his mother; she is bringing us that address at the hearing.', [request(['client.address'])])).toEqual([]);
  });
});

describe('values read where a relation or a level of care stands (seventh fortnight set)', () => {
  it('doubts a client "name" that is a relation ("Enrollee: Self")', () => {
    expect(doubts('Enrollee: Self\nDOB: 1/2/1980', [request(['client.dob'], { client: { name: 'Self', dob: null, address: null } })])).not.toEqual([]);
  });

  it('takes a level of care beside its label for no referral ("Level of Care: Detox -> Residential")', () => {
    expect(doubts('Referred By: Self - pt called our admissions line\nLevel of Care: Detox -> Residential', [request(['referredBy'])])).toEqual([]);
    // A center beside a label the reader does not know still is.
    expect(doubts('Who sent him: Harbor Light Recovery Center', [request(['referredBy'])])).not.toEqual([]);
  });
});

describe('a value one client lacks, said to be another\'s (sixth fortnight and self-corrections sets)', () => {
  const two = (missing: VobRequest['missingFields']) => [request([]), request(missing, { client: { name: 'Ava Alves', dob: null, address: null } })];
  it('doubts the field the "same ... as" phrase speaks of, and only that one', () => {
    expect(doubts('2) Ava Alves\nSame address as her mom\nDOB: will get it tonight', two(['client.address']))).not.toEqual([]);
    expect(doubts('2) Ava Alves\nSame address as her mom\nDOB: will get it tonight', two(['client.dob']))).toEqual([]);
  });

  it('doubts a missing holder where a sentence says the plan is the client\'s own', () => {
    expect(doubts('He has his own Arkansas Blue Cross through his job at the sawmill.', [request(['subscriber.relationship'])])).not.toEqual([]);
  });
});

describe('a plan named "The ..." (seventh fortnight set, second pass)', () => {
  it('takes "The Health Plan", every word capitalised, for a plan\'s name, not words mid-sentence', () => {
    expect(doubts('Insurance: The Health Plan', [request(['insurance.phone'], { insurance: { payerName: 'The Health Plan', memberId: 'W1', groupNumber: null, phone: null } })])).toEqual([]);
    expect(doubts('Insurance: the same as his mom', [request(['insurance.phone'], { insurance: { payerName: 'the same as his mom', memberId: 'W1', groupNumber: null, phone: null } })])).not.toEqual([]);
  });
});

describe('a form\'s question with its answer below (clients writing for themselves)', () => {
  it('doubts a missing holder where "Who is the primary insurance holder?" has an answer under it', () => {
    expect(doubts('Who is the primary insurance holder?\nMyself\nHow were you referred to us?\nTreatment center / provider', [request(['subscriber.name'])])).not.toEqual([]);
  });
});

describe('wrappers, footers and stories (ninth fortnight, wrapped and themselves sets, second pass)', () => {
  it('does not take a gateway\'s notice or a system footer under a rule for the client\'s values', () => {
    expect(doubts('*** SECURITY NOTICE ***\nThis message was flagged because it may contain PHI. Questions: IT Security, 979-555-0172\n\nName: Ada Vance\nDOB: 01/02/1990', [request(['insurance.phone'])])).toEqual([]);
    expect(doubts('Name: Ada Vance\nDOB: 01/02/1990\n--------------------\nReply to reach Basin Withdrawal Center intake. Facility phone (208) 555-0160.\nIf you received it in error, delete it.', [request(['referredBy'])])).toEqual([]);
  });

  it('takes "Ins phone: not on the card", "houseless" and a self-referral for said, not missed', () => {
    expect(doubts('Ins phone: not on the Medicaid card copy we have\nAddress: houseless - no current address', [request(['insurance.phone', 'client.address'])])).toEqual([]);
    expect(doubts('Hi. I\'m self-referred, I found you online.', [request(['referredBy'])])).toEqual([]);
  });

  it('does not take "Primary Insurance" for a subscriber\'s label, nor a wish for no voicemail for speech written down', () => {
    expect(doubts('Primary Insurance: Moda Health', [request(['subscriber.name'], { insurance: { payerName: 'Moda Health', memberId: 'W1', groupNumber: null, phone: null } })])).toEqual([]);
    expect(doubts('Were you referred by anyone?\nNo, I found you on Google\nAnything else?\nPlease email, I don\'t want a voicemail at the house.', [request(['referredBy'])])).toEqual([]);
  });

  it('doubts a referral where a story names a center the writer dealt with, or someone at a place told them to write', () => {
    expect(doubts('Last week I called Juniper Point Treatment Center and talked to a lady there. She said I should email you.', [request(['referredBy'])])).not.toEqual([]);
    expect(doubts('Jen at Sagebrush Path told me to email you my insurance.', [request(['referredBy'])])).not.toEqual([]);
  });

  it('doubts a missing holder where a sentence says "he is the policy holder" beside a name', () => {
    expect(doubts('My husband\'s name is Rob Vance, he is the policy holder.', [request(['subscriber.name'])])).not.toEqual([]);
  });
});

describe('forms\' other numbers and names (fortnight-10 and military sets, second pass)', () => {
  it('does not take a docket, a DoD ID, a guarantor\'s or a referring contact\'s phone, or a footer\'s number for the plan\'s', () => {
    expect(doubts('Docket No.: 2669CR000874\nSponsor DoD ID: 1298374650', [request(['insurance.memberId'], { insurance: { payerName: 'MassHealth', memberId: null, groupNumber: null, phone: null } })])).toEqual([]);
    expect(doubts('Guarantor Phone\t508-555-0186\nReferring Contact\tLuis Arroyo\nContact Phone\t508-555-0191\nSent by Verity EHR on behalf of Greendale. This message may contain information protected by 42 CFR Part 2 (508-555-0184).', [request(['insurance.phone'])])).toEqual([]);
  });

  it('does not take a guarantor\'s "Self" for whose plan it is, nor the subscriber\'s name read for a client\'s missed', () => {
    expect(doubts('Guarantor\tSelf\nSubscriber Name\tKaren Gendron', [request(['subscriber.relationship'], { subscriber: { name: 'Karen Gendron', relationship: null } })])).toEqual([]);
    expect(doubts('I\'m leaving his name off for now.\npolicy holder is his mom Donna Morin', [request(['client.name'], { client: { name: null, dob: '2000-08-08', address: null }, subscriber: { name: 'Donna Morin', relationship: 'child' } })])).toEqual([]);
  });
});

describe('older adults\' and Southeast mail (older-adults and fortnight-11 sets)', () => {
  const noPhone = { insurance: { payerName: 'Medicare', memberId: '9XG4RA2PN16', groupNumber: null, phone: null } };
  it('doubts a plan\'s line behind a contractor\'s provider contact center, and not a second plan\'s or a former plan\'s values', () => {
    expect(doubts('Zorbix (JF) provider contact center: 1-877-555-0110', [request(['insurance.phone'], noPhone)])).not.toEqual([]);
    expect(doubts('He also has an AARP Medicare Supplement, which pays second: member number 388120457-11, phone 1-800-555-0178. I know that is not the one you need.', [request(['insurance.memberId', 'insurance.phone'], noPhone)])).toEqual([]);
    expect(doubts('Insurance: Humana Gold Plus HMO\n\nPRIOR PLAN (TERMED 12/31/2026) - DO NOT USE\nAetna Medicare Value Plus (PPO)\nProvider line: 1-800-555-0156', [request(['insurance.phone'], noPhone)])).toEqual([]);
  });

  it('doubts "in Mom\'s own name" and "the beneficiary himself" for a missing holder, and not a relation with no name beside it', () => {
    expect(doubts('The plan is in Mom\'s own name, not mine.', [request(['subscriber.name', 'subscriber.relationship'], { subscriber: { name: null, relationship: null } })])).not.toEqual([]);
    expect(doubts('He is the beneficiary himself.', [request(['subscriber.name', 'subscriber.relationship'], { subscriber: { name: null, relationship: null } })])).not.toEqual([]);
    expect(doubts('Subscriber: his mother (Wyatt is on her plan through her employer)\nPolicy holder: pt\'s father - the father has not returned my call', [request(['subscriber.name'], { subscriber: { name: null, relationship: 'child' } })])).toEqual([]);
  });

  it('does not doubt a birthday whose year the writer lacks, "UNABLE TO OBTAIN" behind leader dots, a scanner\'s header, or a duty desk\'s number', () => {
    const noDob = { client: { name: 'Ada Vance', dob: null, address: null } };
    expect(doubts('Her birthday is February 14th (Valentine\'s Day) - I don\'t know the year, sorry', [request(['client.dob'], noDob)])).toEqual([]);
    expect(doubts('Address 1\t: UNABLE TO OBTAIN', [request(['client.address'])])).toEqual([]);
    expect(doubts('Send Function: Scan to E-mail\nDevice: iR-ADV C5535\nPages: 1', [request(['client.dob'], noDob)])).toEqual([]);
    expect(doubts('His unit duty desk number is 760-555-0102 and his platoon sergeant is at 760-555-0103.', [request(['insurance.phone'])])).toEqual([]);
    expect(doubts('ID #:\nNo provider referred him (self/family referral).', [request(['insurance.payerName', 'referredBy'], { insurance: { payerName: null, memberId: null, groupNumber: null, phone: null } })])).toEqual([]);
  });

  it('counts "Subscriber: Self" over "Relationship to Client: Self" as one client\'s relation, and skips an employer\'s desk and a web form\'s "Sent from" line', () => {
    const two = [request([]), request(['subscriber.relationship'], { client: { name: 'Tom Mix', dob: '1990-01-30', address: null }, subscriber: { name: 'Lisa Mix', relationship: null } })];
    expect(doubts('Client Name:\tJas Rag\nSubscriber:\tSelf\nRelationship to Client:\tSelf\n\nClient Name:\tTom Mix\nSubscriber:\tLisa Mix\nRelationship to Client:\t', two)).toEqual([]);
    expect(doubts('EMPLOYER HR BENEFITS DESK:   (630) 555-0158', [request(['insurance.phone'])])).toEqual([]);
    expect(doubts('I found you on Google.\nSent from Table Rock Treatment Center', [request(['referredBy'])])).toEqual([]);
    expect(doubts('Can u run Jay Ortiz 2/9/2001 Aetna W590371826? Mom is the policy holder, I\'ll get her name when she calls back', [request(['subscriber.name', 'subscriber.relationship'], { subscriber: { name: null, relationship: null } })])).not.toEqual([]);
    expect(doubts('insurance is BCBS of AZ thru my wifes job, id XJH 60 2211 894', [request(['subscriber.name', 'subscriber.relationship'], { subscriber: { name: null, relationship: null } })])).not.toEqual([]);
    expect(doubts('Home address: not released, he will give it at intake.\nWork location (not a residence): Bldg 1470, 6149 Welsh Rd, Dahlgren, VA 22448', [request(['client.address'])])).toEqual([]);
    expect(doubts('Ok finally got everything!!\nMom is Maribel Becker\nReferral is us', [request(['subscriber.name'], { subscriber: { name: null, relationship: 'child' } })])).not.toEqual([]);
  });

  it('still counts a request that says "please call me if you need anything", and no longer one that says "y\'all can stop on him"', () => {
    expect(classifyIntent('Insurance info', 'Her name is Ros Abe.\n\nPlease call me if you need anything else: 630-555-0188.')).toBe('request');
    expect(classifyIntent('Re: 2 new guys', 'Marc left Wednesday so yall can stop on him. Cody is still here.')).toBe('cancellation');
  });
});

describe('replyDoubts on justice-system and student mail', () => {
  it('does not doubt an ID beside numbers their own words name (OT#, Docket, Booking #), nor a phone the writer says is not the right one', () => {
    expect(doubts('DOB 11/30/88   OT# 00598221   Docket 2024-A-2206', [request(['insurance.memberId'], { insurance: { payerName: 'Aetna', memberId: null, groupNumber: null, phone: null } })])).toEqual([]);
    expect(doubts('Booking #: 2027-000318\nSID: 18840327', [request(['insurance.memberId'], { insurance: { payerName: 'Aetna', memberId: null, groupNumber: null, phone: null } })])).toEqual([]);
    expect(doubts('The only number I have is on his student plan card (1-800-555-0146), and that isn\'t the right one.', [request(['insurance.phone'])])).toEqual([]);
    expect(doubts('Please verify benefits for a man releasing from our facility on 03/05/2027 who will start treatment with Harbor Reach Recovery.', [request(['referredBy'], { referredBy: null })])).toEqual([]);
  });

  it('doubts a relation missing where the holder\'s value says whose own plan it is, an ID under "Member/MRN #", and a correction\'s request', () => {
    expect(doubts('Policyholder: Ms. Kell (her own Medicaid)', [request(['subscriber.relationship'], { subscriber: { name: 'Ms. Kell', relationship: null } })])).not.toEqual([]);
    expect(doubts('Member/MRN #: 11048829', [request(['insurance.memberId'], { insurance: { payerName: 'Kaiser Permanente', memberId: null, groupNumber: null, phone: null } })])).not.toEqual([]);
    expect(replyDoubts({ segments: splitBodySegments('Correction on Mr. Vale: the ID below has a typo, it is WQ58218K. Still no address for him.'), requests: [request(['client.address'])], referenceDate: REFERENCE, intent: 'correction' })).not.toEqual([]);
    expect(replyDoubts({ segments: splitBodySegments('Correction: his DOB is 3/28/1991, not 3/18. Everything else is right.'), requests: [request(['client.address'])], referenceDate: REFERENCE, intent: 'correction' })).toEqual([]);
  });
});
