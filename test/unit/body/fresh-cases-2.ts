/**
 * A third red-team set, written by another session from the contract alone (it never saw the
 * extractor): 24 messages, plain text and HTML. First score 91.8% of fields (257/280); the rules
 * it prompted are tested on differently worded examples in extract-body.test.ts.
 */
import type { FreshExpected } from './fresh-cases';

const OUTLOOK_HEAD = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" content="Microsoft Word 15 (filtered medium)"><style><!--
/* Font Definitions */
@font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
	{font-family:Calibri;
	panose-1:2 15 5 2 2 2 4 3 2 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0in;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
a:link, span.MsoHyperlink
	{mso-style-priority:99;
	color:#0563C1;
	text-decoration:underline;}
span.EmailStyle17
	{mso-style-type:personal-compose;
	font-family:"Calibri",sans-serif;
	color:windowtext;}
.MsoChpDefault
	{mso-style-type:export-only;
	font-family:"Calibri",sans-serif;}
@page WordSection1
	{size:8.5in 11.0in;
	margin:1.0in 1.0in 1.0in 1.0in;}
div.WordSection1
	{page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]--></head><body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">
`;
const OUTLOOK_TAIL = `
</div>
</body>
</html>
`;

/** Cases the extractor is known to get wrong, and why (kept as it.failing). */
export const FRESH_KNOWN_GAPS_2: Record<string, string> = {
  'plain-prose-minor-mother-subscriber-with-own-dob': "a paragraph where the mother's DOB comes first and the client's address and payer sit in sentences about her",
};

export const FRESH_CASES_2: { id: string; text?: string; html?: string; expected: FreshExpected[] }[] = [
  // 1
  {
    id: 'outlook-html-msonormal-bold-labels-center-signature',
    html: OUTLOOK_HEAD + `<p class="MsoNormal">Good morning,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Please run a VOB for the client below. Card is attached.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal"><b>Client Name:</b> Dominic Ferreira<o:p></o:p></p>
<p class="MsoNormal"><b>Date of Birth:</b> 04/19/1988<o:p></o:p></p>
<p class="MsoNormal"><b>Address:</b> 418 Birchwood Ln, Unit 7, Worcester, MA 01604<o:p></o:p></p>
<p class="MsoNormal"><b>Insurance:</b> Blue Cross Blue Shield of Massachusetts<o:p></o:p></p>
<p class="MsoNormal"><b>Member ID:</b> XKM902218374<o:p></o:p></p>
<p class="MsoNormal"><b>Group #:</b> 004418<o:p></o:p></p>
<p class="MsoNormal"><b>Insurance Phone:</b> 1-800-555-0143<o:p></o:p></p>
<p class="MsoNormal"><b>Subscriber:</b> Self<o:p></o:p></p>
<p class="MsoNormal"><b>Referred By:</b> Harborlight Recovery<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Thank you,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal"><b><span style="color:#1F3864">Janelle Pires</span></b><span style="color:#1F3864"> | Admissions Coordinator<o:p></o:p></span></p>
<p class="MsoNormal"><span style="color:#1F3864">Cape Ann Treatment Center<o:p></o:p></span></p>
<p class="MsoNormal"><span style="color:#1F3864">77 Wharf St, Gloucester, MA 01930<o:p></o:p></span></p>
<p class="MsoNormal"><span style="color:#1F3864">P: (978) 555-0199 | F: (978) 555-0198<o:p></o:p></span></p>
<p class="MsoNormal"><a href="mailto:jpires@capeann.test"><span style="color:#0563C1">jpires@capeann.test</span></a><o:p></o:p></p>` + OUTLOOK_TAIL,
    expected: [{
      name: 'Dominic Ferreira', dob: '1988-04-19',
      address: { line1: '418 Birchwood Ln', line2: 'Unit 7', city: 'Worcester', state: 'MA', postalCode: '01604' },
      payer: 'Blue Cross Blue Shield of Massachusetts', id: 'XKM902218374', group: '004418', phone: '+18005550143',
      sub: 'Dominic Ferreira', rel: 'self', ref: 'Harborlight Recovery',
    }],
  },
  // 2
  {
    id: 'outlook-html-label-value-table-policy-insured-wife',
    html: OUTLOOK_HEAD + `<p class="MsoNormal">Hi VOB team,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Info for our new referral is in the table below.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>Patient Name<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border:solid windowtext 1.0pt;border-left:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">Renata Szabo<o:p></o:p></p></td>
</tr>
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>Date of Birth<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">14 Aug 1982<o:p></o:p></p></td>
</tr>
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>Street Address<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">145 Western Ave<o:p></o:p></p></td>
</tr>
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>Apt/Unit<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">Apt 12C<o:p></o:p></p></td>
</tr>
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>City<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">Albany<o:p></o:p></p></td>
</tr>
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>State<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">New York<o:p></o:p></p></td>
</tr>
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>ZIP<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">12203<o:p></o:p></p></td>
</tr>
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>Insurance<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">Fidelis Care<o:p></o:p></p></td>
</tr>
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>Policy #<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">F44018273<o:p></o:p></p></td>
</tr>
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>Group #<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><o:p>&nbsp;</o:p></p></td>
</tr>
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>Provider Services<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">(888) 555-0162<o:p></o:p></p></td>
</tr>
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>Insured&#8217;s Name<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">Tomas Szabo<o:p></o:p></p></td>
</tr>
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>Relationship to Insured<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">Wife<o:p></o:p></p></td>
</tr>
<tr>
<td width="198" valign="top" style="width:148.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b>Referral Source<o:p></o:p></b></p></td>
<td width="300" valign="top" style="width:225.0pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">Hudson Valley Recovery Partners<o:p></o:p></p></td>
</tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Thanks so much,<o:p></o:p></p>
<p class="MsoNormal">Bridget<o:p></o:p></p>` + OUTLOOK_TAIL,
    expected: [{
      name: 'Renata Szabo', dob: '1982-08-14',
      address: { line1: '145 Western Ave', line2: 'Apt 12C', city: 'Albany', state: 'NY', postalCode: '12203' },
      payer: 'Fidelis Care', id: 'F44018273', group: null, phone: '+18885550162',
      sub: 'Tomas Szabo', rel: 'spouse', ref: 'Hudson Valley Recovery Partners',
    }],
  },
  // 3
  {
    id: 'gmail-html-div-lines-bold-labels-mother-subscriber-sent-by',
    html: `<div dir="ltr"><div>Hi there,</div><div><br></div><div>VOB request below, card to follow.</div><div><br></div><div><b>Name:</b> Caleb Ashworth</div><div><b>Birthdate:</b> September 23rd, 1992</div><div><b>Address:</b> 5120 E Speedway Blvd Apt 210, Tucson, AZ 85712</div><div><b>Carrier:</b> Ambetter from Arizona Complete Health</div><div><b>ID No.:</b> u9281044721</div><div><b>Group:</b> AZ44X</div><div><b>Phone on back of card:</b> 1-866-555-0138</div><div><b>Subscriber:</b> Diane Ashworth (Mother)</div><div><b>Sent by:</b> Saguaro Ridge Recovery</div><div><br></div><div>Thanks!</div><div><br></div><div><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr"><div>Tessa Lund</div><div>Intake Specialist | Saguaro Ridge Recovery</div><div>2200 N Campbell Ave, Tucson, AZ 85719</div><div>(520) 555-0111</div></div></div></div></div>
`,
    expected: [{
      name: 'Caleb Ashworth', dob: '1992-09-23',
      address: { line1: '5120 E Speedway Blvd', line2: 'Apt 210', city: 'Tucson', state: 'AZ', postalCode: '85712' },
      payer: 'Ambetter from Arizona Complete Health', id: 'U9281044721', group: 'AZ44X', phone: '+18665550138',
      sub: 'Diane Ashworth', rel: 'child', ref: 'Saguaro Ridge Recovery',
    }],
  },
  // 4
  {
    id: 'html-table-header-row-three-clients',
    html: `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<div style="font-family:Arial,sans-serif;font-size:10pt">Hello,<br><br>Please verify the three clients below. All three were referred by Lakeshore Family Services.<br><br></div>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:10pt">
<thead>
<tr style="background:#D9E1F2"><th>Client Name</th><th>DOB</th><th>Address</th><th>Insurance</th><th>Member ID</th><th>Group</th><th>Ins. Phone</th><th>Subscriber</th><th>Relationship to Subscriber</th></tr>
</thead>
<tbody>
<tr><td>Miguel Arroyo</td><td>02/14/1979</td><td>1420 W Diversey Pkwy, Chicago, IL 60614</td><td>Aetna Better Health of Illinois</td><td>100482937</td><td></td><td>1-866-555-0177</td><td>Self</td><td>Self</td></tr>
<tr><td>Tasha Greene</td><td>11/30/2001</td><td>88 Orchard St Apt 3, Evanston, IL 60201</td><td>Health Alliance</td><td>HA7720193</td><td>40118</td><td>(800) 555-0121</td><td>Lionel Greene</td><td>Child</td></tr>
<tr><td>Ruth Abernathy</td><td>6/5/1956</td><td>901 Lake St, Oak Park, IL 60301</td><td>Medicare</td><td>5TQ8 WN2 KP61</td><td>N/A</td><td>800.555.0100</td><td>Self</td><td>Self</td></tr>
</tbody>
</table>
<div style="font-family:Arial,sans-serif;font-size:10pt"><br>Thank you,<br>Denise Kaplan<br>Intake, North Shore Behavioral<br>(847) 555-0109</div>
</body></html>
`,
    expected: [
      {
        name: 'Miguel Arroyo', dob: '1979-02-14',
        address: { line1: '1420 W Diversey Pkwy', line2: null, city: 'Chicago', state: 'IL', postalCode: '60614' },
        payer: 'Aetna Better Health of Illinois', id: '100482937', group: null, phone: '+18665550177',
        sub: 'Miguel Arroyo', rel: 'self', ref: 'Lakeshore Family Services',
      },
      {
        name: 'Tasha Greene', dob: '2001-11-30',
        address: { line1: '88 Orchard St', line2: 'Apt 3', city: 'Evanston', state: 'IL', postalCode: '60201' },
        payer: 'Health Alliance', id: 'HA7720193', group: '40118', phone: '+18005550121',
        sub: 'Lionel Greene', rel: 'child', ref: 'Lakeshore Family Services',
      },
      {
        name: 'Ruth Abernathy', dob: '1956-06-05',
        address: { line1: '901 Lake St', line2: null, city: 'Oak Park', state: 'IL', postalCode: '60301' },
        payer: 'Medicare', id: '5TQ8WN2KP61', group: null, phone: '+18005550100',
        sub: 'Ruth Abernathy', rel: 'self', ref: 'Lakeshore Family Services',
      },
    ],
  },
  // 5
  {
    id: 'plain-dash-bullets-dotted-dob-label-plus1-phone',
    text: `Hi,

VOB request:

- Client Name: Farah Haddad
- D.O.B: 03-07-1985
- Address: 17 Cobblestone Ct, Nashua, NH 03062
- Primary Ins: Ambetter from NH Healthy Families
- ID: jx4482019
- Group: none
- Ins phone: +1 877 555 0190
- Subscriber: client
- Referring Facility: Merrimack Valley Treatment

Card attached. Thx
`,
    expected: [{
      name: 'Farah Haddad', dob: '1985-03-07',
      address: { line1: '17 Cobblestone Ct', line2: null, city: 'Nashua', state: 'NH', postalCode: '03062' },
      payer: 'Ambetter from NH Healthy Families', id: 'JX4482019', group: null, phone: '+18775550190',
      sub: 'Farah Haddad', rel: 'self', ref: 'Merrimack Valley Treatment',
    }],
  },
  // 6
  {
    id: 'plain-unicode-bullets-two-digit-year-mother-subscriber',
    text: `Good afternoon,

Requesting benefits verification for a potential admit:

• Client: Owen T. Blackwood
• DOB: 12/9/97
• Address: 2604 Sycamore Dr Apt B, Lexington, KY 40509
• Insurance: Anthem Blue Cross and Blue Shield
• Member ID: KYW882014553
• Group #: KYA01920
• Insurance Phone: 1-800-555-0108
• Subscriber: Janet Blackwood (Mother)
• Referred by: Bluegrass Recovery Lodge

Thank you!
Paige
`,
    expected: [{
      name: 'Owen T. Blackwood', dob: '1997-12-09',
      address: { line1: '2604 Sycamore Dr', line2: 'Apt B', city: 'Lexington', state: 'KY', postalCode: '40509' },
      payer: 'Anthem Blue Cross and Blue Shield', id: 'KYW882014553', group: 'KYA01920', phone: '+18005550108',
      sub: 'Janet Blackwood', rel: 'child', ref: 'Bluegrass Recovery Lodge',
    }],
  },
  // 7
  {
    id: 'plain-numbered-list-spaced-id-dashed-group-daughter',
    text: `Please verify the following:

1. Client Name: Bethany Caldwell
2. Date of Birth: 1/22/1994
3. Address: 4471 Ridgeview Terrace, Unit 5, Boise, Idaho 83704
4. Insurance: Blue Cross of Idaho
5. ID #: BCI 5520 9981 04
6. Group #: 10044-22
7. Insurance Phone #: (888) 555-0115
8. Subscriber Name: Gary Caldwell
9. Relationship to Insured: Daughter
10. Referred By: Treasure Valley Recovery

Let me know if you need anything else.
Corinne
`,
    expected: [{
      name: 'Bethany Caldwell', dob: '1994-01-22',
      address: { line1: '4471 Ridgeview Terrace', line2: 'Unit 5', city: 'Boise', state: 'ID', postalCode: '83704' },
      payer: 'Blue Cross of Idaho', id: 'BCI5520998104', group: '10044-22', phone: '+18885550115',
      sub: 'Gary Caldwell', rel: 'child', ref: 'Treasure Valley Recovery',
    }],
  },
  // 8
  {
    id: 'plain-markdown-bold-labels-medi-cal-no-group',
    text: `Hi billing team,

**Patient Name:** Xavier Dominguez
**DOB:** 1/4/2003
**Address:** 915 Magnolia Ave, Apt 2, Long Beach, CA 90813
**Plan:** Molina Healthcare
**Subscriber ID:** 92018437F
**Ins Phone:** 1-888-555-0150
**Subscriber:** Self
**Referral Source:** Long Beach Harbor Detox

No group # on the card (Medi-Cal).

Thanks,
Ray
`,
    expected: [{
      name: 'Xavier Dominguez', dob: '2003-01-04',
      address: { line1: '915 Magnolia Ave', line2: 'Apt 2', city: 'Long Beach', state: 'CA', postalCode: '90813' },
      payer: 'Molina Healthcare', id: '92018437F', group: null, phone: '+18885550150',
      sub: 'Xavier Dominguez', rel: 'self', ref: 'Long Beach Harbor Detox',
    }],
  },
  // 9
  {
    id: 'plain-typo-labels-address-without-zip',
    text: `Hello

Cleint Name: Yolanda Pruitt
Date of Brith: 08/16/1971
Adress: 6620 Old Canton Rd, Jackson, MS
Insurnace: Magnolia Health
Memeber ID: M77219034
Grp #: N/A
Insuance Phone: 1 (866) 555-0172
Subscirber: Yolanda Pruitt
Relatinship: Self
Reffered By: Delta Sunrise Treatment

thank you
`,
    expected: [{
      name: 'Yolanda Pruitt', dob: '1971-08-16',
      address: { line1: '6620 Old Canton Rd', line2: null, city: 'Jackson', state: 'MS', postalCode: null },
      payer: 'Magnolia Health', id: 'M77219034', group: null, phone: '+18665550172',
      sub: 'Yolanda Pruitt', rel: 'self', ref: 'Delta Sunrise Treatment',
    }],
  },
  // 10
  {
    id: 'plain-values-on-next-line-multiline-address',
    text: `Hi,

Please see below for VOB.

Client Name
Desmond Achebe

Date of Birth
October 3, 1990

Address
2210 Peachtree Rd NW
Apt 1408
Atlanta, GA 30309

Insurance Name
Ambetter from Peach State Health Plan

ID #
U7019922841

Insurance Phone Number
1-877-555-0124

Subscriber Name
Desmond Achebe

Subscriber Relationship
Self

Referred By (Treatment Center)
Peachtree Pathways

Best,
Lauren
`,
    expected: [{
      name: 'Desmond Achebe', dob: '1990-10-03',
      address: { line1: '2210 Peachtree Rd NW', line2: 'Apt 1408', city: 'Atlanta', state: 'GA', postalCode: '30309' },
      payer: 'Ambetter from Peach State Health Plan', id: 'U7019922841', group: null, phone: '+18775550124',
      sub: 'Desmond Achebe', rel: 'self', ref: 'Peachtree Pathways',
    }],
  },
  // 11
  {
    id: 'plain-gmail-forwarded-message-medicaid-provider-services',
    text: `Please run this one when you get a chance.

Angela Ruiz
Billing Specialist | Coastal VOB Services
Office: 732-555-0103

---------- Forwarded message ---------
From: Blue Heron Admissions <admissions@blueheron.test>
Date: Tue, Mar 4, 2025 at 8:52 AM
Subject: VOB - L. Bianchi
To: Angela Ruiz <aruiz@coastalvob.test>


Hi Angela,

New VOB:

Client Name: Lorenzo Bianchi
DOB: 5/28/83
Address: 48 Sea Gull Ln, Toms River, NJ 08753
Insurance: Horizon NJ Health
Medicaid ID #: 120044881900
Provider Services: 1-800-555-0186
Subscriber: Self
Referring Facility: Blue Heron Recovery

Thanks,
Blue Heron Recovery Admissions
1 Bay Ave, Toms River, NJ 08753 | 732-555-0170
`,
    expected: [{
      name: 'Lorenzo Bianchi', dob: '1983-05-28',
      address: { line1: '48 Sea Gull Ln', line2: null, city: 'Toms River', state: 'NJ', postalCode: '08753' },
      payer: 'Horizon NJ Health', id: '120044881900', group: null, phone: '+18005550186',
      sub: 'Lorenzo Bianchi', rel: 'self', ref: 'Blue Heron Recovery',
    }],
  },
  // 12
  {
    id: 'plain-outlook-reply-new-text-adds-phone-and-husband-quoted-request',
    text: `Sorry - left a couple things off. Insurance phone is 800-555-0131 and the subscriber is her husband, Craig Lindqvist.

Thanks,
Heidi

-----Original Message-----
From: Heidi Moen <hmoen@northwoods.test>
Sent: Wednesday, March 5, 2025 10:41 AM
To: VOB Team <vob@billing.test>
Subject: VOB request - Ingrid Lindqvist

> Hi team,
>
> Client Name: Ingrid Lindqvist
> DOB: 02/27/1987
> Address: 311 Aspen Way, Duluth, MN 55811
> Insurance: Blue Cross and Blue Shield of Minnesota
> Member ID: XZM400182337
> Group: W7710
> Insurance Phone:
> Subscriber:
> Relationship:
> Referred by: Northwoods Recovery Center
>
> Thank you,
> Heidi Moen
> Northwoods Recovery Center | 218-555-0166
`,
    expected: [{
      name: 'Ingrid Lindqvist', dob: '1987-02-27',
      address: { line1: '311 Aspen Way', line2: null, city: 'Duluth', state: 'MN', postalCode: '55811' },
      payer: 'Blue Cross and Blue Shield of Minnesota', id: 'XZM400182337', group: 'W7710', phone: '+18005550131',
      sub: 'Craig Lindqvist', rel: 'spouse', ref: 'Northwoods Recovery Center',
    }],
  },
  // 13
  {
    id: 'plain-only-center-phone-in-signature-with-center-address',
    text: `Hello,

Could you verify benefits for:

Client: Marisol Fuentes
DOB: 04.11.1999
Home Address: 2750 N Mesa St, Apt 118, El Paso, TX 79902
Insurance: Superior HealthPlan
Medicaid #: 528019446
Subscriber: Self
Referred by: Franklin Mountain Outreach

Please call us with any questions.

Rosa Iturbe
Admissions, Sun City Recovery
5100 Montana Ave, El Paso, TX 79903
Phone: (915) 555-0140 | Fax: (915) 555-0141
`,
    expected: [{
      name: 'Marisol Fuentes', dob: '1999-04-11',
      address: { line1: '2750 N Mesa St', line2: 'Apt 118', city: 'El Paso', state: 'TX', postalCode: '79902' },
      payer: 'Superior HealthPlan', id: '528019446', group: null, phone: null,
      sub: 'Marisol Fuentes', rel: 'self', ref: 'Franklin Mountain Outreach',
    }],
  },
  // 14
  {
    id: 'plain-prose-minor-mother-subscriber-with-own-dob',
    text: `Hi team,

Can you check benefits for Lily Tran-Morales (DOB 7/19/2008)? She lives with her mom at 1045 Cypress Point Dr, Kissimmee, FL 34746. Coverage is through her mother's employer plan with AvMed - policy holder is Carla Morales, DOB 2/2/1980. Member ID AVM 2290 1184, group 3318-01. The provider line on the card is 800-555-0157.

She was referred to us by Osceola Youth Services.

Thanks so much,
Gabe
Central Florida Teen Recovery | 407-555-0125
`,
    expected: [{
      name: 'Lily Tran-Morales', dob: '2008-07-19',
      address: { line1: '1045 Cypress Point Dr', line2: null, city: 'Kissimmee', state: 'FL', postalCode: '34746' },
      payer: 'AvMed', id: 'AVM22901184', group: '3318-01', phone: '+18005550157',
      sub: 'Carla Morales', rel: 'child', ref: 'Osceola Youth Services',
    }],
  },
  // 15
  {
    id: 'plain-two-clients-married-couple-same-plan-address-same-as-above',
    text: `Hi,

Two VOBs for a married couple admitting together. Both referred by Green Mountain Recovery Center.

Client 1
Name: Gordon Pike
DOB: 11/02/1968
Address: 7 Quarry Hill Rd, Barre, VT 05641
Insurance: UMR
Member ID: W00481726-01
Group: 76-419020
Ins Phone: (800) 555-0133
Subscriber: Self

Client 2
Name: Sheila Pike
DOB: June 14, 1970
Address: same as above
Insurance: UMR
Member ID: W00481726-02
Group: 76-419020
Ins Phone: (800) 555-0133
Subscriber: Gordon Pike (husband)

Thank you,
Nora
`,
    expected: [
      {
        name: 'Gordon Pike', dob: '1968-11-02',
        address: { line1: '7 Quarry Hill Rd', line2: null, city: 'Barre', state: 'VT', postalCode: '05641' },
        payer: 'UMR', id: 'W00481726-01', group: '76-419020', phone: '+18005550133',
        sub: 'Gordon Pike', rel: 'self', ref: 'Green Mountain Recovery Center',
      },
      {
        name: 'Sheila Pike', dob: '1970-06-14',
        address: { line1: '7 Quarry Hill Rd', line2: null, city: 'Barre', state: 'VT', postalCode: '05641' },
        payer: 'UMR', id: 'W00481726-02', group: '76-419020', phone: '+18005550133',
        sub: 'Gordon Pike', rel: 'spouse', ref: 'Green Mountain Recovery Center',
      },
    ],
  },
  // 16
  {
    id: 'plain-terse-one-liner-placeholders-mostly-missing',
    text: `VOB pls - Kendra Mayfield dob 5/5/95, Oscar Health id OSC8810294.
Address: pending
Subscriber: unknown
Referred by: N/A

thx
`,
    expected: [{
      name: 'Kendra Mayfield', dob: '1995-05-05', address: null,
      payer: 'Oscar Health', id: 'OSC8810294', group: null, phone: null,
      sub: null, rel: null, ref: null,
    }],
  },
  // 17
  {
    id: 'outlook-html-br-lines-dependent-behavioral-health-phone',
    html: OUTLOOK_HEAD + `<p class="MsoNormal">Hello,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Patient: Abigail Thornbury<br>
Birthdate: 10-31-1996<br>
Address: 58 Garden Street, Apt 3R, Hoboken, NJ 07030<br>
Carrier: Oxford Health Plans<br>
Subscriber ID: 0091884722 01<br>
Group #: NJ0449<br>
Behavioral Health: 1-800-555-0164<br>
Insured&#39;s Name: Richard Thornbury<br>
Relationship to Insured: Dependent<br>
Referring Facility: Palisades Recovery Group<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Thanks,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal"><b><span style="font-size:10.0pt;color:#2F5496">Colin Shea</span></b><span style="font-size:10.0pt;color:#2F5496"><br>
Utilization Review | Palisades Recovery Group<br>
400 Sylvan Ave, Englewood Cliffs, NJ 07632<br>
Main: (201) 555-0182<o:p></o:p></span></p>` + OUTLOOK_TAIL,
    expected: [{
      name: 'Abigail Thornbury', dob: '1996-10-31',
      address: { line1: '58 Garden Street', line2: 'Apt 3R', city: 'Hoboken', state: 'NJ', postalCode: '07030' },
      payer: 'Oxford Health Plans', id: '009188472201', group: 'NJ0449', phone: '+18005550164',
      sub: 'Richard Thornbury', rel: 'child', ref: 'Palisades Recovery Group',
    }],
  },
  // 18
  {
    id: 'gmail-html-reply-dob-correction-over-blockquote',
    html: `<div dir="ltr">Quick correction - DOB is 12/21/1990, not 12/12/1990. Everything else below is right.<div><br></div><div>Thanks,</div><div>Mo</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Thu, Mar 6, 2025 at 2:15 PM Mo Karimi &lt;<a href="mailto:mkarimi@redrock.test">mkarimi@redrock.test</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div dir="ltr"><div>VOB for new admit:</div><div><br></div><div>Client: Jerome Castellanos</div><div>DOB: 12/12/1990</div><div>Address: 3411 Rainbow Blvd, Unit 204, Las Vegas, NV 89146</div><div>Insurance: Health Plan of Nevada</div><div>Member ID: 91002848301</div><div>Group: G0019927</div><div>Provider Services: (800) 555-0105</div><div>Subscriber: Same</div><div>Referred by: Red Rock Recovery Center</div><div><br></div><div>Mo Karimi</div><div>Red Rock Recovery Center | 702-555-0114</div></div>
</blockquote></div>
`,
    expected: [{
      name: 'Jerome Castellanos', dob: '1990-12-21',
      address: { line1: '3411 Rainbow Blvd', line2: 'Unit 204', city: 'Las Vegas', state: 'NV', postalCode: '89146' },
      payer: 'Health Plan of Nevada', id: '91002848301', group: 'G0019927', phone: '+18005550105',
      sub: 'Jerome Castellanos', rel: 'self', ref: 'Red Rock Recovery Center',
    }],
  },
  // 19
  {
    id: 'plain-medicare-dashed-mbi-full-state-name-pt-labels',
    text: `Good morning,

Pt Name: Eugene Whitcomb
DOB: Jan. 9, 1951
Address: 220 Pelican Way, Apt 6, Venice, Florida 34285
Primary Ins: Medicare
Medicare # (MBI): 7PA2-XM9-RT44
Provider line: 1-800-555-0179
Policy holder: patient
Referral: Suncoast Senior Behavioral

Secondary is an AARP supplement, card to follow.

Regards,
Lynette
`,
    expected: [{
      name: 'Eugene Whitcomb', dob: '1951-01-09',
      address: { line1: '220 Pelican Way', line2: 'Apt 6', city: 'Venice', state: 'FL', postalCode: '34285' },
      payer: 'Medicare', id: '7PA2-XM9-RT44', group: null, phone: '+18005550179',
      sub: 'Eugene Whitcomb', rel: 'self', ref: 'Suncoast Senior Behavioral',
    }],
  },
  // 20
  {
    id: 'plain-abbrev-labels-iso-dob-zip4-domestic-partner',
    text: `VOB Request

Client Name: Natalia Petrova
DOB: 1987-03-07
Address: 9 Elm St., Apt. 2, Portland, Maine 04101-3302
Ins: Community Health Options
Policy #: CHO 118 204 77
Grp: —
Phone # on back of card: 855.555.0146
Insured's Name: Ivan Petrov
Relationship to Insured: Domestic partner
Referred By: Casco Bay Recovery
`,
    expected: [{
      name: 'Natalia Petrova', dob: '1987-03-07',
      address: { line1: '9 Elm St.', line2: 'Apt. 2', city: 'Portland', state: 'ME', postalCode: '04101-3302' },
      payer: 'Community Health Options', id: 'CHO11820477', group: null, phone: '+18555550146',
      sub: 'Ivan Petrov', rel: 'other', ref: 'Casco Bay Recovery',
    }],
  },
  // 21
  {
    id: 'outlook-html-table-header-row-two-siblings-mother-subscriber',
    html: OUTLOOK_HEAD + `<p class="MsoNormal">Hi,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Siblings, both on mom&#8217;s plan. Details below:<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">
<tr>
<td style="border:solid #8EAADB 1.0pt;background:#4472C4;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b><span style="color:white">Name<o:p></o:p></span></b></p></td>
<td style="border:solid #8EAADB 1.0pt;border-left:none;background:#4472C4;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b><span style="color:white">Date of Birth<o:p></o:p></span></b></p></td>
<td style="border:solid #8EAADB 1.0pt;border-left:none;background:#4472C4;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b><span style="color:white">Home Address<o:p></o:p></span></b></p></td>
<td style="border:solid #8EAADB 1.0pt;border-left:none;background:#4472C4;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b><span style="color:white">Insurance<o:p></o:p></span></b></p></td>
<td style="border:solid #8EAADB 1.0pt;border-left:none;background:#4472C4;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b><span style="color:white">ID #<o:p></o:p></span></b></p></td>
<td style="border:solid #8EAADB 1.0pt;border-left:none;background:#4472C4;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b><span style="color:white">Group #<o:p></o:p></span></b></p></td>
<td style="border:solid #8EAADB 1.0pt;border-left:none;background:#4472C4;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b><span style="color:white">Insurance Phone<o:p></o:p></span></b></p></td>
<td style="border:solid #8EAADB 1.0pt;border-left:none;background:#4472C4;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b><span style="color:white">Subscriber<o:p></o:p></span></b></p></td>
<td style="border:solid #8EAADB 1.0pt;border-left:none;background:#4472C4;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal"><b><span style="color:white">Referred By<o:p></o:p></span></b></p></td>
</tr>
<tr>
<td style="border:solid #8EAADB 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">Aiden Mercer<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">04/02/2006<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">77 Larkspur Ln, Bend, OR 97702<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">PacificSource Health Plans<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">PSH00882713<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">2208110<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">+1 888 555 0117<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">Dana Mercer (Mother)<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">High Desert Youth Recovery<o:p></o:p></p></td>
</tr>
<tr>
<td style="border:solid #8EAADB 1.0pt;border-top:none;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">Brooke Mercer<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">09/15/2008<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">77 Larkspur Ln, Bend, OR 97702<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">PacificSource Health Plans<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">PSH00882714<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">2208110<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">+1 888 555 0117<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">Dana Mercer (Mother)<o:p></o:p></p></td>
<td style="border-top:none;border-left:none;border-bottom:solid #8EAADB 1.0pt;border-right:solid #8EAADB 1.0pt;padding:0in 5.4pt 0in 5.4pt"><p class="MsoNormal">High Desert Youth Recovery<o:p></o:p></p></td>
</tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Thank you!<o:p></o:p></p>
<p class="MsoNormal">Whitney Gale<o:p></o:p></p>
<p class="MsoNormal">Cascade Adolescent Treatment | 61 NW Oregon Ave, Bend, OR 97703 | (541) 555-0128<o:p></o:p></p>` + OUTLOOK_TAIL,
    expected: [
      {
        name: 'Aiden Mercer', dob: '2006-04-02',
        address: { line1: '77 Larkspur Ln', line2: null, city: 'Bend', state: 'OR', postalCode: '97702' },
        payer: 'PacificSource Health Plans', id: 'PSH00882713', group: '2208110', phone: '+18885550117',
        sub: 'Dana Mercer', rel: 'child', ref: 'High Desert Youth Recovery',
      },
      {
        name: 'Brooke Mercer', dob: '2008-09-15',
        address: { line1: '77 Larkspur Ln', line2: null, city: 'Bend', state: 'OR', postalCode: '97702' },
        payer: 'PacificSource Health Plans', id: 'PSH00882714', group: '2208110', phone: '+18885550117',
        sub: 'Dana Mercer', rel: 'child', ref: 'High Desert Youth Recovery',
      },
    ],
  },
  // 22
  {
    id: 'plain-sent-by-label-husband-hash-unit-sender-signature',
    text: `Hi VOB team,

Client: Trevor Halvorsen
Date of Birth: February 1st, 1977
Address: 1508 Prairie Rose Dr #3, Fargo, ND 58104
Insurance: Sanford Health Plan
Member ID: SHP 0044 7712
Group: ND0081
Provider Services: 1-800-555-0160
Insured's Name: Kirsten Halvorsen
Relationship to Insured: Husband
Sent by: Red River Valley Recovery

Thanks!
Mandy Olsen
Admissions | Red River Valley Recovery
3100 13th Ave S, Fargo, ND 58103
701-555-0188
`,
    expected: [{
      name: 'Trevor Halvorsen', dob: '1977-02-01',
      address: { line1: '1508 Prairie Rose Dr', line2: '#3', city: 'Fargo', state: 'ND', postalCode: '58104' },
      payer: 'Sanford Health Plan', id: 'SHP00447712', group: 'ND0081', phone: '+18005550160',
      sub: 'Kirsten Halvorsen', rel: 'spouse', ref: 'Red River Valley Recovery',
    }],
  },
  // 23
  {
    id: 'outlook-html-spans-no-address-group-or-referral-signature-only',
    html: OUTLOOK_HEAD + `<p class=MsoNormal><span style='font-size:12.0pt'>Hi,<o:p></o:p></span></p>
<p class=MsoNormal><span style='font-size:12.0pt'><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal><span style='font-size:12.0pt'>Please verify benefits for the client below. She&#8217;s between addresses right now so I don&#8217;t have one yet.<o:p></o:p></span></p>
<p class=MsoNormal><span style='font-size:12.0pt'><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal><span style='font-size:12.0pt'>Client Name: Rosalind Mbeki<o:p></o:p></span></p>
<p class=MsoNormal><span style='font-size:12.0pt'>D.O.B: 6/30/74<o:p></o:p></span></p>
<p class=MsoNormal><span style='font-size:12.0pt'>Address: N/A<o:p></o:p></span></p>
<p class=MsoNormal><span style='font-size:12.0pt'>Carrier: Meritain Health<o:p></o:p></span></p>
<p class=MsoNormal><span style='font-size:12.0pt'>ID No.: M44819201<o:p></o:p></span></p>
<p class=MsoNormal><span style='font-size:12.0pt'>Phone (ins): 888-555-0193<o:p></o:p></span></p>
<p class=MsoNormal><span style='font-size:12.0pt'>Subscriber: Self<o:p></o:p></span></p>
<p class=MsoNormal><span style='font-size:12.0pt'><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal><span style='font-size:12.0pt'>Thank you,<o:p></o:p></span></p>
<p class=MsoNormal><b><span style='font-size:10.0pt;color:#385623'>Keisha Dunmore<o:p></o:p></span></b></p>
<p class=MsoNormal><span style='font-size:10.0pt;color:#385623'>Admissions Director<o:p></o:p></span></p>
<p class=MsoNormal><span style='font-size:10.0pt;color:#385623'>Brightwater Behavioral Health<o:p></o:p></span></p>
<p class=MsoNormal><span style='font-size:10.0pt;color:#385623'>1800 Commerce Pkwy, Suite 200, Birmingham, AL 35242<o:p></o:p></span></p>
<p class=MsoNormal><span style='font-size:10.0pt;color:#385623'>(205) 555-0154<o:p></o:p></span></p>` + OUTLOOK_TAIL,
    expected: [{
      name: 'Rosalind Mbeki', dob: '1974-06-30', address: null,
      payer: 'Meritain Health', id: 'M44819201', group: null, phone: '+18885550193',
      sub: 'Rosalind Mbeki', rel: 'self', ref: null,
    }],
  },
  // 24
  {
    id: 'gmail-html-patients-full-name-father-subscriber-with-dob-daughter',
    html: `<div dir="ltr"><div>Hello,</div><div><br></div><div>Sending over a VOB for a teen we&#39;re assessing tomorrow.</div><div><br></div><div><b>Patient&#39;s Full Name:</b> Sofia Marchetti</div><div><b>DOB:</b> 11/08/2004</div><div><b>Address:</b> 64 Wampanoag Trl, East Providence, RI 02915</div><div><b>Insurance:</b> Neighborhood Health Plan of Rhode Island</div><div><b>Member ID:</b> NHP 7720 1984</div><div><b>Insurance Phone:</b> 1-800-555-0148</div><div><b>Subscriber:</b> Paolo Marchetti</div><div><b>Subscriber DOB:</b> 04/12/1972</div><div><b>Patient relationship to subscriber:</b> Daughter</div><div><b>Referring Facility:</b> Ocean State Recovery</div><div><br></div><div>Thank you,</div><div>Jenna</div><div><br></div><div><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr"><div>Jenna Costa | Clinical Intake</div><div>Narragansett Bay Youth Center</div><div>500 Broad St, Providence, RI 02907</div><div>401-555-0136</div></div></div></div></div>
`,
    expected: [{
      name: 'Sofia Marchetti', dob: '2004-11-08',
      address: { line1: '64 Wampanoag Trl', line2: null, city: 'East Providence', state: 'RI', postalCode: '02915' },
      payer: 'Neighborhood Health Plan of Rhode Island', id: 'NHP77201984', group: null, phone: '+18005550148',
      sub: 'Paolo Marchetti', rel: 'child', ref: 'Ocean State Recovery',
    }],
  },
];
