/**
 * Test helpers: fixture paths, and a small 270 reader (envelope checked by walkInterchange) so
 * a written 270 can be compared with what went in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkInterchange, type Segment } from '../../../src/domain/x12/interchange';

export const X12_FIXTURES = join(__dirname, '../../../fixtures/x12');
export const EMAIL_FIXTURES = join(__dirname, '../../../fixtures/emails');

export function readX12Fixture(name: string): string {
  return readFileSync(join(X12_FIXTURES, name), 'utf8');
}

export { interchange271, sourceLoops, subscriberLoop, TEST_NPI } from '../../../scripts/x12-samples';

export interface Parsed270Person {
  last: string;
  first: string;
  middle: string;
  memberId: string;
  dob: string | null;
}

export interface Parsed270Inquiry {
  controlNumber: string;
  trace: string | null;
  payer: { name: string; id: string };
  provider: { name: string; npi: string };
  subscriber: Parsed270Person;
  dependent: Parsed270Person | null;
  dateOfService: string | null;
  serviceTypes: string[];
  /** [HL01, HL02, HL03, HL04] for each HL. */
  hierarchy: string[][];
}

/** Every ST/SE of a 270, as values; throws (via walkInterchange) when the envelope is wrong. */
export function parse270(text: string): Parsed270Inquiry[] {
  const inquiries: Parsed270Inquiry[] = [];
  let current: Parsed270Inquiry | null = null;
  let person: Parsed270Person | null = null;
  const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  walkInterchange(text, { functionalCode: 'HS', transactionSet: '270' }, (segment: Segment) => {
    const el = (i: number) => segment.elements[i] ?? '';
    if (segment.id === 'ST') {
      current = {
        controlNumber: el(2),
        trace: null,
        payer: { name: '', id: '' },
        provider: { name: '', npi: '' },
        subscriber: { last: '', first: '', middle: '', memberId: '', dob: null },
        dependent: null,
        dateOfService: null,
        serviceTypes: [],
        hierarchy: [],
      };
      inquiries.push(current);
      return;
    }
    const inquiry = current!;
    switch (segment.id) {
      case 'HL':
        inquiry.hierarchy.push(segment.elements.slice(1));
        if (el(3) === '22') person = inquiry.subscriber;
        if (el(3) === '23') person = inquiry.dependent = { last: '', first: '', middle: '', memberId: '', dob: null };
        return;
      case 'TRN':
        inquiry.trace = el(2);
        return;
      case 'NM1':
        if (el(1) === 'PR') inquiry.payer = { name: el(3), id: el(9) };
        if (el(1) === '1P') inquiry.provider = { name: el(3), npi: el(9) };
        if (el(1) === 'IL' || el(1) === '03') Object.assign(person!, { last: el(3), first: el(4), middle: el(5), memberId: el(9) });
        return;
      case 'DMG':
        person!.dob = iso(el(2));
        return;
      case 'DTP':
        inquiry.dateOfService = iso(el(3));
        return;
      case 'EQ':
        inquiry.serviceTypes.push(el(1));
        return;
    }
  });
  return inquiries;
}
