import type { VobRequest } from '../../../schemas/vob-record';
import { planRequestTasks, requestStatus, reviewMessageTask } from '../../../src/domain/tasks';

const now = new Date('2026-01-05T10:00:00Z');
const hours = (d: Date) => (d.getTime() - now.getTime()) / 3_600_000;
const req = (missingFields: VobRequest['missingFields'], conflicts: VobRequest['conflicts'] = []) => ({ missingFields, conflicts });

describe('planRequestTasks', () => {
  it('a complete request gets a verify-benefits task and closes awaiting-information', () => {
    const plan = planRequestTasks({ requestId: '7', inboundMessageId: '3', request: req([]), chase: { kind: 'replied' }, now, reminderAfterHours: 24 });
    expect(plan.upsert.map((t) => t.kind)).toEqual(['verify-benefits']);
    expect(plan.upsert[0]).toMatchObject({ subjectKey: 'request:7', status: 'open', priority: 2, requestId: '7' });
    expect(hours(plan.upsert[0]!.dueAt)).toBe(24);
    expect(plan.close).toEqual(['awaiting-information', 'review-conflicts']);
  });

  it('a missing card alone does not hold the request back', () => {
    const plan = planRequestTasks({ requestId: '7', inboundMessageId: '3', request: req(['card']), chase: { kind: 'replied' }, now, reminderAfterHours: 24 });
    expect(plan.upsert[0]!.kind).toBe('verify-benefits');
    expect(plan.upsert[0]!.reason).toMatch(/no copy of the insurance card/);
    expect(requestStatus(req(['card']))).toBe('ready');
  });

  it('an incomplete request waits on the center (paused until the reminder is due), naming fields not values', () => {
    const plan = planRequestTasks({
      requestId: '8', inboundMessageId: '3', request: req(['client.address', 'insurance.memberId']),
      chase: { kind: 'replied' }, now, reminderAfterHours: 48,
    });
    const task = plan.upsert[0]!;
    expect(task).toMatchObject({ kind: 'awaiting-information', status: 'paused', priority: 3 });
    expect(task.reason).toBe('Waiting on the center for: Client Address, ID #');
    expect(task.missingFields).toEqual(['client.address', 'insurance.memberId']);
    expect(hours(task.dueAt)).toBe(48);
    expect(plan.close).toContain('verify-benefits');
    expect(requestStatus(req(['client.address']))).toBe('awaiting-information');
  });

  it('without an automatic reply the awaiting task is open for staff to chase', () => {
    const plan = planRequestTasks({
      requestId: '9', inboundMessageId: '3', request: req(['client.dob']),
      chase: { kind: 'not-replied', reason: 'sender-not-allowed' }, now, reminderAfterHours: 24,
    });
    expect(plan.upsert[0]).toMatchObject({ status: 'open', priority: 2 });
    expect(plan.upsert[0]!.reason).toMatch(/No automatic reply \(sender-not-allowed\)/);
  });

  it('conflicts add a review-conflicts task naming the fields only', () => {
    const plan = planRequestTasks({
      requestId: '5', inboundMessageId: '3',
      request: req([], [{ field: 'insurance.memberId', body: 'W1', card: 'W2' }]),
      chase: { kind: 'replied' }, now, reminderAfterHours: 24,
    });
    const conflict = plan.upsert.find((t) => t.kind === 'review-conflicts')!;
    expect(conflict.reason).toBe('Message body and insurance card disagree on: insurance.memberId');
    expect(conflict.reason).not.toMatch(/W1|W2/);
    expect(plan.close).not.toContain('review-conflicts');
  });
});

describe('reviewMessageTask', () => {
  it('is the most urgent kind, keyed by the inbound message', () => {
    const task = reviewMessageTask({ inboundMessageId: '42', code: 'too-many-parts', now });
    expect(task).toMatchObject({ kind: 'review-message', subjectKey: 'message:42', priority: 1, status: 'open', requestId: null });
    expect(task.reason).toMatch(/\[too-many-parts\]$/);
    expect(hours(task.dueAt)).toBe(4);
  });
});
