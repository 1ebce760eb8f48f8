import { eligibilityRejectedTask } from '../../../src/domain/tasks';
import { matchInquiry, memberKeyMaterial } from '../../../src/domain/x12/eligibility-matching';

describe('matching a 271 loop to the inquiry it answers', () => {
  const sent = [
    { traceNumber: '7-1', memberKey: 'k1' },
    { traceNumber: '7-2', memberKey: 'k2' },
    { traceNumber: '8-9', memberKey: 'k2' },
  ];

  it('prefers the echoed trace, then the latest inquiry for the member', () => {
    expect(matchInquiry({ traceNumber: '7-2', memberKey: 'k1' }, sent)).toEqual({ inquiry: sent[1], matchedBy: 'trace' });
    expect(matchInquiry({ traceNumber: null, memberKey: 'k2' }, sent)).toEqual({ inquiry: sent[2], matchedBy: 'member' });
    expect(matchInquiry({ traceNumber: 'other', memberKey: 'k1' }, sent)).toEqual({ inquiry: sent[0], matchedBy: 'member' });
    expect(matchInquiry({ traceNumber: 'other', memberKey: null }, sent)).toBeNull();
  });

  it('keys a member by ID (spacing and case aside) and birth date', () => {
    expect(memberKeyMaterial('w 123-456', '1990-01-02')).toBe(memberKeyMaterial('W123456', '1990-01-02'));
    expect(memberKeyMaterial('W123456', null)).toBeNull();
    expect(memberKeyMaterial(null, '1990-01-02')).toBeNull();
  });
});

describe('eligibilityRejectedTask', () => {
  it('states the payer reasons in words, once each, with no values from the request', () => {
    const task = eligibilityRejectedTask({
      requestId: '12',
      inboundMessageId: '3',
      rejections: [
        { code: '72', reason: 'Invalid/Missing Subscriber/Insured ID', followUp: 'Please Correct and Resubmit' },
        { code: '72', reason: 'Invalid/Missing Subscriber/Insured ID', followUp: 'Please Correct and Resubmit' },
        { code: '42', reason: 'Unable to Respond at Current Time', followUp: null },
      ],
      now: new Date('2026-12-07T09:00:00Z'),
    });
    expect(task).toMatchObject({ kind: 'eligibility-rejected', subjectKey: 'request:12', status: 'open', priority: 2, dueAt: new Date('2026-12-07T17:00:00Z') });
    expect(task.reason).toBe('The payer rejected the eligibility inquiry: 72 Invalid/Missing Subscriber/Insured ID (Please Correct and Resubmit); 42 Unable to Respond at Current Time');
  });
});
