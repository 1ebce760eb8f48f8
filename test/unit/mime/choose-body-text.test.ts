import { chooseBodyText } from '../../../src/domain/mime/choose-body-text';

describe('chooseBodyText', () => {
  const html = ['Hello,', 'Name\tAna Ruiz', 'DOB\t1/2/1990', 'Insurance\tAetna', 'Member ID\tW123456789', 'Group\t0012', 'Referred By\tHill House'].join('\n');

  it('reads the plain part when it keeps the lines', () => {
    const plain = ['Hello,', 'Name: Ana Ruiz', 'DOB: 1/2/1990', 'Insurance: Aetna', 'Member ID: W123456789', 'Group: 0012', 'Referred By: Hill House'].join('\n');
    expect(chooseBodyText(plain, html)).toBe(plain);
  });

  it('reads the HTML when the plain part flattened its table into run-together lines', () => {
    const plain = 'Hello, Name Ana Ruiz DOB 1/2/1990 Insurance Aetna Member ID\nW123456789 Group 0012 Referred By Hill House';
    expect(chooseBodyText(plain, html)).toBe(html);
  });

  it('takes whichever part exists', () => {
    expect(chooseBodyText('', html)).toBe(html);
    expect(chooseBodyText('just text', '')).toBe('just text');
  });
});
