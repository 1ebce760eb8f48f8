/**
 * multipart/form-data, as a browser posts a file form: each part's name → its text, or its
 * bytes when it is a file. Enough for the 271 upload (a CSRF field and one file); a body that
 * is not well formed is null (the route answers 400). The first part of a name wins.
 */
export type MultipartFields = Record<string, string | Buffer>;

export function parseMultipart(body: Buffer, contentType: string): MultipartFields | null {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  if (!m) return null;
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`, 'latin1');
  const delimiter = Buffer.concat([Buffer.from('\r\n'), boundary]);
  // No prototype: a part named __proto__ is just a field.
  const out: MultipartFields = Object.create(null) as MultipartFields;
  let pos = body.indexOf(boundary);
  if (pos !== 0) return null;
  for (;;) {
    pos += boundary.length;
    const after = body.subarray(pos, pos + 2).toString('latin1');
    if (after === '--') return out;
    if (after !== '\r\n') return null;
    const headerEnd = body.indexOf('\r\n\r\n', pos + 2);
    if (headerEnd < 0) return null;
    const headers = body.subarray(pos + 2, headerEnd).toString('latin1');
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next < 0) return null;
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? '';
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (name !== undefined && !(name in out)) {
      const content = body.subarray(headerEnd + 4, next);
      out[name] = /;\s*filename=/i.test(disposition) ? Buffer.from(content) : content.toString('utf8');
    }
    pos = next + 2;
  }
}
