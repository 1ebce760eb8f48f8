import { parseSearchDate, parseSearchQuery, searchKeyMaterial, searchTermsOf } from '../../../src/domain/request-search';

const request = (name: string | null, dob: string | null, memberId: string | null) => ({
  client: { name, dob, address: null },
  insurance: { payerName: null, memberId, groupNumber: null, phone: null },
}) as unknown as Parameters<typeof searchTermsOf>[0];

describe('request search terms', () => {
  test('a request is found by each name part, its date of birth, the year, and its member ID normalised', () => {
    expect(searchTermsOf(request('José Q. Doe-Smith', '1990-01-02', 'w 123-456 789'))).toEqual([
      { kind: 'name-part', value: 'jose' },
      { kind: 'name-part', value: 'doe' },
      { kind: 'name-part', value: 'smith' },
      { kind: 'dob', value: '1990-01-02' },
      { kind: 'dob-year', value: '1990' },
      { kind: 'member-id', value: 'W123456789' },
    ]);
    expect(searchTermsOf(request(null, null, null))).toEqual([]);
  });

  test('a caller\'s words become the same terms; filler words are dropped; senders kept apart', () => {
    expect(parseSearchQuery('the VOB for Jane Doe, born 1990')).toEqual({
      terms: [
        { kind: 'name-part', value: 'jane' },
        { kind: 'name-part', value: 'doe' },
        { kind: 'dob-year', value: '1990' },
      ],
      senders: [],
    });
    expect(parseSearchQuery('doe 01/02/1990 W123-456789 Intake@Sunrise.test')).toEqual({
      terms: [
        { kind: 'name-part', value: 'doe' },
        { kind: 'dob', value: '1990-01-02' },
        { kind: 'member-id', value: 'W123456789' },
      ],
      senders: ['intake@sunrise.test'],
    });
    expect(parseSearchQuery('the vob for')).toEqual({ terms: [], senders: [] });
  });

  test('dates: ISO and US forms, impossible dates refused', () => {
    expect(parseSearchDate('1990-1-2')).toBe('1990-01-02');
    expect(parseSearchDate('1/2/1990')).toBe('1990-01-02');
    expect(parseSearchDate('02/30/1990')).toBeNull();
    expect(parseSearchDate('1990')).toBeNull();
  });

  test('hash material is prefixed by kind, so a year never equals a member ID "1990"', () => {
    expect(searchKeyMaterial({ kind: 'dob-year', value: '1990' })).not.toBe(searchKeyMaterial({ kind: 'member-id', value: '1990' }));
  });
});
