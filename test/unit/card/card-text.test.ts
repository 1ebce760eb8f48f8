import { readCardPhones, pickVerificationPhone, toE164 } from '../../../src/domain/card/card-phones';
import { classifySide } from '../../../src/domain/card/classify-side';
import { isMbi, isMediCalBic, normaliseMemberId, readFrontFields } from '../../../src/domain/card/member-id';
import { findPayer, samePayer } from '../../../src/domain/card/payers';
import { cardFieldCount, lacksKeyField, readCardFields, readCardText } from '../../../src/domain/card/read-card-text';
import type { CardFields } from '../../../schemas/vob-record';

describe('findPayer', () => {
  it.each([
    ['UnitedHealthcare Choice Plus', 'UnitedHealthcare'],
    ['UHC Community Plan', 'UnitedHealthcare'],
    ['Unitedhea1thcare', 'UnitedHealthcare'],
    ['Optum Behavioral Health 1-800-000-0000', 'UnitedHealthcare'],
    ['om BlueCross BlueShield of Texas   PPO', 'Blue Cross Blue Shield of Texas'],
    ['ohm BlueCross BlueShield of Texas', 'Blue Cross Blue Shield of Texas'],
    ['Blue Cross and Blue Shield of Illinois', 'Blue Cross Blue Shield of Illinois'],
    ['www.bcbstx.com', 'Blue Cross Blue Shield of Texas'],
    ['Anthem Blue Cross\nPPO', 'Anthem Blue Cross'],
    ['Anthem BlueCross BlueShield', 'Anthem Blue Cross Blue Shield'],
    ['aetna  Choice POS II', 'Aetna'],
    ['Cigna HealthSpring', 'Cigna-HealthSpring'],
    ['Evernorth Behavioral Health', 'Cigna'],
    ['MEDI-CAL BENEFITS IDENTIFICATION CARD', 'Medi-Cal'],
    ['MEDICARE HEALTH INSURANCE', 'Medicare'],
    ['Humana Gold Plus HMO Medicare', 'Humana'],
    ['UMR\nUnitedHealthcare Choice Plus network', 'UMR'],
    ['Meritain Health  Aetna network', 'Meritain Health'],
    ['TRICARE East', 'TRICARE'],
    ['Horizon BCBSNJ', 'Horizon Blue Cross Blue Shield of New Jersey'],
    ['KAISER PERMANENTE', 'Kaiser Permanente'],
    // Regional plans and states' Medicaid programmes (fourth fortnight and many-numbers sets).
    ['ConnectiCare', 'ConnectiCare'],
    ['HUSKY Health (Connecticut Medicaid)', 'HUSKY Health'],
    ['Montana Health CoOp', 'Montana Health CO-OP'],
    ['Meridian Health Plan of Michigan', 'Meridian Health Plan'],
    ['Keystone First', 'Keystone First'],
    ['TennCare', 'TennCare'],
  ])('%j -> %s', (text, payer) => {
    expect(findPayer(text)).toBe(payer);
  });

  it('takes no town for a plan of the same name', () => {
    expect(findPayer('Meridian, ID 83642')).toBeNull();
    expect(findPayer('Buckeye, AZ 85326')).toBeNull();
  });

  it('reads the payer in the card\'s own words, also when its name is printed over two lines', () => {
    expect(readCardFields('Highmark Blue Shield is an independent licensee of the\nBlue Cross Blue Shield Association').payerName).toBe('Highmark Blue Shield');
    expect(readCardFields('Highmark BCBS  PPO').payerName).toBe('Highmark Blue Cross Blue Shield');
    expect(findPayer('Highmark, P.O. Box 890174, Camp Hill, PA\nHighmark Blue Shield is an independent licensee of the')).toBe('Highmark Blue Shield');
    const stacked = ['     Independence                           Keystone Health Plan East', '     Blue Cross                                           HMO', 'Member ID', 'QKB824509316'].join('\n');
    expect(readCardFields(stacked).payerName).toBe('Independence Blue Cross');
  });

  it('keeps the header\'s exact name over a misread spelling of it in the small print', () => {
    const text = ['BlueCross BlueShield of Illinois', 'Submit claims to: Blue Cross and Blue Shield of Hliinois, P.O. Box 805107', 'A Division of Health Care Service Corporation'].join('\n');
    expect(findPayer(text)).toBe('Blue Cross Blue Shield of Illinois');
  });

  it('does not take ordinary words for payers', () => {
    expect(findPayer('Medical claims to PO Box 100')).toBeNull();
    expect(findPayer('Behavioral Health Network')).toBeNull();
    expect(findPayer('Sunrise Recovery Center')).toBeNull();
  });

  it('prefers the plan over its behavioral-health vendor', () => {
    expect(findPayer('Anthem Blue Cross\nBehavioral Health: Carelon 1-800-000-0000')).toBe('Anthem Blue Cross');
    expect(findPayer('Magellan Healthcare')).toBe('Magellan Health');
  });

  it('compares written payer names', () => {
    expect(samePayer('UHC', 'United Healthcare')).toBe(true);
    expect(samePayer('Aetna', 'Cigna')).toBe(false);
  });
});

describe('member IDs', () => {
  it('validates Medicare MBI and Medi-Cal BIC shapes', () => {
    expect(isMbi('1EG4TE5MK73')).toBe(true);
    expect(isMbi('1EG4TE5MK7S')).toBe(false);
    expect(isMbi('1SG4TE5MK73')).toBe(false); // S is never used
    expect(isMediCalBic('93620418A73015')).toBe(true);
    expect(isMediCalBic('9362041BA73015')).toBe(false);
  });

  it('repairs look-alikes only inside a known shape', () => {
    expect(normaliseMemberId('1EG4-TE5-MK7S', 'Medicare')).toBe('1EG4TE5MK75');
    expect(normaliseMemberId('9362O418A73O15', 'Medi-Cal')).toBe('93620418A73015');
    expect(normaliseMemberId('X0F83620I945', 'Blue Cross Blue Shield of Texas')).toBe('XOF836201945');
    expect(normaliseMemberId('W28461937S', 'Aetna')).toBe('W284619375');
    expect(normaliseMemberId('94726I385', 'UnitedHealthcare')).toBe('947261385');
    expect(normaliseMemberId('0SC48201937', 'Oscar')).toBe('OSC48201937');
    // A well-read alphanumeric ID is left alone.
    expect(normaliseMemberId('ABC12DEF9', null)).toBe('ABC12DEF9');
    expect(normaliseMemberId('NAME', null)).toBeNull();
  });

  it('reads inline labels with OCR noise', () => {
    const f = readFrontFields(
      ['aetna', 'Member: JANE Q SAMPLE', '1D W28461937S', 'Group 0812345   Rx BIN 61O502', 'PCP DR R ALVAREZ   Rx PCN ADV', '                  RxGRP RX8839'].join('\n'),
      'Aetna',
    );
    expect(f).toEqual({ memberId: 'W284619375', groupNumber: '0812345', memberName: 'JANE Q SAMPLE', rxBin: '610502', rxPcn: 'ADV', rxGroup: 'RX8839' });
  });

  it('reads a value aligned in its own column beside the label, not the card\'s far column', () => {
    const f = readFrontFields(
      ['Subscriber ID:     KPQ 55120987', 'Group No:          B7730012', 'RxBIN    003858            Deductible $500', 'Member Name'].join('\n'),
      'Highmark',
    );
    expect(f).toMatchObject({ memberId: 'KPQ55120987', groupNumber: 'B7730012', rxBin: '003858' });
    expect(readFrontFields('Group #                                        Urgent Care $75\n0912345', null).groupNumber).toBe('0912345');
  });

  it('takes a group printed after BIN or PCN on their row as the Rx group', () => {
    const f = readFrontFields('Group: 55120\nBIN: 610014   PCN: MEDDADV   GRP: HMK22', null);
    expect(f).toMatchObject({ groupNumber: '55120', rxBin: '610014', rxPcn: 'MEDDADV', rxGroup: 'HMK22' });
  });

  it('reads Rx labels glued to their values and steps over specks between label and value', () => {
    const f = readFrontFields('RxBIN: 610011     RxPCNIRX      RxGRPUMR41323', null);
    expect(f).toMatchObject({ rxBin: '610011', rxPcn: 'IRX', rxGroup: 'UMR41323' });
    const g = readFrontFields(['Member ID  11832077', 'RxBIN:  ae  004336', 'RxPCN:  MEDDADV', 'RxGRP:  |  RX5478'].join('\n'), null);
    expect(g).toMatchObject({ memberId: '11832077', rxBin: '004336', rxPcn: 'MEDDADV', rxGroup: 'RX5478' });
    // A colon read as a semicolon, after the label or after the value.
    expect(readFrontFields('ID #;  884213370;\nRXGRP; OHPLAN', null)).toMatchObject({ memberId: '884213370', rxGroup: 'OHPLAN' });
    // A printed "RxGROUP" label is no glued value.
    expect(readFrontFields('RxGROUP  RX8839', null).rxGroup).toBe('RX8839');
  });

  it('reads a pharmacy row whose labels OCR misread, and a code set just above its label', () => {
    // "RxBIN" read as a short word before six digits, "RxPCN" glued and short of its "xP".
    const row = readFrontFields(['Member ID 4471209', 'Bm 017010   RCNCTRXMEDD    RxGRP  WX2210'].join('\n'), null);
    expect(row).toMatchObject({ rxBin: '017010', rxPcn: 'CTRXMEDD', rxGroup: 'WX2210' });
    // Six digits after a word on a row with no pharmacy label are no BIN.
    expect(readFrontFields('Suite 204400\nGroup 55102', null).rxBin).toBeNull();
    // The OCR put the PCN's code on the line above its label, in the values' column.
    const above = readFrontFields(
      [' Member ID                    RxBIN   003585', ' T88214570                            LOCK', '                              RxPCN', ' Group                        RxGRP   DELTA9'].join('\n'),
      null,
    );
    expect(above).toMatchObject({ memberId: 'T88214570', rxBin: '003585', rxPcn: 'LOCK', rxGroup: 'DELTA9' });
  });

  it('takes the payer from the logo words on their own line, not from a label stacked under them', () => {
    const text = [' highmark              Blue Shield                 PPO', ' MEMBER                                      Copay $20', ' ALMA R FICTION', 'www.highmarkbcbs.example'].join('\n');
    expect(readCardFields(text).payerName).toBe('Highmark Blue Shield');
  });

  it('reads the member ID as Medicare, Kaiser and a payer\'s app screenshot print it', () => {
    const medicare = readCardText('MEDICARE HEALTH INSURANCE\nName/Nombre\nJOHN L SMITH\nMedicare Number/Número de Medicare\n1EG4-TE5-MK73\nEntitled to   Coverage starts\nHOSPITAL (PART A)   03-01-2016');
    expect(medicare.fields).toMatchObject({ payerName: 'Medicare', memberId: '1EG4TE5MK73', memberName: 'JOHN L SMITH' });
    const kaiser = readCardText('KAISER PERMANENTE\nMRN 000012345678\nJANE Q DOE\nNorthern California');
    expect(kaiser.fields).toMatchObject({ payerName: 'Kaiser Permanente', memberId: '000012345678', memberName: 'JANE Q DOE' });
    // A phone's screenshot of the payer's app: status bar, labels above their values.
    const app = readCardText('9:41\nMember ID card\nAetna\nMember\nJane Doe\nMember ID\nW123456789\nGroup number\n0123456\nRx BIN 610502  PCN ADV  GRP RX8839');
    expect(app.kind).toBe('front');
    expect(app.fields).toMatchObject({ payerName: 'Aetna', memberId: 'W123456789', groupNumber: '0123456', memberName: 'Jane Doe', rxBin: '610502', rxPcn: 'ADV', rxGroup: 'RX8839' });
  });

  it('reads a TRICARE card\'s DoD Benefits Number as the member ID', () => {
    const f = readFrontFields('TRICARE\nSponsor: JOHN Q DOE\nDoD Benefits Number 12345678901\nBeneficiary: JANE DOE', 'TRICARE');
    expect(f).toMatchObject({ memberId: '12345678901', memberName: 'JANE DOE' });
    expect(readFrontFields('DoD ID No.: 1234567890', 'TRICARE').memberId).toBe('1234567890');
  });

  it('reads "ID" that OCR turned into "10" when a colon follows', () => {
    expect(readFrontFields('Member 10: 730551928', null).memberId).toBe('730551928');
    expect(readFrontFields('member 10° 108234567', null).memberId).toBe('108234567');
    expect(readFrontFields('Member 10 108234567', null).memberId).toBe('108234567');
    expect(readFrontFields('Member =: 13849205', null).memberId).toBe('13849205');
  });

  it('reads values printed under their labels, by column', () => {
    const text = [
      'om BlueCross BlueShield of Texas                 PPO',
      '                             Group No.',
      '  Member Name',
      '  OLIVIA R TESTER             238776',
      '                              RxBIN',
      '  Member ID',
      '  XOF836201945                004336',
      '   Effective 01/01/2024       RxPCN',
      '                              ADV',
    ].join('\n');
    expect(readCardFields(text)).toMatchObject({
      payerName: 'Blue Cross Blue Shield of Texas',
      memberId: 'XOF836201945',
      groupNumber: '238776',
      memberName: 'OLIVIA R TESTER',
      rxBin: '004336',
      rxPcn: 'ADV',
      rxGroup: null,
    });
  });

  it('joins an ID printed in groups and prefers the member ID over a policy number', () => {
    expect(readFrontFields('Policy # U70123456\nMember ID U70123456 01', null).memberId).toBe('U7012345601');
    expect(readFrontFields('Subscriber ID: XYZ 123456789', 'Blue Cross Blue Shield').memberId).toBe('XYZ123456789');
    expect(readFrontFields('Medicare Number\n5TQ9-JE2-RK41', 'Medicare').memberId).toBe('5TQ9JE2RK41');
  });

  it('ignores payer and plan IDs', () => {
    const f = readFrontFields('Payer ID: 87726\nPlan ID (80840) 911-87726-04\nMember ID: 947261385', 'UnitedHealthcare');
    expect(f.memberId).toBe('947261385');
  });

  it('finds an unlabelled name next to the ID', () => {
    const f = readFrontFields('ID NO. 93620418A73015\n CARMEN L EJEMPLO\nDATE OF BIRTH 04 17 1988', 'Medi-Cal');
    expect(f.memberName).toBe('CARMEN L EJEMPLO');
    expect(f.memberId).toBe('93620418A73015');
  });
});

describe('card phones', () => {
  it('labels and normalises numbers, repairing OCR look-alikes', () => {
    const phones = readCardPhones(
      [
        'Customer Service: 1-800-521-2227   Provider Services 1 (800) 451-0287',
        'Behavioral Health 1-8OO-528-7264',
        'Pharmacists: call 1-800-624-5060',
        'Providers must verify eligibility: 1-8  00-541-5555',
        'Member ID 9123456780',
        'Submit claims to: P.O. Box 660044, Dallas, TX 75266-0044',
      ].join('\n'),
    );
    expect(phones).toEqual([
      { label: 'Customer Service', number: '+18005212227' },
      { label: 'Provider Services', number: '+18004510287' },
      { label: 'Behavioral Health', number: '+18005287264' },
      { label: 'Pharmacy', number: '+18006245060' },
      { label: 'Provider Services', number: '+18005415555' },
    ]);
  });

  it('reads spelled toll-free numbers and labels after or above the number', () => {
    expect(toE164('800', 'CIG', 'NA24')).toBe('+18002446224');
    expect(readCardPhones('Mental Health / Substance Abuse\n(888) 560-4087')).toEqual([{ label: 'Behavioral Health', number: '+18885604087' }]);
    expect(readCardPhones('1-800-464-4000 Member Services')).toEqual([{ label: 'Member Services', number: '+18004644000' }]);
  });

  it('picks the behavioral health line, then the provider line, else none', () => {
    expect(pickVerificationPhone([{ label: 'Member Services', number: '+18001112222' }, { label: 'Behavioral Health', number: '+18003334444' }])).toBe('+18003334444');
    expect(pickVerificationPhone([{ label: 'Behavioral Health', number: '+18003334444' }, { label: 'Provider Services', number: '+18005556666' }])).toBe('+18003334444');
    expect(pickVerificationPhone([{ label: 'Member Services', number: '+18001112222' }, { label: 'Provider Services', number: '+18005556666' }])).toBe('+18005556666');
    expect(pickVerificationPhone([{ label: 'Member Services', number: '+18001112222' }])).toBeNull();
  });

  it('never takes a behavioral health crisis line for the verification line', () => {
    const phones = readCardPhones('Provider Services: 1-855-555-0121\nBehavioral Health Crisis Line: 1-888-555-0186\n');
    expect(phones.map((p) => p.label)).toEqual(['Provider Services', 'Crisis Line']);
    expect(pickVerificationPhone(phones)).toBe('+18555550121');
  });
});

describe('when a reading deserves a second look', () => {
  const none: CardFields = { payerName: null, memberId: null, groupNumber: null, memberName: null, rxBin: null, rxPcn: null, rxGroup: null, phones: [] };
  it('is a front without member ID or a back without phones, never what is not a card', () => {
    expect(lacksKeyField('front', { ...none, payerName: 'Aetna' })).toBe(true);
    expect(lacksKeyField('both', { ...none, memberId: 'W1234567' })).toBe(false);
    expect(lacksKeyField('back', none)).toBe(true);
    expect(lacksKeyField('back', { ...none, phones: [{ label: 'Provider Services', number: '+18005550100' }] })).toBe(false);
    expect(lacksKeyField('not-a-card', none)).toBe(false);
  });
  it('counts the fields found, each phone as one', () => {
    expect(cardFieldCount(none)).toBe(0);
    expect(cardFieldCount({ ...none, memberId: 'W1', rxBin: '610502', phones: [{ label: 'Pharmacy', number: '+18005550100' }] })).toBe(3);
  });
});

describe('classifySide', () => {
  const kind = (text: string): string => classifySide(text, readCardFields(text));

  it('tells fronts, backs and both', () => {
    expect(kind('UnitedHealthcare  Choice Plus\nMember ID: 947261385\nMember: MARCUS T EXAMPLE\nGroup Number: 705214  Rx Bin: 610279')).toBe('front');
    expect(kind('For Members: 866-414-1959\nMental Health: 800-788-4708\nFor Providers: 877-842-3210\nMedical Claims: PO Box 740800 Atlanta GA 30374-0800')).toBe('back');
    expect(
      kind(
        'Aetna\nMember: JANE DOE\nID W284619375  Group 0812345\nMember Services 1-888-632-3862\nProvider Services: 1-800-624-0756\nSubmit claims to: PO Box 981106 El Paso TX\nPayer ID 60054  www.aetna.com\nThis card does not guarantee coverage.',
      ),
    ).toBe('both');
  });

  it('refuses a driver licence, a logo and a photo', () => {
    expect(kind('CALIFORNIA DRIVER LICENSE\nDL I8420157 CLASS C\nEXP 08/31/2028 DOB 07/14/1991\nSEX M HGT 5-10 EYES BRN')).toBe('not-a-card');
    expect(kind('Sunrise Recovery Center\nAdmissions | (714) 555-0182 | Fax (714) 555-0183\nwww.sunrise-recovery.example')).toBe('not-a-card');
    expect(kind('~ ,. ee\n')).toBe('not-a-card');
  });

  it('keeps a Medi-Cal card (sex and date of birth printed) a card', () => {
    expect(kind('Medi-Cal  BENEFITS IDENTIFICATION CARD\nID NO. 93620418A73015\nCARMEN L EJEMPLO\nSEX F  DATE OF BIRTH 04 17 1988  ISSUE DATE 03 15 24')).toBe('front');
  });

  it('empties the fields of what is not a card', () => {
    expect(readCardText('CALIFORNIA DRIVER LICENSE\nDL I8420157 CLASS C\nEXP 08/31/2028 DOB 07/14/1991').fields.memberId).toBeNull();
  });
});
