import { parseMultipart } from '../../../src/http/multipart';

const CT = 'multipart/form-data; boundary=----b0undary';
const body = (parts: string[]) => Buffer.from(`${parts.map((p) => `------b0undary\r\n${p}\r\n`).join('')}------b0undary--\r\n`, 'latin1');

describe('parseMultipart', () => {
  it('reads text fields and a file part as bytes', () => {
    const fields = parseMultipart(
      body(['Content-Disposition: form-data; name="_csrf"\r\n\r\ntok', 'Content-Disposition: form-data; name="file"; filename="a.271"\r\nContent-Type: application/octet-stream\r\n\r\nISA*00~\r\nGS~']),
      CT,
    )!;
    expect(fields['_csrf']).toBe('tok');
    expect(Buffer.isBuffer(fields['file'])).toBe(true);
    expect((fields['file'] as Buffer).toString('latin1')).toBe('ISA*00~\r\nGS~');
  });

  it('keeps the first part of a name, and a part named __proto__ is only a field', () => {
    const fields = parseMultipart(body(['Content-Disposition: form-data; name="a"\r\n\r\n1', 'Content-Disposition: form-data; name="a"\r\n\r\n2', 'Content-Disposition: form-data; name="__proto__"\r\n\r\nx']), CT)!;
    expect(fields['a']).toBe('1');
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('is null for a body that is not well formed or a missing boundary', () => {
    expect(parseMultipart(Buffer.from('no boundary here'), CT)).toBeNull();
    expect(parseMultipart(body(['Content-Disposition: form-data; name="a"\r\n\r\n1']), 'multipart/form-data')).toBeNull();
    expect(parseMultipart(Buffer.from('------b0undary\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated'), CT)).toBeNull();
  });
});
