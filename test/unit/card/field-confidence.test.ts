/** Per-field OCR confidence from the recognised words (and line) that produced each card value. */
import type { CardFields } from '../../../schemas/vob-record';
import { fieldConfidence, type RecognisedWord } from '../../../src/domain/card/field-confidence';

const NONE: CardFields = { payerName: null, memberId: null, groupNumber: null, memberName: null, rxBin: null, rxPcn: null, rxGroup: null, phones: [] };
const w = (line: string, text: string, confidence: number): RecognisedWord => ({ line, text, confidence });

describe('fieldConfidence', () => {
  const words = [
    w('1', 'Member', 95),
    w('1', 'ID:', 90),
    w('1', 'W123456789', 71),
    w('2', 'JANE', 92),
    w('2', 'Q', 30),
    w('2', 'DOE', 88),
    w('3', 'Group', 96),
    w('3', '0812345', 64),
    w('4', 'Provider', 93),
    w('4', 'Services', 94),
    w('4', '1-800-555-0199', 83),
    w('5', '(888)', 90),
    w('5', '555-0101', 70),
    // The same digits on another line, read worse: the line that covers the value is taken.
    w('6', '0812', 20),
  ];

  it('takes the confidence of the words that hold each value, weighted by length', () => {
    const c = fieldConfidence(
      { ...NONE, memberId: 'W123456789', groupNumber: '0812345', memberName: 'JANE Q DOE', phones: [{ label: 'Provider Services', number: '+18005550199' }, { label: 'Member Services', number: '+18885550101' }] },
      words,
      50,
    );
    expect(c.memberId).toBe(71);
    expect(c.groupNumber).toBe(64);
    // "Q" is a single character: below the two the words must have, so JANE and DOE decide.
    expect(c.memberName).toBe(Math.round((92 * 4 + 88 * 3) / 7));
    expect(c.phones).toEqual([83, Math.round((90 * 3 + 70 * 7) / 10)]);
  });

  it('finds a value OCR repaired from look-alike characters, and a value glued to its label', () => {
    const c = fieldConfidence({ ...NONE, memberId: 'XOF836201945', rxBin: '610502' }, [w('a', 'X0F8362O1945', 77), w('b', 'BIN:610502', 66)], 50);
    expect(c).toEqual({ memberId: 77, rxBin: 66 });
  });

  it('leaves out a value its words cannot be found for (the reading mean stands for it); a phone takes the mean', () => {
    const c = fieldConfidence({ ...NONE, payerName: 'Blue Cross Blue Shield of Texas', phones: [{ label: 'Pharmacy', number: '+18006245060' }] }, [w('1', 'BCBSTX', 90)], 61.6);
    expect(c).toEqual({ phones: [62] });
  });
});
