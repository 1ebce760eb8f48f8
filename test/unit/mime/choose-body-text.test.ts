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

describe('values struck out in the HTML', () => {
  it('reads the HTML, where the struck value is gone, over a plain part that keeps both', () => {
    const { htmlToText, STRUCK_OUT } = jest.requireActual('../../../src/domain/mime/html-to-text');
    const html = '<p>DOB: <s>04/12/1988</s> <span style="color:red">04/21/1988</span></p><p>Phone: <del>800-555-0100</del></p><p>Plan: <span style="text-decoration: line-through">Aetna</span> Cigna</p>';
    expect(STRUCK_OUT.test(html)).toBe(true);
    const text = htmlToText(html) as string;
    expect(text).toContain('04/21/1988');
    expect(text).not.toContain('04/12/1988');
    expect(text).not.toContain('800-555-0100');
    expect(text).not.toContain('Aetna');
    expect(chooseBodyText('DOB: 04/12/1988 04/21/1988', text, true)).toBe(text);
    // A <span> or <strong> is no strike.
    expect(STRUCK_OUT.test('<span>DOB</span><strong>x</strong>')).toBe(false);
  });
});
