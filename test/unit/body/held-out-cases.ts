/**
 * Red-team cases in the styles real intake coordinators write, with what a careful biller would
 * enter per the contract (names and payers as written, ISO dates, E.164 phones, two-letter
 * states, relationship = the client's relationship to the subscriber, placeholders = null).
 * Written from the contract, not from the extractor's rules.
 */
import type { BodyRequest } from '../../../src/domain/body/body-request';
import type { Address, Relationship } from '../../../schemas/vob-record';

export interface HeldOutCase {
  id: string;
  /** Plain body text, as the MIME layer hands it over. */
  text?: string;
  /** An HTML-only body; converted with htmlToText first. */
  html?: string;
  expected: BodyRequest[];
  /** Why the extractor does not read this case yet; the test expects it to fail until it does. */
  knownGap?: string;
}

export function addr(line1: string, line2: string | null, city: string, state: string, postalCode: string): Address {
  return { line1, line2, city, state, postalCode };
}

interface Spec {
  name?: string | null;
  dob?: string | null;
  address?: Address | null;
  payer?: string | null;
  id?: string | null;
  group?: string | null;
  phone?: string | null;
  sub?: string | null;
  rel?: Relationship | null;
  ref?: string | null;
}

export function req(s: Spec): BodyRequest {
  return {
    client: { name: s.name ?? null, dob: s.dob ?? null, address: s.address ?? null },
    insurance: { payerName: s.payer ?? null, memberId: s.id ?? null, groupNumber: s.group ?? null, phone: s.phone ?? null },
    subscriber: { name: s.sub ?? null, relationship: s.rel ?? null },
    referredBy: s.ref ?? null,
  };
}

export const HELD_OUT_CASES: HeldOutCase[] = [
  {
    id: 'terse phone-typed, no commas in the address',
    text: 'pt: john smith 3/4/88 bcbs tx id xof123456789 grp 88120 ph 800-521-2227\naddr 14 elm st austin tx 78701\nsub self\nref: hill country recovery\n\nSent from my iPhone\n',
    expected: [req({ name: 'john smith', dob: '1988-03-04', address: addr('14 elm st', null, 'austin', 'TX', '78701'), payer: 'bcbs tx', id: 'XOF123456789', group: '88120', phone: '+18005212227', sub: 'john smith', rel: 'self', ref: 'hill country recovery' })],
  },
  {
    id: 'all caps with an inline apartment',
    text: 'CLIENT NAME: ROBERT JAMES\nDOB: 07/22/1979\nADDRESS: 2200 W MAIN ST APT 5, OKLAHOMA CITY, OK 73107\nINSURANCE: AETNA\nMEMBER ID: W224466880\nGROUP #: 0884210\nINS PHONE: 1-800-403-3540\nSUBSCRIBER: SELF\nREFERRED BY: RED DIRT RECOVERY\n',
    expected: [req({ name: 'ROBERT JAMES', dob: '1979-07-22', address: addr('2200 W MAIN ST', 'APT 5', 'OKLAHOMA CITY', 'OK', '73107'), payer: 'AETNA', id: 'W224466880', group: '0884210', phone: '+18004033540', sub: 'ROBERT JAMES', rel: 'self', ref: 'RED DIRT RECOVERY' })],
  },
  {
    id: 'labels with typos, dotted DOB, lower-case state name',
    text: 'Memeber Name: Sarah Connor\nD.O.B 3.4.1988\nAdress: 55 Cedar Ln, Unit 2, Boise, idaho 83702\nInsurance Carrier/Plan: Regence BlueShield of Idaho\nMemeber ID: RBI998877665\nGroup No: 10045\nInsurance Phone #: 888-367-2112\nSubscirber: Sarah Connor (self)\nRefering Facility: Treasure Valley Recovery\n',
    expected: [req({ name: 'Sarah Connor', dob: '1988-03-04', address: addr('55 Cedar Ln', 'Unit 2', 'Boise', 'ID', '83702'), payer: 'Regence BlueShield of Idaho', id: 'RBI998877665', group: '10045', phone: '+18883672112', sub: 'Sarah Connor', rel: 'self', ref: 'Treasure Valley Recovery' })],
  },
  {
    id: 'Name (Last, First), PO Box, dotted phone',
    text: "Name (Last, First): O'Neil, Patrick\nDOB: 04/17/88\nAddress: PO Box 412, Bozeman, MT 59771\nIns: Blue Cross Blue Shield of Montana\nID#: YDM123456789\nIns Ph: 800.447.7828\nPolicy Holder: Patrick O'Neil\nRelationship to Insured: Self\nReferral From: Big Sky Recovery\n",
    expected: [req({ name: "O'Neil, Patrick", dob: '1988-04-17', address: addr('PO Box 412', null, 'Bozeman', 'MT', '59771'), payer: 'Blue Cross Blue Shield of Montana', id: 'YDM123456789', phone: '+18004477828', sub: "Patrick O'Neil", rel: 'self', ref: 'Big Sky Recovery' })],
  },
  {
    id: 'ordinal month-name DOB, ZIP+4, Apt. on line one, +1 phone, same as above',
    text: 'Hello,\n\nPlease run benefits for the following client:\n\nClient: Maria Smith-Jones\nDate of Birth: April 17th, 1988\nHome Address: 910 Sunset Blvd Apt. 12B\nLos Angeles, california 90026-1234\nInsurance Company: Anthem Blue Cross\nMember ID: XEA 882 114 556\nGroup: 200145M\nPayer Phone: +1 (800) 407-4627\nSubscriber Name: Same as above\nReferring Facility: Silver Lake Recovery\n\nThank you!\n',
    expected: [req({ name: 'Maria Smith-Jones', dob: '1988-04-17', address: addr('910 Sunset Blvd', 'Apt. 12B', 'Los Angeles', 'CA', '90026-1234'), payer: 'Anthem Blue Cross', id: 'XEA882114556', group: '200145M', phone: '+18004074627', sub: 'Maria Smith-Jones', rel: 'self', ref: 'Silver Lake Recovery' })],
  },
  {
    id: 'dd-Mon-yyyy, split street and City/State/Zip, Insured: father (Name)',
    text: 'Client Name: Tomás Álvarez\nDOB: 17-Apr-1988\nStreet: 45 Birch Ln\nCity/State/Zip: Santa Fe, nm 87501\nInsurance: BCBS of New Mexico\nSubscriber ID: ZBR100200300\nProvider Services: (800) 835-8699\nInsured: father (Miguel Álvarez)\nReferral Source: Sangre Recovery\n',
    expected: [req({ name: 'Tomás Álvarez', dob: '1988-04-17', address: addr('45 Birch Ln', null, 'Santa Fe', 'NM', '87501'), payer: 'BCBS of New Mexico', id: 'ZBR100200300', phone: '+18008358699', sub: 'Miguel Álvarez', rel: 'child', ref: 'Sangre Recovery' })],
  },
  {
    id: 'yyyy/mm/dd, # unit, dotted 1. phone, Relationship to Insured: Dependent',
    text: 'Patient: Derek Wu\nDOB 1988/04/17\nAddress 77 Bay St #3, Seattle, WA 98101\nPrimary Insurance: Premera Blue Cross\nID: PBC 445 566 778\nIns phone 1.800.722.1471\nPolicyholder: Linda Wu\nRelationship to Insured: Dependent\nReferred by: Puget Sound Recovery\n',
    expected: [req({ name: 'Derek Wu', dob: '1988-04-17', address: addr('77 Bay St', '#3', 'Seattle', 'WA', '98101'), payer: 'Premera Blue Cross', id: 'PBC445566778', phone: '+18007221471', sub: 'Linda Wu', rel: 'child', ref: 'Puget Sound Recovery' })],
  },
  {
    id: 'Jr. suffix and "Pt is the subscriber" sentence',
    text: "Pt: Kevin O'Brien Jr.\nDOB: 12/01/1990\nAddress: 8 Harbor Rd, Gloucester, MA 01930\nIns: Harvard Pilgrim\nMember #: HP77665544\nPhone on back of card: 888-333-4742\nPt is the subscriber.\nReferral: North Shore Recovery\n",
    expected: [req({ name: "Kevin O'Brien Jr.", dob: '1990-12-01', address: addr('8 Harbor Rd', null, 'Gloucester', 'MA', '01930'), payer: 'Harvard Pilgrim', id: 'HP77665544', phone: '+18883334742', sub: "Kevin O'Brien Jr.", rel: 'self', ref: 'North Shore Recovery' })],
  },
  {
    id: 'Policyholder/Subscriber: Name – Dad, spaced Cigna suffix',
    text: 'Client Name: Emily Doe\nDOB: 09/09/2004\nAddress: 19 Spruce St, Unit 4, Burlington, VT 05401\nInsurance: Cigna\nID: U44556677 01\nGroup #: 3340021\nCigna phone: 800-244-6224\nPolicyholder/Subscriber: Mike Doe – Dad\nReferred by: Green Mountain Recovery\n',
    expected: [req({ name: 'Emily Doe', dob: '2004-09-09', address: addr('19 Spruce St', 'Unit 4', 'Burlington', 'VT', '05401'), payer: 'Cigna', id: 'U4455667701', group: '3340021', phone: '+18002446224', sub: 'Mike Doe', rel: 'child', ref: 'Green Mountain Recovery' })],
  },
  {
    id: 'client is spouse of subscriber (sentence)',
    text: 'Name: Rosa Diaz\nDOB: 5/6/1977\nAddress: 300 College Ave, Fort Collins, CO 80524\nInsurance: Kaiser Permanente\nMRN: 12345678\nKP phone 1-800-464-4000\nSubscriber: Carlos Diaz\nClient is spouse of subscriber\nReferred by: Front Range Treatment\n',
    expected: [req({ name: 'Rosa Diaz', dob: '1977-05-06', address: addr('300 College Ave', null, 'Fort Collins', 'CO', '80524'), payer: 'Kaiser Permanente', id: '12345678', phone: '+18004644000', sub: 'Carlos Diaz', rel: 'spouse', ref: 'Front Range Treatment' })],
  },
  {
    id: 'Subscriber: Name DOB x (father)',
    text: 'Client: Sam Hill\nDOB: 1/2/1995\nAddress: 9 Pine Rd, Reno, NV 89501\nInsurance: UnitedHealthcare\nMember ID: 987654321\nGroup: 705214\nBH Phone: 866-633-2446\nSubscriber: John Hill DOB 1/1/60 (father)\nReferred By: Sierra Recovery\n',
    expected: [req({ name: 'Sam Hill', dob: '1995-01-02', address: addr('9 Pine Rd', null, 'Reno', 'NV', '89501'), payer: 'UnitedHealthcare', id: '987654321', group: '705214', phone: '+18666332446', sub: 'John Hill', rel: 'child', ref: 'Sierra Recovery' })],
  },
  {
    id: 'day-first numeric DOB (unambiguous)',
    text: 'Client name: Aoife Byrne\nDOB: 23/04/1985\nAddress: 15 Shamrock Rd, Boston, MA 02127\nInsurance: Blue Cross Blue Shield of Massachusetts\nMember ID: XBM554433221\nInsurance phone: 800-262-2583\nSubscriber: self\nReferred by: Southie Recovery\n',
    expected: [req({ name: 'Aoife Byrne', dob: '1985-04-23', address: addr('15 Shamrock Rd', null, 'Boston', 'MA', '02127'), payer: 'Blue Cross Blue Shield of Massachusetts', id: 'XBM554433221', phone: '+18002622583', sub: 'Aoife Byrne', rel: 'self', ref: 'Southie Recovery' })],
  },
  {
    id: 'odd placeholders: homeless, will send, N.A., unk, n/a',
    text: 'Client: Dana Scott\nDOB: 02/14/1992\nAddress: homeless at this time\nInsurance: Ambetter\nMember ID: will send\nGroup: N.A.\nIns Phone: unk\nSubscriber: self\nReferred by: n/a\n',
    // ("Referred by: n/a" says there is none: no other client's referral fills it.)
    expected: [{ ...req({ name: 'Dana Scott', dob: '1992-02-14', payer: 'Ambetter', sub: 'Dana Scott', rel: 'self' }), referralLeftBlank: true }],
  },
  {
    id: 'placeholders: to follow, self pay?, TBD, ??',
    text: 'Client Name: Owen Park\nDOB: 10/10/1999\nAddress: to follow\nInsurance: self pay?\nID: to follow\nIns Phone: ??\nSubscriber: TBD\nRelationship: tbd\nReferred By: Coastal Detox\n',
    expected: [req({ name: 'Owen Park', dob: '1999-10-10', ref: 'Coastal Detox' })],
  },
  {
    id: 'out-of-office auto-reply',
    text: 'Thank you for your email. I am out of the office until Monday, January 20, 2025 with limited access to email.\n\nFor urgent admissions or VOB questions please contact intake@harbor-recovery.test or call our main line at 555-201-3300.\n\nRegards,\nTina\n',
    expected: [],
  },
  {
    id: 'reply that answers only the missing items, quoted request below',
    text: 'DOB is 5/6/77, address 12 Oak Dr, Tulsa, OK 74103. Insurance phone 800-610-2263.\n\nThanks,\nJen\n\nOn Tue, Jan 14, 2025 at 3:02 PM Verification <vob@billing.test> wrote:\n> Hello, thank you for your request. We are missing: Date of birth, Client Address, Insurance Phone Number.\n>\n> On Mon, Jan 13, 2025 at 9:15 AM Jen Lopez <jen@tulsa-recovery.test> wrote:\n>> Client: Mark Lee\n>> Insurance: Aetna\n>> ID: W555666777\n>> Subscriber: self\n>> Referred by: Tulsa Recovery\n',
    expected: [req({ name: 'Mark Lee', dob: '1977-05-06', address: addr('12 Oak Dr', null, 'Tulsa', 'OK', '74103'), payer: 'Aetna', id: 'W555666777', phone: '+18006102263', sub: 'Mark Lee', rel: 'self', ref: 'Tulsa Recovery' })],
  },
  {
    id: 'forwarded three levels deep (Gmail, Gmail, Outlook)',
    text: 'FYI see below, can you run this one?\n\n---------- Forwarded message ---------\nFrom: Amy Cole <amy@lakeside.test>\nDate: Mon, Jan 13, 2025 at 4:10 PM\nSubject: Fwd: FW: VOB\nTo: Dan <dan@lakeside.test>\n\nplease handle\n\n---------- Forwarded message ---------\nFrom: Admissions <admissions@lakeside.test>\nDate: Mon, Jan 13, 2025 at 2:00 PM\nSubject: FW: VOB\nTo: Amy Cole <amy@lakeside.test>\n\n\n\n-----Original Message-----\nFrom: Paul Grant <paul@lakeside.test>\nSent: Monday, January 13, 2025 1:00 PM\nTo: Admissions <admissions@lakeside.test>\nSubject: VOB\n\nClient Name: Hugo Brandt\nDOB: 06/30/1985\nAddress: 410 Lake St, Minneapolis, MN 55408\nInsurance: HealthPartners\nMember ID: HP8870012\nGroup: 22145\nInsurance Phone: 952-883-5000\nSubscriber: self\nReferred By: Lakeside Treatment\n',
    expected: [req({ name: 'Hugo Brandt', dob: '1985-06-30', address: addr('410 Lake St', null, 'Minneapolis', 'MN', '55408'), payer: 'HealthPartners', id: 'HP8870012', group: '22145', phone: '+19528835000', sub: 'Hugo Brandt', rel: 'self', ref: 'Lakeside Treatment' })],
  },
  {
    id: 'secondary insurance below the primary',
    text: 'Client: Nora Quinn\nDOB: 3/15/1959\nAddress: 61 Ridge Rd, Asheville, NC 28801\nPrimary Insurance: Medicare\nMedicare ID: 1EG4-TE5-MK72\nMedicare phone: 1-800-633-4227\nSecondary Insurance: AARP Medicare Supplement\nSecondary ID: 998877661\nSecondary phone: 800-523-5800\nSubscriber: self\nReferred by: Blue Ridge Recovery\n',
    expected: [req({ name: 'Nora Quinn', dob: '1959-03-15', address: addr('61 Ridge Rd', null, 'Asheville', 'NC', '28801'), payer: 'Medicare', id: '1EG4-TE5-MK72', phone: '+18006334227', sub: 'Nora Quinn', rel: 'self', ref: 'Blue Ridge Recovery' })],
  },
  {
    id: "center's own number and fax in the body, outside a signature",
    text: 'Hi team, new admit below. Call us at 555-201-3300 or fax 555-201-3301 with any questions.\n\nClient: Ivy Chen\nDOB: 11/11/1993\nAddress: 5 Linden Pl, Albany, NY 12203\nInsurance: Empire BlueCross BlueShield\nID: EBC77889900\nSubscriber: self\nReferred by: Capital Region Recovery\n',
    expected: [req({ name: 'Ivy Chen', dob: '1993-11-11', address: addr('5 Linden Pl', null, 'Albany', 'NY', '12203'), payer: 'Empire BlueCross BlueShield', id: 'EBC77889900', sub: 'Ivy Chen', rel: 'self', ref: 'Capital Region Recovery' })],
  },
  {
    id: 'two clients in prose paragraphs',
    text: "Good morning,\n\nCan you please verify two clients for us.\n\nThe first is Jake Miller, DOB 2/2/1990, living at 12 King St, Charleston, SC 29401. He has Cigna, ID U11223344, group 22145, Cigna's number is 800-244-6224. He is the subscriber.\n\nThe second is Lily Chen, DOB 8/8/2001, address 5 Lotus Way, Irvine, CA 92618. She has Aetna, member ID W100200300, Aetna phone 800-872-3862. Her mother Mei Chen is the subscriber.\n\nBoth were referred by Lowcountry Recovery.\n\nThanks\n",
    expected: [
      req({ name: 'Jake Miller', dob: '1990-02-02', address: addr('12 King St', null, 'Charleston', 'SC', '29401'), payer: 'Cigna', id: 'U11223344', group: '22145', phone: '+18002446224', sub: 'Jake Miller', rel: 'self', ref: 'Lowcountry Recovery' }),
      req({ name: 'Lily Chen', dob: '2001-08-08', address: addr('5 Lotus Way', null, 'Irvine', 'CA', '92618'), payer: 'Aetna', id: 'W100200300', phone: '+18008723862', sub: 'Mei Chen', rel: 'child', ref: 'Lowcountry Recovery' }),
    ],
  },
  {
    id: 'Treatment Center: label, phone with ext',
    text: 'Client Name: Laura Bennett\nDOB: 01/31/1986\nAddress: 21 Lincoln Ave, Lincoln, NE 68502\nInsurance: Medica\nMember ID: 00112233445\nInsurance Phone: 800 952 3455 ext 2\nSubscriber: Laura Bennett\nRelationship: Self\nTreatment Center: Heartland Recovery\n',
    expected: [req({ name: 'Laura Bennett', dob: '1986-01-31', address: addr('21 Lincoln Ave', null, 'Lincoln', 'NE', '68502'), payer: 'Medica', id: '00112233445', phone: '+18009523455', sub: 'Laura Bennett', rel: 'self', ref: 'Heartland Recovery' })],
  },
  {
    id: 'Facility Name label',
    text: 'Facility Name: Music City Recovery\n\nClient Name: Kyle Benson\nDOB: 05/05/1995\nAddress: 600 Pearl St, Nashville, TN 37203\nInsurance: BlueCross BlueShield of Tennessee\nMember ID: ZGP123456789\nInsurance Phone: 800-565-9140\nSubscriber: Kyle Benson (self)\n',
    expected: [req({ name: 'Kyle Benson', dob: '1995-05-05', address: addr('600 Pearl St', null, 'Nashville', 'TN', '37203'), payer: 'BlueCross BlueShield of Tennessee', id: 'ZGP123456789', phone: '+18005659140', sub: 'Kyle Benson', rel: 'self', ref: 'Music City Recovery' })],
  },
  {
    id: '"Sent from: <center>" as a labelled field',
    text: 'VOB REQUEST\nSent from: Bayview Treatment Center\nClient: Felix Grant\nDOB: 7/4/1982\nAddress: 901 Bayshore Blvd, Tampa, FL 33606\nInsurance: Florida Blue\nID: FLB300400500\nPhone: 800-352-2583\nSubscriber: self\n',
    expected: [req({ name: 'Felix Grant', dob: '1982-07-04', address: addr('901 Bayshore Blvd', null, 'Tampa', 'FL', '33606'), payer: 'Florida Blue', id: 'FLB300400500', phone: '+18003522583', sub: 'Felix Grant', rel: 'self', ref: 'Bayview Treatment Center' })],
  },
  {
    id: 'III suffix, county and USA in the address',
    text: 'Client Name: Henry Ford III\nDOB: 02/28/1970\nAddress: 1200 NE 45th St, Seattle, King County, WA 98105, USA\nInsurance: Regence BlueShield\nMember ID: RBS00981234\nInsurance Phone: 866-240-9580\nSubscriber: Henry Ford III\nReferred by: Emerald City Recovery\n',
    expected: [req({ name: 'Henry Ford III', dob: '1970-02-28', address: addr('1200 NE 45th St', null, 'Seattle', 'WA', '98105'), payer: 'Regence BlueShield', id: 'RBS00981234', phone: '+18662409580', sub: 'Henry Ford III', rel: 'self', ref: 'Emerald City Recovery' })],
  },
  {
    id: 'labelled Address in an unmarked signature followed by a disclaimer',
    text: 'Client Name: Bo Chan\nDOB: 2/2/1992\nInsurance: Aetna\nMember ID: W100200301\nSubscriber: self\n\nThanks,\nTina Ruiz\nIntake Coordinator | Sunrise Recovery\nAddress: 100 Center Rd, Austin, TX 78701\nPhone: 512-555-0100\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are for the sole use of the intended recipient and may contain protected health information (42 CFR Part 2).\n',
    expected: [req({ name: 'Bo Chan', dob: '1992-02-02', payer: 'Aetna', id: 'W100200301', sub: 'Bo Chan', rel: 'self' })],
  },
  {
    id: 'a corrected member ID later in the same message',
    text: 'Client: Walter Green\nDOB: 02/02/1950\nAddress: 9 Elm Ct, Mesa, AZ 85201\nInsurance: Aetna\nMember ID: W556677880\nInsurance Phone: 800-872-3862\nSubscriber: self\nReferred by: Valley Senior Behavioral\n\nCorrection - the correct Member ID is W556677889, sorry!\n',
    expected: [req({ name: 'Walter Green', dob: '1950-02-02', address: addr('9 Elm Ct', null, 'Mesa', 'AZ', '85201'), payer: 'Aetna', id: 'W556677889', phone: '+18008723862', sub: 'Walter Green', rel: 'self', ref: 'Valley Senior Behavioral' })],
  },
  {
    id: 'Insured: Grandmother - Name',
    text: 'Client Name: Zoe Abrams\nDOB: 03/03/2008\nAddress: 44 Maple Dr, Dayton, OH 45402\nInsurance: Medical Mutual\nMember ID: MMO123456789\nIns Phone: 800-700-2583\nInsured: Grandmother - Ruth Abrams\nReferred By: Buckeye Youth Services\n',
    expected: [req({ name: 'Zoe Abrams', dob: '2008-03-03', address: addr('44 Maple Dr', null, 'Dayton', 'OH', '45402'), payer: 'Medical Mutual', id: 'MMO123456789', phone: '+18007002583', sub: 'Ruth Abrams', rel: 'other', ref: 'Buckeye Youth Services' })],
  },
  {
    id: 'Patient relationship to subscriber: Daughter',
    text: 'Patient Name: Gina Marino\nPatient DOB: 06/06/2006\nPatient Address: 350 Fifth Avenue, Apt 12, New York, NY 10118\nInsurance Name: Oscar Health\nInsurance ID: OSC44556677\nInsurance Phone Number: 855-672-2755\nSubscriber Name: Anthony Marino\nPatient relationship to subscriber: Daughter\nReferred By (Treatment Center): Empire State Recovery\n',
    expected: [req({ name: 'Gina Marino', dob: '2006-06-06', address: addr('350 Fifth Avenue', 'Apt 12', 'New York', 'NY', '10118'), payer: 'Oscar Health', id: 'OSC44556677', phone: '+18556722755', sub: 'Anthony Marino', rel: 'child', ref: 'Empire State Recovery' })],
  },
  {
    id: 'Subscriber Relationship: Husband (the subscriber is her husband)',
    text: 'Client Name: Irene Walsh\nDOB: 10/02/1975\nClient Address: 18 Harbor View Rd, Portland, ME 04101\nInsurance Name: Anthem BCBS\nID #: ANB776655443\nInsurance Phone Number: 800-527-0209\nSubscriber Name: Patrick Walsh\nSubscriber Relationship: Husband\nReferred By: Casco Bay Recovery\n',
    expected: [req({ name: 'Irene Walsh', dob: '1975-10-02', address: addr('18 Harbor View Rd', null, 'Portland', 'ME', '04101'), payer: 'Anthem BCBS', id: 'ANB776655443', phone: '+18005270209', sub: 'Patrick Walsh', rel: 'spouse', ref: 'Casco Bay Recovery' })],
  },
  {
    id: 'Holder: Mom (Name), dot leaders',
    text: 'Client Name.........: Quinn Harper\nDOB.................: 12/12/2005\nAddress.............: 5 Birch Ct, Cary, NC 27511\nInsurance...........: BCBS of North Carolina\nMember ID...........: YPW88120033\nIns Phone...........: 800-214-4844\nHolder..............: Mom (Karen Harper)\nReferred By.........: Triangle Recovery Partners\n',
    expected: [req({ name: 'Quinn Harper', dob: '2005-12-12', address: addr('5 Birch Ct', null, 'Cary', 'NC', '27511'), payer: 'BCBS of North Carolina', id: 'YPW88120033', phone: '+18002144844', sub: 'Karen Harper', rel: 'child', ref: 'Triangle Recovery Partners' })],
  },
  {
    id: 'Gmail bold markers around labels',
    text: '*Client Name:* Omar Haddad\n*DOB:* 01/15/1991\n*Address:* 2300 Mission St, San Francisco, CA 94110\n*Insurance:* Blue Shield of California\n*Member ID:* XEB900800700\n*Insurance Phone:* 888-626-6814\n*Subscriber:* self\n*Referred By:* Mission Recovery Collective\n',
    expected: [req({ name: 'Omar Haddad', dob: '1991-01-15', address: addr('2300 Mission St', null, 'San Francisco', 'CA', '94110'), payer: 'Blue Shield of California', id: 'XEB900800700', phone: '+18886266814', sub: 'Omar Haddad', rel: 'self', ref: 'Mission Recovery Collective' })],
  },
  {
    id: 'accented hyphenated names, dash separators',
    text: 'Client Name - José Núñez-García\nDOB - 09/30/1987\nAddress - 1500 S Alvarado St, Los Angeles, CA 90006\nInsurance - L.A. Care\nMember ID - 91234567A\nInsurance Phone - 888-452-2273\nSubscriber - self\nReferred By - Nuestra Casa Recovery\n',
    expected: [req({ name: 'José Núñez-García', dob: '1987-09-30', address: addr('1500 S Alvarado St', null, 'Los Angeles', 'CA', '90006'), payer: 'L.A. Care', id: '91234567A', phone: '+18884522273', sub: 'José Núñez-García', rel: 'self', ref: 'Nuestra Casa Recovery' })],
  },
  {
    id: 'subscriber DOB and subscriber address must not be the client\'s',
    text: 'Client Name: Chen Wei\nClient DOB: 04/04/2003\nClient Address: 77 Hill St, Pittsburgh, PA 15213\nInsurance: Highmark BCBS\nMember ID: HMK300200100\nInsurance Phone: 800-258-9808\nSubscriber Name: Li Wei\nSubscriber DOB: 01/01/1970\nSubscriber Address: 12 Vine St, Erie, PA 16501\nRelationship to Client: Father\nReferred By: Steel City Recovery\n',
    expected: [req({ name: 'Chen Wei', dob: '2003-04-04', address: addr('77 Hill St', null, 'Pittsburgh', 'PA', '15213'), payer: 'Highmark BCBS', id: 'HMK300200100', phone: '+18002589808', sub: 'Li Wei', rel: 'child', ref: 'Steel City Recovery' })],
  },
  {
    id: 'ID / Policy # combined label, Ins Co., ZIP+4 with Unit',
    text: 'Client: Alicia Gomez\nDOB: 11/23/1996\nAddress: 2201 Oak Hollow Dr Unit 3B\nHouston, Texas 77077-4411\nIns Co.: Blue Cross Blue Shield of Texas\nMember ID / Policy #: ZGD123456789\nGroup #: W0051234\nCustomer Service #: 1 (800) 521-2227\nSubscriber: Alicia Gomez\nRelationship to Subscriber: Self\nReferral Source: Lone Star Recovery\n',
    expected: [req({ name: 'Alicia Gomez', dob: '1996-11-23', address: addr('2201 Oak Hollow Dr', 'Unit 3B', 'Houston', 'TX', '77077-4411'), payer: 'Blue Cross Blue Shield of Texas', id: 'ZGD123456789', group: 'W0051234', phone: '+18005212227', sub: 'Alicia Gomez', rel: 'self', ref: 'Lone Star Recovery' })],
  },
  {
    id: 'Relationship to Patient: Wife',
    text: 'Pt Name: Carl Jensen\nPt DOB: 08/08/1968\nPt Address: 7 Fjord Ln, Duluth, MN 55802\nInsurance: Medica\nMember ID: 44556677\nMember Services: 1-866-336-0460\nPolicy Holder: Anna Jensen\nRelationship to Patient: Wife\nReferred By: North Star Sober Living\n',
    expected: [req({ name: 'Carl Jensen', dob: '1968-08-08', address: addr('7 Fjord Ln', null, 'Duluth', 'MN', '55802'), payer: 'Medica', id: '44556677', phone: '+18663360460', sub: 'Anna Jensen', rel: 'spouse', ref: 'North Star Sober Living' })],
  },
  {
    id: 'Name on one line, city/state/zip fields separate',
    text: 'First Name: Kim\nLast Name: Tran\nDOB: 3/21/1998\nStreet Address: 88 Coast Hwy\nCity: Newport\nState: Oregon\nZip: 97365\nInsurance: Moda Health\nMember ID: MOD44332211\nInsurance Phone: 877-605-3229\nSubscriber: self\nReferred By: Pacific Crest Recovery\n',
    expected: [req({ name: 'Kim Tran', dob: '1998-03-21', address: addr('88 Coast Hwy', null, 'Newport', 'OR', '97365'), payer: 'Moda Health', id: 'MOD44332211', phone: '+18776053229', sub: 'Kim Tran', rel: 'self', ref: 'Pacific Crest Recovery' })],
  },
  {
    id: 'DOB with month abbreviation and no comma',
    text: 'Client: Ruth Abrams\nDOB: Mar 3 1961\nAddress: 10 Chestnut St, Providence, RI 02903\nInsurance: Blue Cross & Blue Shield of Rhode Island\nMember ID: ZRI445566\nInsurance Phone: (401) 459-5000\nSubscriber: self\nReferred By: Ocean State Recovery\n',
    expected: [req({ name: 'Ruth Abrams', dob: '1961-03-03', address: addr('10 Chestnut St', null, 'Providence', 'RI', '02903'), payer: 'Blue Cross & Blue Shield of Rhode Island', id: 'ZRI445566', phone: '+14014595000', sub: 'Ruth Abrams', rel: 'self', ref: 'Ocean State Recovery' })],
  },
  {
    id: 'terse one-liner with commas',
    text: 'new vob: Luis Hernandez, dob 6/15/89, 27 Rue St, New Orleans, LA 70112, Humana id H44001122, ph 800-457-4708, self, ref Crescent City Recovery\n',
    expected: [req({ name: 'Luis Hernandez', dob: '1989-06-15', address: addr('27 Rue St', null, 'New Orleans', 'LA', '70112'), payer: 'Humana', id: 'H44001122', phone: '+18004574708', sub: 'Luis Hernandez', rel: 'self', ref: 'Crescent City Recovery' })],
  },
  {
    id: 'Client Name: Last, First MI with subscriber "Client"',
    text: 'Client Name: Bell, Oscar J\nDOB: 07/07/1984\nAddress: 12 Main St, Fresno, CA 93701\nInsurance: Health Net\nMember ID: R0044556677\nInsurance Phone: 800-675-6110\nPrimary Policy Holder: Client\nReferred By: Central Valley Recovery\n',
    expected: [req({ name: 'Bell, Oscar J', dob: '1984-07-07', address: addr('12 Main St', null, 'Fresno', 'CA', '93701'), payer: 'Health Net', id: 'R0044556677', phone: '+18006756110', sub: 'Bell, Oscar J', rel: 'self', ref: 'Central Valley Recovery' })],
  },
  {
    id: 'lower-case labels with no colons on a phone',
    text: 'name jorge ruiz\ndob 04/09/1993\naddress 16 sage st, las cruces, new mexico 88001\ninsurance presbyterian health plan\nid php100200300\ninsurance phone 888-977-2333\nsubscriber self\nreferred by organ mountain recovery\n',
    expected: [req({ name: 'jorge ruiz', dob: '1993-04-09', address: addr('16 sage st', null, 'las cruces', 'NM', '88001'), payer: 'presbyterian health plan', id: 'PHP100200300', phone: '+18889772333', sub: 'jorge ruiz', rel: 'self', ref: 'organ mountain recovery' })],
  },
  {
    id: 'HTML: Outlook table with nested p/span cells',
    html: `<html><head><style>p.MsoNormal{margin:0}</style></head><body lang=EN-US><div class=WordSection1><p class=MsoNormal>Good afternoon,<o:p></o:p></p><p class=MsoNormal>Please verify the client below.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
<tr><td width=200 valign=top style='width:150pt'><p class=MsoNormal><b><span style='font-size:11.0pt'>Client Name<o:p></o:p></span></b></p></td><td width=300 valign=top><p class=MsoNormal><span style='font-size:11.0pt'>Jordan Price<o:p></o:p></span></p></td></tr>
<tr><td><p class=MsoNormal><b><span>DOB<o:p></o:p></span></b></p></td><td><p class=MsoNormal><span>03/09/1994<o:p></o:p></span></p></td></tr>
<tr><td><p class=MsoNormal><b><span>Address<o:p></o:p></span></b></p></td><td><p class=MsoNormal><span>400 Market St<o:p></o:p></span></p><p class=MsoNormal><span>Apt 7<o:p></o:p></span></p><p class=MsoNormal><span>Philadelphia, PA 19106<o:p></o:p></span></p></td></tr>
<tr><td><p class=MsoNormal><b><span>Insurance<o:p></o:p></span></b></p></td><td><p class=MsoNormal><span>Independence Blue Cross<o:p></o:p></span></p></td></tr>
<tr><td><p class=MsoNormal><b><span>Member ID<o:p></o:p></span></b></p></td><td><p class=MsoNormal><span>QIB445566778<o:p></o:p></span></p></td></tr>
<tr><td><p class=MsoNormal><b><span>Group #<o:p></o:p></span></b></p></td><td><p class=MsoNormal><span>1000456<o:p></o:p></span></p></td></tr>
<tr><td><p class=MsoNormal><b><span>Insurance Phone<o:p></o:p></span></b></p></td><td><p class=MsoNormal><span>1-800-275-2583<o:p></o:p></span></p></td></tr>
<tr><td><p class=MsoNormal><b><span>Subscriber<o:p></o:p></span></b></p></td><td><p class=MsoNormal><span>Self<o:p></o:p></span></p></td></tr>
<tr><td><p class=MsoNormal><b><span>Referred By<o:p></o:p></span></b></p></td><td><p class=MsoNormal><span>Liberty Bell Recovery<o:p></o:p></span></p></td></tr>
</table><p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>Thank you,<o:p></o:p></p><p class=MsoNormal>Dana | Admissions<o:p></o:p></p><p class=MsoNormal>Liberty Bell Recovery | 215-555-0100<o:p></o:p></p></div></body></html>`,
    expected: [req({ name: 'Jordan Price', dob: '1994-03-09', address: addr('400 Market St', 'Apt 7', 'Philadelphia', 'PA', '19106'), payer: 'Independence Blue Cross', id: 'QIB445566778', group: '1000456', phone: '+18002752583', sub: 'Jordan Price', rel: 'self', ref: 'Liberty Bell Recovery' })],
  },
  {
    id: 'HTML: Word-pasted MsoNormal lines with &nbsp; padding',
    html: `<div class=WordSection1><p class=MsoNormal><span style='font-family:"Calibri",sans-serif'>Client Name:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; Bernard Hale<o:p></o:p></span></p>
<p class=MsoNormal><span>DOB:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; 10/20/1966<o:p></o:p></span></p>
<p class=MsoNormal><span>Address:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; 3100 W Broadway, Louisville, KY 40211<o:p></o:p></span></p>
<p class=MsoNormal><span>Insurance:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; Humana<o:p></o:p></span></p>
<p class=MsoNormal><span>ID#:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; H77665544<o:p></o:p></span></p>
<p class=MsoNormal><span>Ins. Phone:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; 800-457-4708<o:p></o:p></span></p>
<p class=MsoNormal><span>Subscriber:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; Self<o:p></o:p></span></p>
<p class=MsoNormal><span>Referred By:&nbsp;&nbsp;&nbsp; Bluegrass Recovery<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p></div>`,
    expected: [req({ name: 'Bernard Hale', dob: '1966-10-20', address: addr('3100 W Broadway', null, 'Louisville', 'KY', '40211'), payer: 'Humana', id: 'H77665544', phone: '+18004574708', sub: 'Bernard Hale', rel: 'self', ref: 'Bluegrass Recovery' })],
  },
  {
    id: 'HTML: label column, empty spacer cells, value column',
    html: `<table cellpadding=2><tr><td><b>Client Name</b></td><td>&nbsp;</td><td>Priya Natarajan</td></tr>
<tr><td><b>Date of Birth</b></td><td>&nbsp;</td><td>06/14/1989</td></tr>
<tr><td><b>Address</b></td><td>&nbsp;</td><td>700 Ocean Dr, Miami Beach, FL 33139</td></tr>
<tr><td></td><td></td><td></td></tr>
<tr><td><b>Insurance</b></td><td>&nbsp;</td><td>Cigna</td></tr>
<tr><td><b>Member ID</b></td><td>&nbsp;</td><td>U9988776655</td></tr>
<tr><td><b>Insurance Phone</b></td><td>&nbsp;</td><td>(800) 244-6224</td></tr>
<tr><td><b>Subscriber</b></td><td>&nbsp;</td><td>Raj Natarajan (husband)</td></tr>
<tr><td><b>Referred By</b></td><td>&nbsp;</td><td>South Beach Recovery</td></tr></table>`,
    expected: [req({ name: 'Priya Natarajan', dob: '1989-06-14', address: addr('700 Ocean Dr', null, 'Miami Beach', 'FL', '33139'), payer: 'Cigna', id: 'U9988776655', phone: '+18002446224', sub: 'Raj Natarajan', rel: 'spouse', ref: 'South Beach Recovery' })],
  },
  {
    id: 'HTML: row-per-client table, columns in unusual order',
    html: `<p>Hi, please verify these two. Both referred by Coastal Carolina Recovery.</p>
<table border=1><tr><th>Member ID</th><th>Insurance</th><th>DOB</th><th>Client Name</th><th>Address</th><th>Subscriber</th><th>Relationship</th><th>Ins Phone</th></tr>
<tr><td>W700800900</td><td>Aetna</td><td>01/05/1990</td><td>Kevin Murphy</td><td>14 Shore Rd, Wilmington, NC 28401</td><td>Kevin Murphy</td><td>Self</td><td>800-872-3862</td></tr>
<tr><td>U771200881</td><td>Cigna</td><td>09/12/2002</td><td>Olivia Martin</td><td>88 Oak Ave, Raleigh, NC 27601</td><td>Greg Martin</td><td>Father</td><td>800-244-6224</td></tr></table>`,
    expected: [
      req({ name: 'Kevin Murphy', dob: '1990-01-05', address: addr('14 Shore Rd', null, 'Wilmington', 'NC', '28401'), payer: 'Aetna', id: 'W700800900', phone: '+18008723862', sub: 'Kevin Murphy', rel: 'self', ref: 'Coastal Carolina Recovery' }),
      req({ name: 'Olivia Martin', dob: '2002-09-12', address: addr('88 Oak Ave', null, 'Raleigh', 'NC', '27601'), payer: 'Cigna', id: 'U771200881', phone: '+18002446224', sub: 'Greg Martin', rel: 'child', ref: 'Coastal Carolina Recovery' }),
    ],
  },
  {
    id: 'HTML: Gmail div/br lines with bold labels',
    html: `<div dir="ltr"><div>Hi there,</div><div><br></div><div><b>Client:</b> Victor Hugo Silva</div><div><b>DOB:</b> 12/25/1979</div><div><b>Address:</b> 2500 Grand Ave<br>Suite 10<br>Des Moines, IA 50312</div><div><b>Insurance:</b> Wellmark Blue Cross Blue Shield</div><div><b>ID:</b> WMK 123 456 789</div><div><b>Phone:</b> 800-524-9242</div><div><b>Subscriber:</b> Maria Silva (wife)</div><div><b>Referred by:</b> Hawkeye Recovery</div><div><br></div><div>Thanks!</div></div>`,
    expected: [req({ name: 'Victor Hugo Silva', dob: '1979-12-25', address: addr('2500 Grand Ave', 'Suite 10', 'Des Moines', 'IA', '50312'), payer: 'Wellmark Blue Cross Blue Shield', id: 'WMK123456789', phone: '+18005249242', sub: 'Maria Silva', rel: 'spouse', ref: 'Hawkeye Recovery' })],
  },
  {
    id: 'two clients as labelled blocks with "Client 1/Client 2" headings',
    text: 'Please verify both:\n\nClient 1\nName: Marcus Allen Reyes\nDOB: 01/02/1999\nAddress: 301 Elm St, Dallas, TX 75201\nInsurance: UnitedHealthcare\nMember ID: 912448870\nInsurance Phone: 866-633-2446\nSubscriber: Ana Reyes (mother)\n\nClient 2\nName: Kim Tran\nDOB: 02/03/1997\nAddress: 19 Spruce St, Dallas, TX 75202\nInsurance: Aetna\nMember ID: W400500600\nInsurance Phone: 800-872-3862\nSubscriber: self\n\nReferred by: Red River Recovery\n',
    expected: [
      req({ name: 'Marcus Allen Reyes', dob: '1999-01-02', address: addr('301 Elm St', null, 'Dallas', 'TX', '75201'), payer: 'UnitedHealthcare', id: '912448870', phone: '+18666332446', sub: 'Ana Reyes', rel: 'child', ref: 'Red River Recovery' }),
      req({ name: 'Kim Tran', dob: '1997-02-03', address: addr('19 Spruce St', null, 'Dallas', 'TX', '75202'), payer: 'Aetna', id: 'W400500600', phone: '+18008723862', sub: 'Kim Tran', rel: 'self', ref: 'Red River Recovery' }),
    ],
  },
  {
    id: 'Outlook reply patching one field above the quoted original',
    text: 'Sorry, wrong ID below. Correct Member ID: MOL7788990012\n\nFrom: Intake <intake@desert-sky.test>\nSent: Monday, January 13, 2025 10:00 AM\nTo: VOB <vob@billing.test>\nSubject: VOB - Ivy\n\nClient Name: Ivy Lopez\nDOB: 1/20/2000\nAddress: 4 Adobe Ct, Tucson, AZ 85701\nInsurance: Molina Healthcare\nMember ID: MOL7788990011\nInsurance Phone: 888-560-5716\nSubscriber: self\nReferred By: Desert Sky Recovery\n',
    expected: [req({ name: 'Ivy Lopez', dob: '2000-01-20', address: addr('4 Adobe Ct', null, 'Tucson', 'AZ', '85701'), payer: 'Molina Healthcare', id: 'MOL7788990012', phone: '+18885605716', sub: 'Ivy Lopez', rel: 'self', ref: 'Desert Sky Recovery' })],
  },
  {
    id: 'Insurance: Payer - ID on one line, phone after a slash',
    text: 'Client: Kevin Murphy\nDOB: 3-14-1983\nAddress: 5 Elm St., Apt 2, Worcester, MA 01609\nInsurance: Tufts Health Plan / ID 100200300\nIns phone / fax: 800-462-0224 / 617-555-0199\nSubscriber: self\nReferral: Merrimack Valley Recovery\n',
    expected: [req({ name: 'Kevin Murphy', dob: '1983-03-14', address: addr('5 Elm St.', 'Apt 2', 'Worcester', 'MA', '01609'), payer: 'Tufts Health Plan', id: '100200300', phone: '+18004620224', sub: 'Kevin Murphy', rel: 'self', ref: 'Merrimack Valley Recovery' })],
  },
  {
    id: 'Subscriber: same (self) with relationship line "Son" and subscriber name',
    text: 'Client Name: Tyler Brooks\nDOB: 8/19/2001\nAddress: 600 Pearl St, Apt 4, Denver, CO 80203\nInsurance: Rocky Mountain Health Plans\nMember ID: RMH-2231-8890\nInsurance Phone: 800-346-4643\nSubscriber Name: Dan Brooks\nRelationship to Subscriber: Son\nReferred By: Mile High Recovery\n',
    expected: [req({ name: 'Tyler Brooks', dob: '2001-08-19', address: addr('600 Pearl St', 'Apt 4', 'Denver', 'CO', '80203'), payer: 'Rocky Mountain Health Plans', id: 'RMH-2231-8890', phone: '+18003464643', sub: 'Dan Brooks', rel: 'child', ref: 'Mile High Recovery' })],
  },
];
