import { parseMessage, DEFAULT_MIME_LIMITS } from '../../../src/adapters/mime-parser';
import { MessageRejectedError } from '../../../src/adapters/message-rejected-error';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));

async function rejection(raw: Buffer, limits = DEFAULT_MIME_LIMITS): Promise<MessageRejectedError> {
  try {
    await parseMessage(raw, limits);
  } catch (err) {
    if (err instanceof MessageRejectedError) return err;
    throw err;
  }
  throw new Error('expected the message to be refused');
}

describe('parseMessage', () => {
  it('reads headers, RFC 2047 subject and a windows-1252 body', async () => {
    const raw = Buffer.concat([
      crlf([
        'From: "Ren\u00e9e Ortiz" <Intake@Harbor.test>',
        'To: verification@vob.test',
        'Subject: =?UTF-8?B?Vk9CIHJlcXVlc3Qg4oCTIG5ldyBhZG1pdA==?=',
        'Message-ID: <m1@harbor.test>',
        'Auto-Submitted: no',
        'Content-Type: text/plain; charset=windows-1252',
        'Content-Transfer-Encoding: 8bit',
        '',
        '',
      ]),
      Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0x4a, 0x6f, 0x73, 0xe9, 0x20, 0x96, 0x20, 0x4c, 0x75, 0x6e, 0x61]),
    ]);
    const message = await parseMessage(raw);
    expect(message.from).toBe('intake@harbor.test');
    expect(message.subject).toBe('VOB request \u2013 new admit');
    expect(message.messageId).toBe('<m1@harbor.test>');
    expect(message.text).toBe('Name: Jos\u00e9 \u2013 Luna');
    expect(message.headers).toContainEqual({ name: 'auto-submitted', value: 'no' });
    expect(message.contentType).toBe('text/plain');
  });

  it('opens an attached message/rfc822: its body and attachments count', async () => {
    const inner = crlf([
      'From: Front Desk <desk@harbor.test>',
      'Subject: new admit',
      'Content-Type: multipart/mixed; boundary="in"',
      '',
      '--in',
      'Content-Type: text/plain',
      '',
      'DOB: 02/03/1991',
      '--in',
      'Content-Type: image/png',
      'Content-Disposition: attachment; filename="card-front.png"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('not really a png').toString('base64'),
      '--in--',
      '',
    ]);
    const raw = crlf([
      'From: intake@harbor.test',
      'Subject: Fwd: new admit',
      'Content-Type: multipart/mixed; boundary="out"',
      '',
      '--out',
      'Content-Type: text/plain',
      '',
      'See below.',
      '--out',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment; filename="fwd.eml"',
      '',
      inner.toString(),
      '--out--',
      '',
    ]);
    const message = await parseMessage(raw);
    expect(message.text).toContain('See below.');
    expect(message.text).toContain('---------- Forwarded message ---------');
    expect(message.text).toContain('DOB: 02/03/1991');
    expect(message.attachments.map((a) => a.filename)).toEqual(['card-front.png']);
  });

  it('refuses a file that is not a message', async () => {
    expect((await rejection(Buffer.alloc(0))).code).toBe('not-a-message');
    expect((await rejection(Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR'))).code).toBe('not-a-message');
    expect((await rejection(Buffer.from('Dear team, please verify.\n'))).code).toBe('not-a-message');
    expect((await rejection(Buffer.from('X-Custom: 1\n\nbody'))).code).toBe('not-a-message');
  });

  it('refuses an oversized message before parsing it', async () => {
    const raw = crlf(['From: a@harbor.test', 'Subject: big', '', 'x'.repeat(2000)]);
    const err = await rejection(raw, { ...DEFAULT_MIME_LIMITS, maxMessageBytes: 1000 });
    expect(err.code).toBe('message-too-large');
  });

  it('refuses a MIME bomb by part count and by depth', async () => {
    const parts = Array.from({ length: 400 }, () => '--b\r\nContent-Type: text/plain\r\n\r\nx').join('\r\n');
    const wide = Buffer.from(`From: a@harbor.test\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${parts}\r\n--b--\r\n`);
    expect((await rejection(wide)).code).toBe('too-many-parts');

    let body = 'leaf';
    for (let depth = 0; depth < 40; depth += 1) {
      body = `Content-Type: multipart/mixed; boundary="d${depth}"\r\n\r\n--d${depth}\r\n${body}\r\n--d${depth}--`;
    }
    const deep = Buffer.from(`From: a@harbor.test\r\n${body}\r\n`);
    expect((await rejection(deep)).code).toBe('mime-too-deep');
  });

  it('reads a request attached as a text file before the covering note, but not a vCard', async () => {
    const raw = crlf([
      'From: intake@center.test',
      'To: verification@vob.test',
      'Subject: VOB request - see attached',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'The export is attached.',
      '--b',
      'Content-Type: text/plain; charset=us-ascii; name="vob.txt"',
      'Content-Disposition: attachment; filename="vob.txt"',
      '',
      '[CLIENT]',
      'FullName=Ada Penrose',
      '--b',
      'Content-Type: text/vcard; name="me.vcf"',
      'Content-Disposition: attachment; filename="me.vcf"',
      '',
      'BEGIN:VCARD',
      'FN:Jo Reyes',
      'END:VCARD',
      '--b--',
      '',
    ]);
    const message = await parseMessage(raw, DEFAULT_MIME_LIMITS);
    expect(message.text).toBe('[CLIENT]\nFullName=Ada Penrose\n\nThe export is attached.');
  });

  it('reads a CSV export as tab-separated rows, an .rtf form and a .txt sent as octet-stream, each in its own charset', async () => {
    const part = (headers: string[], body: string[]) => ['--b', ...headers, '', ...body];
    const raw = Buffer.concat([
      crlf([
        'From: intake@center.test',
        'To: verification@vob.test',
        'Subject: VOBs attached',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        ...part(['Content-Type: text/plain'], ['Two attached.']),
        ...part(['Content-Type: text/csv; name="vobs.csv"', 'Content-Disposition: attachment; filename="vobs.csv"'], ['Client Name,DOB,Address', '"Penrose, Ada",01/02/1990,"4 Elm St, Ames, IA 50010"']),
        ...part(['Content-Type: application/rtf; name="form.rtf"', 'Content-Disposition: attachment; filename="form.rtf"'], ["{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 Client: Jos\\'e9 Luna\\par DOB: 3/3/1980\\par}"]),
        '--b',
        'Content-Type: application/octet-stream; name="notes.txt"; charset=iso-8859-1',
        'Content-Disposition: attachment; filename="notes.txt"',
        '',
        '',
      ]),
      Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0x52, 0x65, 0x6e, 0xe9, 0x65]),
      crlf(['', '--b--', '']),
    ]);
    const message = await parseMessage(raw, DEFAULT_MIME_LIMITS);
    expect(message.text).toContain('Client Name\tDOB\tAddress\nPenrose, Ada\t01/02/1990\t4 Elm St, Ames, IA 50010');
    expect(message.text).toContain('Client: José Luna\nDOB: 3/3/1980');
    expect(message.text).toContain('Name: Renée');
    expect(message.text.endsWith('Two attached.')).toBe(true);
  });
});

