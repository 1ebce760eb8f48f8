import { splitBodySegments, splitSignature } from '../../../src/domain/mime/body-segments';

describe('splitBodySegments', () => {
  it('separates new text from a Gmail quoted reply', () => {
    const segs = splitBodySegments('DOB: 1/3/90\n\nOn Tue, Jan 14, 2025 at 4:02 PM Jane <j@x.test> wrote:\n> Name: Kim\n> DOB: 1/3/38\n');
    expect(segs.map((s) => [s.kind, s.depth, s.lines.filter((l) => l.trim())])).toEqual([
      ['new', 0, ['DOB: 1/3/90']],
      ['reply', 1, ['Name: Kim', 'DOB: 1/3/38']],
    ]);
    expect(segs[1]?.header[0]).toMatch(/wrote:$/);
  });
  it('handles an attribution wrapped over two lines and nested quotes', () => {
    const segs = splitBodySegments('ok\nOn Mon, Jan 13, 2025 at 9:41 AM Leo Park <leo@x.test>\nwrote:\n> newer\n> > older\n');
    expect(segs.map((s) => s.lines.join('|'))).toEqual(['ok', 'newer', 'older']);
  });
  it('splits Outlook header blocks and Gmail forward markers', () => {
    const text = [
      'See below', '', '________________________________', 'From: A <a@x.test>', 'Sent: Tuesday', 'To: B', 'Subject: FW: VOB', '', 'Name: One',
      '', '---------- Forwarded message ---------', 'From: C <c@x.test>', 'Date: Mon', 'Subject: VOB', 'To: <d@x.test>', '', '', 'Name: Two',
    ].join('\n');
    const segs = splitBodySegments(text);
    expect(segs.map((s) => [s.kind, s.lines.filter((l) => l.trim()).join('|')])).toEqual([
      ['new', 'See below'],
      ['forward', 'Name: One'],
      ['forward', 'Name: Two'],
    ]);
  });
  it('treats unquoted text after a quote as the replier\'s own (bottom posting)', () => {
    const segs = splitBodySegments('> Name: Abby\n> Address: pending\n\nAddress: 77 Hill St\n');
    expect(segs[0]?.lines.filter((l) => l.trim())).toEqual(['Address: 77 Hill St']);
    expect(segs[1]?.lines).toEqual(['Name: Abby', 'Address: pending']);
  });
  it('"-----Original Message-----" starts an older message', () => {
    const segs = splitBodySegments('new\n-----Original Message-----\nFrom: X\nSent: Y\nTo: Z\nSubject: VOB\n\nName: Old\n');
    expect(segs.map((s) => s.kind)).toEqual(['new', 'reply']);
  });
});

describe('help-desk notifications', () => {
  it('reads a ticket\'s comments, newest first, as the new text and older messages, without the tool\'s banner', () => {
    const text = [
      'Ticket #88 has been assigned to your group',
      '##- Please type your reply above this line -##',
      '',
      'Lena Ortiz (Pine Hill Recovery) wrote on Tue, 3 Nov 2026 at 9:10 AM:',
      '',
      'Adding the plan phone: 1-800-555-0111.',
      '',
      '----------------------------------------------',
      '',
      'Marta Cole',
      '',
      'Nov 2, 2026, 22:48 EST',
      '',
      'Name: Marta Cole',
      'My son Eli Cole needs a bed.',
    ].join('\n');
    const segs = splitBodySegments(text);
    expect(segs.map((s) => s.kind)).toEqual(['new', 'reply']);
    expect(segs[0]!.lines.join(' ')).toMatch(/^\s*Adding the plan phone/);
    expect(segs[0]!.lines.join(' ')).not.toMatch(/assigned|wrote on/);
    expect(segs[1]!.header[0]).toBe('From: Marta Cole');
    expect(segs[1]!.lines).toContain('Name: Marta Cole');
  });

  it('leaves mail without the help desk\'s marker as it is', () => {
    expect(splitBodySegments('Name: Jane\n----------------------------------------------\nMarta Cole\nNov 2, 2026\nName: Eli')).toHaveLength(1);
  });
});

describe('splitSignature', () => {
  it('cuts at a sign-off followed by contact lines', () => {
    const { lines, signature } = splitSignature(['Name: Jane', 'Ins: Aetna', '', 'Thanks,', 'Amy', 'Harbor Recovery', 'Phone: 619-555-0142', 'Fax: 619-555-0143']);
    expect(lines).toEqual(['Name: Jane', 'Ins: Aetna', '']);
    expect(signature[0]).toBe('Thanks,');
  });
  it('does not cut at an opening "Thank you!" followed by request data', () => {
    const { lines } = splitSignature(['Thank you!', 'Name: Jane', 'DOB: 1/2/90']);
    expect(lines).toHaveLength(3);
  });
  it('cuts at "-- " and at a trailing contact block without sign-off words', () => {
    expect(splitSignature(['Name: Jane', '-- ', 'Amy', '555']).lines).toEqual(['Name: Jane']);
    expect(splitSignature(['Name: Jane', '', 'Amy Brooks | Intake', 'P: (619) 555-0142', 'www.harbor.test']).lines).toEqual(['Name: Jane', '']);
  });
});

describe('a closing with an endearment (seventh fortnight set)', () => {
  it('takes "Thanks so much, hon!" as the start of the signature', () => {
    const segs = splitBodySegments('Client: Ada Ruiz\nDOB: 01/09/1991\n\nThanks so much, hon!\n\nKelly Rude\nAdmissions Coordinator\n2100 Belfast Rd | Sparks, MD 21152');
    expect(segs[0]!.lines.join('\n')).not.toContain('Belfast');
  });
});
