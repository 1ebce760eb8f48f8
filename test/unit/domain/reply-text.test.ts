import { buildMissingFieldsReply, replySubject } from '../../../src/domain/reply-text';

const inbound = {
  messageId: '<req-1@harbor.test>',
  references: ['<older@harbor.test>'],
  subject: 'VOB request',
  from: 'intake@harbor.test',
};

describe('buildMissingFieldsReply', () => {
  it('threads the reply and marks it auto-replied', () => {
    const reply = buildMissingFieldsReply(inbound, [['client.dob']], 'Verification team');
    expect(reply.to).toBe('intake@harbor.test');
    expect(reply.subject).toBe('Re: VOB request');
    expect(reply.inReplyTo).toBe('<req-1@harbor.test>');
    expect(reply.references).toEqual(['<older@harbor.test>', '<req-1@harbor.test>']);
    expect(reply.headers['Auto-Submitted']).toBe('auto-replied');
  });

  it('lists exactly the missing items, in the contract order and words', () => {
    const reply = buildMissingFieldsReply(inbound, [['card', 'insurance.phone', 'client.address']], 'Verification team');
    const listed = reply.text.split('\n').filter((l) => l.startsWith('  - '));
    expect(listed).toEqual([
      '  - Client Address',
      '  - Insurance Phone Number',
      '  - Copy of the Insurance Card (front and back, if available)',
    ]);
    expect(reply.text).toContain('Referred By (Treatment Center):');
  });

  it('speaks of several clients by position, never by their data', () => {
    const reply = buildMissingFieldsReply(inbound, [[], ['subscriber.relationship']], 'Verification team');
    expect(reply.text).toContain('For the second client in your message, we still need:');
    expect(reply.text).not.toContain('first client');
  });

  it('keeps an existing Re: prefix and names a request without a subject', () => {
    expect(replySubject('RE: VOB request')).toBe('RE: VOB request');
    expect(replySubject(null)).toBe('Re: Verification of benefits request');
  });
});
