import { extractMessage } from '../../../src/pipeline/extract-message';
import { decideReply, isAutomatedMessage, isAutomaticAnswer, isCalendarInvitation, relayedSender, type ReplyPolicy } from '../../../src/domain/reply-decision';
import type { MessageHeader } from '../../../src/domain/mime/parsed-message';
import type { VobRequest } from '../../../schemas/vob-record';

const policy: ReplyPolicy = { ownAddresses: ['verification@vob.test'], allowedSenderDomains: [] };

function request(missing: VobRequest['missingFields']): VobRequest {
  return {
    client: { name: 'Ada Vance', dob: '1990-01-02', address: null },
    insurance: { payerName: 'Aetna', memberId: 'W1', groupNumber: null, phone: null },
    subscriber: { name: 'Ada Vance', relationship: 'self' },
    referredBy: 'Harbor Light Recovery',
    card: { attached: false, sides: [], fields: null },
    missingFields: missing,
    conflicts: [],
  };
}

function decide(headers: MessageHeader[], opts: { from?: string | null; contentType?: string; requests?: VobRequest[] } = {}) {
  return decideReply(
    {
      from: opts.from === undefined ? 'intake@harbor.test' : opts.from,
      contentType: opts.contentType ?? 'text/plain',
      headers,
      requests: opts.requests ?? [request(['client.address'])],
    },
    policy,
  );
}

describe('decideReply', () => {
  it('answers an incomplete request from a person', () => {
    expect(decide([])).toEqual({ send: true, reason: 'missing-fields' });
  });

  it('does not answer when only the card is missing', () => {
    expect(decide([], { requests: [request(['card'])] })).toEqual({ send: false, reason: 'complete' });
    expect(decide([], { requests: [request([])] })).toEqual({ send: false, reason: 'complete' });
  });

  it('answers when any of several requests lacks a field', () => {
    expect(decide([], { requests: [request([]), request(['client.dob', 'card'])] })).toEqual({ send: true, reason: 'missing-fields' });
  });

  it.each([
    [[{ name: 'auto-submitted', value: 'auto-replied' }]],
    [[{ name: 'auto-submitted', value: 'auto-generated; owner-email="x@y.test"' }]],
    [[{ name: 'x-auto-response-suppress', value: 'All' }]],
    [[{ name: 'return-path', value: '<>' }]],
  ])('never answers automated mail %j', (headers) => {
    expect(decide(headers)).toEqual({ send: false, reason: 'auto-submitted' });
  });

  it('answers mail that says Auto-Submitted: no', () => {
    expect(decide([{ name: 'auto-submitted', value: 'no' }])).toEqual({ send: true, reason: 'missing-fields' });
  });

  it('never answers delivery reports or mailer daemons, with or without Auto-Submitted', () => {
    expect(decide([], { contentType: 'multipart/report' }).reason).toBe('auto-submitted');
    expect(decide([], { from: 'MAILER-DAEMON@mx.harbor.test' }).reason).toBe('auto-submitted');
    expect(decide([], { from: 'postmaster@harbor.test' }).reason).toBe('auto-submitted');
    expect(decide([], { from: null }).reason).toBe('auto-submitted');
  });

  it.each([
    [[{ name: 'precedence', value: 'bulk' }]],
    [[{ name: 'precedence', value: 'list' }]],
    [[{ name: 'precedence', value: 'junk' }]],
    [[{ name: 'list-id', value: '<intake.harbor.test>' }]],
    [[{ name: 'list-unsubscribe', value: '<mailto:u@harbor.test>' }]],
  ])('never answers bulk or list mail %j', (headers) => {
    expect(decide(headers)).toEqual({ send: false, reason: 'bulk-or-list' });
  });

  it('never answers our own address', () => {
    expect(decide([], { from: 'verification@vob.test' })).toEqual({ send: false, reason: 'sender-not-allowed' });
  });

  it('applies the sender allow-list by domain and subdomain', () => {
    const restricted: ReplyPolicy = { ownAddresses: [], allowedSenderDomains: ['harbor.test'] };
    const input = { contentType: 'text/plain', headers: [], requests: [request(['client.dob'])] };
    expect(decideReply({ ...input, from: 'a@harbor.test' }, restricted).send).toBe(true);
    expect(decideReply({ ...input, from: 'a@east.harbor.test' }, restricted).send).toBe(true);
    expect(decideReply({ ...input, from: 'a@evilharbor.test' }, restricted)).toEqual({ send: false, reason: 'sender-not-allowed' });
  });

  it('does not answer mail that is not a request', () => {
    expect(decide([], { requests: [] })).toEqual({ send: false, reason: 'not-a-request' });
  });
});

describe('isCalendarInvitation', () => {
  it('knows an invitation by its iCalendar part, top-level or attached', () => {
    expect(isCalendarInvitation({ contentType: 'multipart/mixed', attachments: [{ contentType: 'text/calendar' }] })).toBe(true);
    expect(isCalendarInvitation({ contentType: 'text/calendar', attachments: [] })).toBe(true);
    expect(isCalendarInvitation({ contentType: 'multipart/mixed', attachments: [{ contentType: 'application/ics' }] })).toBe(true);
    expect(isCalendarInvitation({ contentType: 'multipart/mixed', attachments: [{ contentType: 'image/jpeg' }] })).toBe(false);
  });
});

describe('isAutomaticAnswer', () => {
  const input = (from: string, headers: MessageHeader[] = []) => ({ from, contentType: 'text/plain', headers });
  it('is an answer to other mail (never a request): auto-replied, bounces, auto-reply senders', () => {
    expect(isAutomaticAnswer(input('a@c.test', [{ name: 'auto-submitted', value: 'auto-replied' }]))).toBe(true);
    expect(isAutomaticAnswer(input('MAILER-DAEMON@mx.c.test'))).toBe(true);
    expect(isAutomaticAnswer(input('autoreply@c.test'))).toBe(true);
  });
  it('is not a CRM or web-form notification, which may carry a request but is never answered', () => {
    const crm = input('no-reply@crm.c.test', [{ name: 'auto-submitted', value: 'auto-generated' }]);
    expect(isAutomaticAnswer(crm)).toBe(false);
    expect(isAutomatedMessage(crm)).toBe(true);
    expect(isAutomaticAnswer(input('donotreply@forms.c.test'))).toBe(false);
    expect(isAutomatedMessage(input('donotreply@forms.c.test'))).toBe(true);
  });
});

describe('a person relayed by a no-reply sender', () => {
  const person = { address: 'Dana@Center.test', name: 'Dana Lee' };
  it('is the sender when From is a no-reply address and Reply-To names a person', () => {
    expect(relayedSender({ from: 'noreply@forms.test', replyTo: person })).toEqual({ address: 'dana@center.test', name: 'Dana Lee' });
  });
  it('is not when From is a person, Reply-To is missing, or Reply-To is itself a machine', () => {
    expect(relayedSender({ from: 'intake@center.test', replyTo: person })).toBeNull();
    expect(relayedSender({ from: 'no-reply@forms.test', replyTo: null })).toBeNull();
    expect(relayedSender({ from: 'do-not-reply@forms.test', replyTo: { address: 'noreply@forms.test', name: null } })).toBeNull();
    expect(relayedSender({ from: 'noreply@forms.test', replyTo: { address: 'mailer-daemon@forms.test', name: null } })).toBeNull();
  });

  it('is answered through the pipeline: from is the person, relayedBy the relay', async () => {
    const raw = Buffer.from(
      'From: Forms <noreply@forms.test>\r\nReply-To: Dana Lee <dana@center.test>\r\nTo: verification@vob.test\r\nSubject: New submission\r\nMessage-ID: <f1@forms.test>\r\n\r\n' +
        'Client Name: Opal Brennan\r\nDate of Birth: 07/08/1971\r\nInsurance: Aetna\r\nMember ID: W55501234\r\nReferred by: Harbor Center\r\n',
    );
    const { document } = await extractMessage(raw, { cardReader: { readAttachment: async () => [] }, replyPolicy: { ownAddresses: [], allowedSenderDomains: [] } });
    expect(document.from).toBe('dana@center.test');
    expect(document.relayedBy).toBe('noreply@forms.test');
    expect(document.reply).toEqual({ send: true, reason: 'missing-fields' });
  });
});
