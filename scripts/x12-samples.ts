/**
 * Fictional X12 271 text for tests and the eligibility bench: interchanges with every count and
 * control number right. Names, IDs and the NPI are made-up test values.
 */

/** A valid test NPI (the CMS example: Luhn over 80840 + the first nine digits). */
export const TEST_NPI = '1234567893';

/**
 * A 271 interchange around transaction bodies (segments after ST, before SE, without
 * terminators), with every count and control number right.
 */
export function interchange271(transactions: readonly (readonly string[])[], controlNumber = 1001): string {
  const control9 = String(controlNumber).padStart(9, '0');
  const isa = `ISA*00*          *00*          *ZZ*FICTPAYERHUB   *ZZ*SUNRISETEST    *261206*0731*^*00501*${control9}*0*T*:`;
  const lines = (segments: readonly string[]) => segments.map((s) => `${s}~\n`).join('');
  // Joined per transaction: a 10 MB body is too many segments to spread into one push.
  const bodies = transactions.map((body, i) => {
    const st = String(i + 1).padStart(4, '0');
    return lines([`ST*271*${st}*005010X279A1`]) + lines(body) + lines([`SE*${body.length + 2}*${st}`]);
  });
  return (
    lines([isa, `GS*HB*FICTPAYERHUB*SUNRISETEST*20261206*0731*${controlNumber}*X*005010X279A1`]) +
    bodies.join('') +
    lines([`GE*${transactions.length}*${controlNumber}`, `IEA*1*${control9}`])
  );
}

/** The 2000A/2000B loops of a fictional payer and provider (HL 1 and 2). */
export function sourceLoops(payer = 'AETNA', payerId = '60054'): string[] {
  return ['BHT*0022*11*TESTREF*20261206*0731', 'HL*1**20*1', `NM1*PR*2*${payer}*****PI*${payerId}`, 'HL*2*1*21*1', `NM1*1P*2*SUNRISE RECOVERY TEST*****XX*${TEST_NPI}`];
}

/** One fictional subscriber loop (HL `hl` under HL 2): active coverage with a BH deductible. */
export function subscriberLoop(hl: number): string[] {
  return [
    `HL*${hl}*2*22*0`,
    `TRN*2*VOB-${hl}*9123456789`,
    `NM1*IL*1*BULKTEST*PERSON****MI*W${String(hl).padStart(9, '0')}`,
    'DMG*D8*19900102',
    'EB*1**30^MH',
    'EB*C*IND*30***23*1500*****Y',
    'MSG*FICTIONAL TEST DATA',
  ];
}
