import { parseDate } from '../../../src/domain/body/dates';
import { findPhones, parsePhone } from '../../../src/domain/body/phones';
import { parseAddress, normalizeState } from '../../../src/domain/body/addresses';
import { parseRelationship } from '../../../src/domain/body/relationships';
import { isPlaceholder } from '../../../src/domain/body/placeholders';
import { normalizeGroupNumber, normalizeMemberId } from '../../../src/domain/body/identifiers';
import { cleanOrgName, cleanPersonName } from '../../../src/domain/body/names';

const ref = new Date('2025-01-15T00:00:00Z');
const dob = (s: string): string | null => parseDate(s, { birthDate: true, reference: ref });

describe('parseDate', () => {
  it.each([
    ['1-2-90', '1990-01-02'],
    ['01/02/1990', '1990-01-02'],
    ['1/2/1990', '1990-01-02'],
    ['01.02.1990', '1990-01-02'],
    ['Jan 2, 1990', '1990-01-02'],
    ['January 2nd 1990', '1990-01-02'],
    ['Jan. 2 1990', '1990-01-02'],
    ['2 Jan 1990', '1990-01-02'],
    ['02-JAN-90', '1990-01-02'],
    ['1990-01-02', '1990-01-02'],
    ['1990/1/2', '1990-01-02'],
    ['01021990', '1990-01-02'],
    ['01/02/1990 (35 y/o)', '1990-01-02'],
    ['Sept 30, 2001', '2001-09-30'],
    ['3/4/05', '2005-03-04'],
    ['11/12/45', '1945-11-12'],
    ['1/16/25', '1925-01-16'],
    ['1/10/25', '2025-01-10'],
    ['02/29/1996', '1996-02-29'],
    // Day first only where the first number cannot be a month.
    ['13/01/1990', '1990-01-13'],
    ['23.04.1985', '1985-04-23'],
  ])('%s → %s', (input, want) => {
    expect(dob(input)).toBe(want);
  });

  it.each(['02/30/1990', '13/13/1990', '31/02/1990', '02/29/1995', '00/10/1990', '1/2/2030', '1/2/1890', 'pending', 'unknown', ''])(
    'rejects %s',
    (input) => {
      expect(dob(input)).toBeNull();
    },
  );
});

describe('phones', () => {
  it.each([
    ['(800) 555-0100', '+18005550100'],
    ['800.555.0100', '+18005550100'],
    ['1-800-555-0100', '+18005550100'],
    ['+1 800 555 0100', '+18005550100'],
    ['800-555-0100 ext. 12', '+18005550100'],
    ['800-555-0100 x12', '+18005550100'],
    ['8005550100', '+18005550100'],
    ['1-800-FOR-AETNA', '+18003672386'],
    ['Member: 800-555-0111, Provider: 800-555-0122', '+18005550122'],
  ])('%s → %s', (input, want) => {
    expect(parsePhone(input)).toBe(want);
  });

  it.each(['555-0100', 'N/A', 'see card', '123-456-7890'])('rejects %s', (input) => {
    expect(parsePhone(input)).toBeNull();
  });

  it('finds every number in a line', () => {
    expect(findPhones('P: 619-555-0142 | F: (619) 555-0143')).toEqual(['+16195550142', '+16195550143']);
  });
});

describe('parseAddress', () => {
  it('reads a one-line address with a unit and ZIP+4', () => {
    expect(parseAddress('123 Main St Apt 4, Fresno, CA 93701-1234')).toEqual({
      line1: '123 Main St', line2: 'Apt 4', city: 'Fresno', state: 'CA', postalCode: '93701-1234',
    });
  });
  it('reads several lines and a full state name', () => {
    expect(parseAddress('15 Elm Street\nUnit 3B\nAustin, Texas 78701')).toEqual({
      line1: '15 Elm Street', line2: 'Unit 3B', city: 'Austin', state: 'TX', postalCode: '78701',
    });
  });
  it('reads an address without commas', () => {
    expect(parseAddress('21 Lincoln Ave Apt 2 Lowell MA 01852')).toEqual({
      line1: '21 Lincoln Ave', line2: 'Apt 2', city: 'Lowell', state: 'MA', postalCode: '01852',
    });
  });
  it('keeps a street line alone whole: "Street" is no "St" followed by a city', () => {
    expect(parseAddress('2415 West Commerce Street')).toEqual({ line1: '2415 West Commerce Street', line2: null, city: null, state: null, postalCode: null });
    expect(parseAddress('9 Drivers Way')?.line1).toBe('9 Drivers Way');
  });
  it('keeps a # unit and a multi-word city', () => {
    expect(parseAddress('1200 NE 45th St #304, Seattle, Washington 98105')).toEqual({
      line1: '1200 NE 45th St', line2: '#304', city: 'Seattle', state: 'WA', postalCode: '98105',
    });
    expect(parseAddress('5 Linden Pl, St. Louis, MO 63108')?.city).toBe('St. Louis');
    expect(parseAddress('88 Oak Ave, West Virginia City, West Virginia 25301')?.state).toBe('WV');
  });
  it('reads a PO box and a ZIP written with a space', () => {
    expect(parseAddress('PO Box 123, Bend, OR 97701 1234')).toEqual({
      line1: 'PO Box 123', line2: null, city: 'Bend', state: 'OR', postalCode: '97701-1234',
    });
  });
  it.each(['homeless', 'Homeless - staying at shelter', 'N/A', 'Fresno, CA', 'pending', ''])('gives null for %s', (input) => {
    expect(parseAddress(input)).toBeNull();
  });
  it('normalises state names', () => {
    expect(normalizeState('California')).toBe('CA');
    expect(normalizeState('new york')).toBe('NY');
    expect(normalizeState('tx')).toBe('TX');
    expect(normalizeState('Calif.')).toBe('CA');
    expect(normalizeState('Narnia')).toBeNull();
  });
});

describe('parseRelationship', () => {
  it.each([
    ['Mother', 'subscriber', 'child'],
    ['mom', 'subscriber', 'child'],
    ['Father', 'subscriber', 'child'],
    ['Legal guardian', 'subscriber', 'other'],
    ['Stepfather', 'subscriber', 'child'],
    ['Daughter', 'client', 'child'],
    ['son', 'client', 'child'],
    ['Dependent', 'client', 'child'],
    ['Son', 'subscriber', 'other'],
    ['Mother', 'client', 'other'],
    ['Wife', 'subscriber', 'spouse'],
    ['husband', 'client', 'spouse'],
    ['Domestic partner', 'subscriber', 'other'], // X12 53 (life partner), not 01 (spouse)
    ['Partner', 'subscriber', 'spouse'],
    ['Ex-wife', 'subscriber', 'other'],
    ['Grandmother', 'subscriber', 'other'],
    ['Self', 'subscriber', 'self'],
    ['same', 'client', 'self'],
    ['Client', 'subscriber', 'self'],
    ['Policy holder', 'client', 'self'],
    ["client's mother", 'client', 'child'],
    ['mother of client', 'client', 'child'],
    ['client is the daughter', 'subscriber', 'child'],
    ["subscriber's son", 'subscriber', 'child'],
    ['Aunt', 'subscriber', 'other'],
  ] as const)('%s (%s) → %s', (value, dir, want) => {
    expect(parseRelationship(value, dir)).toBe(want);
  });
  it.each(['TBD', '?', 'unknown', ''])('gives null for %s', (v) => {
    expect(parseRelationship(v, 'subscriber')).toBeNull();
  });
});

describe('placeholders', () => {
  it.each(['N/A', 'n/a', 'NA', 'none', 'None.', 'pending', 'Pending - will send', 'unknown', 'TBD', '?', 'homeless', 'see attached', 'See card', 'on card', '-', '___', 'not provided'])(
    '%s is a placeholder',
    (v) => {
      expect(isPlaceholder(v)).toBe(true);
    },
  );
  it.each(['Na Li', 'Nancy', 'Aetna', 'W123456', 'Noneman'])('%s is a value', (v) => {
    expect(isPlaceholder(v)).toBe(false);
  });
});

describe('identifiers and names', () => {
  it('removes spaces from member IDs, upper-cases letters, keeps dashes', () => {
    expect(normalizeMemberId('W123 456 789')).toBe('W123456789');
    expect(normalizeMemberId('xof884512003')).toBe('XOF884512003');
    expect(normalizeMemberId('1EG4-TE5-MK73')).toBe('1EG4-TE5-MK73');
    expect(normalizeMemberId('#W123456789.')).toBe('W123456789');
    expect(normalizeMemberId('W123456789 (Aetna)')).toBe('W123456789');
    expect(normalizeMemberId('see card')).toBeNull();
    expect(normalizeMemberId('pending')).toBeNull();
    expect(normalizeGroupNumber('0123456')).toBe('0123456');
    expect(normalizeGroupNumber('N/A')).toBeNull();
  });
  it('cleans names as written', () => {
    expect(cleanPersonName('  Jane   Q  Doe (client) ')).toBe('Jane Q Doe');
    expect(cleanPersonName('Doe, Jane')).toBe('Doe, Jane');
    expect(cleanPersonName('Jane Doe, DOB 1/2/90')).toBe('Jane Doe');
    expect(cleanPersonName('N/A')).toBeNull();
    expect(cleanOrgName('Sunrise Recovery Center - (555) 555-0100')).toBe('Sunrise Recovery Center');
    expect(cleanOrgName('from Sunrise Recovery')).toBe('Sunrise Recovery');
  });
});
