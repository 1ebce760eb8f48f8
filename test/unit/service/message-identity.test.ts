import { messageIdentity } from '../../../src/domain/message-identity';

const base = [
  'From: Intake Team <Intake@Center.test>',
  'To: verification@vob.test',
  'Subject: VOB request',
  'Message-ID: <abc-1@center.test>',
  '',
  'Client Name: X',
  '',
].join('\r\n');

describe('messageIdentity', () => {
  it('keys a message by its Message-ID and reads the bare sender address', () => {
    const id = messageIdentity(Buffer.from(base));
    expect(id.messageId).toBe('<abc-1@center.test>');
    expect(id.dedupeKey).toBe('mid:<abc-1@center.test>');
    expect(id.fromAddress).toBe('intake@center.test');
    expect(id.looksLikeMessage).toBe(true);
  });

  it('hashes a message without Message-ID ignoring trace headers and line endings', () => {
    const noId = base.replace('Message-ID: <abc-1@center.test>\r\n', '');
    const delivered = `Return-Path: <a@b.test>\r\nDelivered-To: verification@vob.test\r\nReceived: from x\r\n  by y; Mon\r\nX-Spam: no\r\n${noId}`;
    const a = messageIdentity(Buffer.from(noId));
    const b = messageIdentity(Buffer.from(delivered.replace(/\r\n/g, '\n')));
    expect(a.dedupeKey).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(b.dedupeKey).toBe(a.dedupeKey);
    const other = messageIdentity(Buffer.from(noId.replace('Client Name: X', 'Client Name: Y')));
    expect(other.dedupeKey).not.toBe(a.dedupeKey);
  });

  it('unfolds a folded Message-ID and flags bytes that are not a message', () => {
    const folded = messageIdentity(Buffer.from('Subject: x\r\nMessage-ID:\r\n <folded@x.test>\r\n\r\nbody'));
    expect(folded.messageId).toBe('<folded@x.test>');
    expect(messageIdentity(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0])).looksLikeMessage).toBe(false);
    expect(messageIdentity(Buffer.alloc(0)).looksLikeMessage).toBe(false);
  });

  it('reports the header block length so an oversized message can keep only its headers', () => {
    const id = messageIdentity(Buffer.from(base));
    expect(Buffer.from(base).subarray(0, id.headerBytes).toString()).toMatch(/Message-ID: <abc-1@center.test>\r\n\r\n$/);
  });
});
