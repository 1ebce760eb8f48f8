/** Answers written under the quoted lines of our reply, in wording of their own. */
import { extractBody } from '../../../src/domain/body/extract-body';

it('reads an answer written under each quoted prompt of our reply as the sender\'s statement', () => {
  const text = [
    'see answers below',
    '',
    'On Tue, Mar 3, 2026 at 9:00 AM Verification <verification@billing.test> wrote:',
    '> We still need the following:',
    '> Subscriber Name',
    'Omar Haddad',
    '> Subscriber Relationship',
    'father',
    '> Copy of the Insurance Card',
    'coming Friday with the family',
    '>',
    '> On Mon, Mar 2, 2026 at 8:00 AM Intake <intake@center.test> wrote:',
    '>> Client Name: Lina Haddad',
    '>> DOB: 02/02/2008',
  ].join('\n');
  const [request] = extractBody(text, { subject: 'Re: VOB', from: 'intake@center.test', fromName: null, referenceDate: '2026-03-03T10:00:00Z', isReply: true }).requests;
  expect(request?.client.name).toBe('Lina Haddad');
  expect(request?.subscriber).toEqual({ name: 'Omar Haddad', relationship: 'child' });
});
