/** The request page shows where each field came from; a record stored before that renders with "—". */
import type { VobRequest } from '../../../schemas/vob-record';
import { emptyWorksheet } from '../../../src/domain/verification';
import { renderRequestPage } from '../../../src/http/request-page';
import type { RequestView } from '../../../src/use-cases/staff-views';

const REQUEST: VobRequest = {
  client: { name: 'Nora Ellison', dob: '1984-07-09', address: null },
  insurance: { payerName: 'Aetna', memberId: 'W555000111', groupNumber: null, phone: '+18005550199' },
  subscriber: { name: 'Nora Ellison', relationship: 'self' },
  referredBy: 'Tidewater Recovery',
  card: {
    attached: true,
    sides: ['front', 'back'],
    fields: { payerName: 'Aetna', memberId: 'W555000111', groupNumber: null, memberName: null, rxBin: null, rxPcn: null, rxGroup: null, phones: [{ label: 'Member Services', number: '+18885550101' }, { label: 'Provider Services', number: '+18005550199' }] },
    fieldConfidence: { payerName: 96, memberId: 88, phones: [90, 84] },
  },
  missingFields: ['client.address'],
  conflicts: [],
  sources: { 'client.name': 'body', 'client.dob': 'correction', 'insurance.payerName': 'body', 'insurance.memberId': 'card', 'insurance.phone': 'card', 'subscriber.name': 'body', 'subscriber.relationship': 'body', referredBy: 'answer' },
};

function view(request: VobRequest): RequestView {
  const at = new Date('2026-03-02T10:00:00Z');
  return {
    id: '7', status: 'awaiting-information', inboundMessageId: '3', requestIndex: 0, fromAddress: 'intake@center.test', reminderCount: 0, nextReminderAt: null, createdAt: at, updatedAt: at,
    request, missing: [{ field: 'client.address', askedAs: 'Client Address' }], attachments: [], thread: [], replies: [], tasks: [],
    corrections: [{ field: 'client.dob', previous: '1984-07-08', value: '1984-07-09', by: 'biller@staff.test', at }],
  };
}

const render = (request: VobRequest) =>
  renderRequestPage(view(request), new Date('2026-03-02T11:00:00Z'), { userId: '1', email: 'biller@staff.test', role: 'biller', csrf: 'x' }, { verifications: [], eligibilityDrafts: [], form: { worksheet: emptyWorksheet(), source: 'empty', eligibilityResponseId: null } });

const label = (html: string, field: string) => new RegExp(`<span class="source [a-z]+" data-field="${field.replace('.', '\\.')}"[^>]*>([^<]*)</span>`).exec(html)?.[1];

describe('request page sources', () => {
  it('labels each field with its source, card fields with their OCR confidence, corrections with who and when', () => {
    const page = render(REQUEST);
    expect(label(page, 'client.name')).toBe('body');
    expect(label(page, 'insurance.memberId')).toBe('card · OCR 88%');
    // The phone's confidence is that of the card phone it is (the second).
    expect(label(page, 'insurance.phone')).toBe('card · OCR 84%');
    expect(label(page, 'referredBy')).toBe('answer');
    expect(label(page, 'client.dob')).toBe('correction · biller@staff.test, 2026-03-02 10:00Z');
    // No value, no source.
    expect(label(page, 'insurance.groupNumber')).toBe('—');
  });

  it('renders a record stored before sources were kept, with "—" for every source', () => {
    const { sources: _none, ...old } = REQUEST;
    const { fieldConfidence: _c, ...card } = REQUEST.card;
    const page = render({ ...old, card });
    for (const field of ['client.name', 'client.dob', 'insurance.memberId', 'insurance.phone', 'referredBy']) expect(label(page, field)).toBe('—');
    expect(page).toContain('W555000111');
  });
});
