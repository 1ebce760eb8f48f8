import { mentionedNameTokens, namesClient, relatedMessageTask } from '../../../src/domain/related-mail';
import { extractMessage } from '../../../src/pipeline/extract-message';

describe('mail about a request that is not one', () => {
  it('collects capitalised name words without greetings, in any case style', () => {
    const tokens = mentionedNameTokens('Re: status', 'Hi team,\nAny update on JOSÉ de la Peña-Ruiz and Ana O’Neil? Thanks');
    expect(tokens).toEqual(expect.arrayContaining(['jose', 'pena', 'ruiz', 'ana', 'neil']));
    expect(tokens).not.toContain('hi');
    expect(tokens).not.toContain('thanks');
    expect(tokens).not.toContain('team'); // lower case in the text
  });

  it('names a client only with the first and the last word of the name', () => {
    const mentioned = new Set(mentionedNameTokens(null, 'Checking on DOE, JANE please'));
    expect(namesClient('Jane Q. Doe', mentioned)).toBe(true);
    expect(namesClient('Jane Smith', mentioned)).toBe(false);
    expect(namesClient('Jane', mentioned)).toBe(false);
    expect(namesClient(null, mentioned)).toBe(false);
  });

  it('opens a review task for what asks something of staff, tied to the request it joined', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const joined = relatedMessageTask({ inboundMessageId: '7', requestId: '3', intent: 'cancellation', now });
    expect(joined).toMatchObject({ kind: 'review-message', subjectKey: 'message:7', requestId: '3' });
    expect(joined!.reason).toMatch(/cancels this request.*\[cancellation\]$/);
    expect(relatedMessageTask({ inboundMessageId: '7', requestId: null, intent: 'status-inquiry', now })!.reason).toMatch(/matched no open request/);
    for (const intent of ['thanks', 'read-receipt', 'recall', 'notice'] as const) {
      expect(relatedMessageTask({ inboundMessageId: '7', requestId: '3', intent, now })).toBeNull();
    }
  });

  it('comes out of extraction for a status question and not for a request', async () => {
    const mail = (body: string) =>
      Buffer.from(`From: a@center.test\r\nTo: verification@vob.test\r\nSubject: VOB\r\nMessage-ID: <m@center.test>\r\n\r\n${body}`);
    const deps = { cardReader: { readAttachment: async () => [] }, replyPolicy: { ownAddresses: [], allowedSenderDomains: [] } };
    const status = await extractMessage(mail('Any update on Lena Fairweather? Thanks'), deps);
    expect(status.document.requests).toEqual([]);
    expect(status.relation).toMatchObject({ intent: 'status-inquiry' });
    expect(status.relation!.nameTokens).toEqual(expect.arrayContaining(['lena', 'fairweather']));
    const request = await extractMessage(
      mail('Please verify benefits.\nClient Name: Lena Fairweather\nDOB: 01/02/1990\nInsurance: Aetna\nMember ID: W1234567\n'),
      deps,
    );
    expect(request.document.requests).toHaveLength(1);
    expect(request.relation).toBeNull();
  });
});
