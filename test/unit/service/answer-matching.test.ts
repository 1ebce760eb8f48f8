import type { VobRequest } from '../../../schemas/vob-record';
import { applyAnswer, candidatesFor, clientKeyMaterial, matchAnswers, replyAfterAnswers } from '../../../src/domain/answer-matching';

const t = (s: string) => new Date(s);
const emptyRequest = (): VobRequest => ({
  client: { name: null, dob: null, address: null },
  insurance: { payerName: null, memberId: null, groupNumber: null, phone: null },
  subscriber: { name: null, relationship: null },
  referredBy: null,
  card: { attached: false, sides: [], fields: null },
  missingFields: [],
  conflicts: [],
});

describe('clientKeyMaterial', () => {
  it('uses first and last name tokens and the DOB, ignoring case, accents and middle names', () => {
    expect(clientKeyMaterial('Jane Q. Doe', '1990-01-02')).toBe('jane|doe|1990-01-02');
    expect(clientKeyMaterial('JANE DOE', '1990-01-02')).toBe('jane|doe|1990-01-02');
    expect(clientKeyMaterial('José Núñez', '1990-01-02')).toBe('jose|nunez|1990-01-02');
    expect(clientKeyMaterial('Jane Doe', null)).toBeNull();
    expect(clientKeyMaterial(null, '1990-01-02')).toBeNull();
  });
});

describe('candidatesFor', () => {
  const at = new Date('2026-11-20T10:00:00Z');
  const rows = [
    { requestId: '1', clientKey: 'k-ana', fromAddress: 'intake@alpha.test', threadIds: ['<a1@alpha.test>'], createdAt: at },
    { requestId: '2', clientKey: 'k-ben', fromAddress: 'intake@beta.test', threadIds: [], createdAt: at },
    { requestId: '3', clientKey: null, fromAddress: 'intake@beta.test', threadIds: ['<b1@beta.test>', '<r9@vob.test>'], createdAt: at },
  ];

  it('picks, from rows looked up for several messages, the ones this message names or shares a client with', () => {
    expect(candidatesFor({ threadIds: ['<r9@vob.test>'], clientKeys: ['k-ben'] }, rows)).toEqual([
      { requestId: '2', clientKey: 'k-ben', fromAddress: 'intake@beta.test', inThread: false, createdAt: at },
      { requestId: '3', clientKey: null, fromAddress: 'intake@beta.test', inThread: true, createdAt: at },
    ]);
  });

  it('marks a client-key row in the thread when the message also names its thread', () => {
    expect(candidatesFor({ threadIds: ['<a1@alpha.test>'], clientKeys: ['k-ana'] }, rows).map((c) => [c.requestId, c.inThread])).toEqual([['1', true]]);
  });

  it('gives nothing to a message that names no thread and has no client key', () => {
    expect(candidatesFor({ threadIds: [], clientKeys: [null] }, rows)).toEqual([]);
  });
});

describe('matchAnswers', () => {
  const open = (requestId: string, over: Partial<{ clientKey: string | null; fromAddress: string; inThread: boolean; createdAt: Date }> = {}) => ({
    requestId,
    clientKey: over.clientKey ?? null,
    fromAddress: over.fromAddress ?? 'intake@center.test',
    inThread: over.inThread ?? false,
    createdAt: over.createdAt ?? t('2026-01-01T00:00:00Z'),
  });

  it('a keyless answer in the thread completes the single open request of that thread', () => {
    expect(matchAnswers({ from: 'intake@center.test', requests: [{ index: 0, clientKey: null }], candidates: [open('10', { inThread: true })] })).toEqual([
      { index: 0, requestId: '10' },
    ]);
  });

  it('the same client and DOB from the same center matches outside the thread; another center never does', () => {
    const candidates = [open('10', { clientKey: 'k1' })];
    expect(matchAnswers({ from: 'other@center.test', requests: [{ index: 0, clientKey: 'k1' }], candidates })).toEqual([{ index: 0, requestId: '10' }]);
    expect(matchAnswers({ from: 'x@elsewhere.test', requests: [{ index: 0, clientKey: 'k1' }], candidates })).toEqual([]);
  });

  it('a different client in the thread opens a new request', () => {
    expect(matchAnswers({ from: 'intake@center.test', requests: [{ index: 0, clientKey: 'k2' }], candidates: [open('10', { clientKey: 'k1', inThread: true })] })).toEqual([]);
  });

  it('one keyless answer to a thread with several open requests is ambiguous and matches none', () => {
    const candidates = [open('10', { inThread: true }), open('11', { inThread: true })];
    expect(matchAnswers({ from: 'intake@center.test', requests: [{ index: 0, clientKey: null }], candidates })).toEqual([]);
    expect(
      matchAnswers({ from: 'intake@center.test', requests: [{ index: 0, clientKey: null }, { index: 1, clientKey: null }], candidates }),
    ).toEqual([{ index: 0, requestId: '10' }, { index: 1, requestId: '11' }]);
  });

  it('prefers the thread, then the newest, and matches each open request once', () => {
    const candidates = [
      open('10', { clientKey: 'k1', createdAt: t('2026-01-01T00:00:00Z') }),
      open('11', { clientKey: 'k1', createdAt: t('2026-01-02T00:00:00Z') }),
      open('12', { clientKey: 'k1', inThread: true, createdAt: t('2025-12-01T00:00:00Z') }),
    ];
    expect(
      matchAnswers({ from: 'intake@center.test', requests: [{ index: 0, clientKey: 'k1' }, { index: 1, clientKey: 'k1' }], candidates }),
    ).toEqual([{ index: 0, requestId: '12' }, { index: 1, requestId: '11' }]);
  });
});

describe('applyAnswer', () => {
  it('fills and replaces with newer values, keeps the rest, recomputes missing fields', () => {
    const open: VobRequest = {
      ...emptyRequest(),
      client: { name: 'Jane Doe', dob: '1990-01-02', address: null },
      insurance: { payerName: 'Aetna', memberId: 'W1', groupNumber: null, phone: null },
      conflicts: [{ field: 'insurance.memberId', body: 'W1', card: 'W2' }],
      missingFields: ['client.address', 'insurance.phone', 'subscriber.name', 'subscriber.relationship', 'referredBy', 'card'],
    };
    const answer: VobRequest = {
      ...emptyRequest(),
      client: { name: null, dob: null, address: { line1: '1 Main St', line2: null, city: 'Fresno', state: 'CA', postalCode: '93701' } },
      insurance: { payerName: null, memberId: 'W3', groupNumber: null, phone: '+18005551234' },
      subscriber: { name: 'Jane Doe', relationship: 'self' },
      referredBy: 'Sunrise',
    };
    const merged = applyAnswer(open, answer);
    expect(merged.client.name).toBe('Jane Doe');
    expect(merged.client.address?.city).toBe('Fresno');
    expect(merged.insurance.memberId).toBe('W3');
    expect(merged.missingFields).toEqual(['card']);
    expect(merged.conflicts).toHaveLength(1);
  });

  it('a card in the answer joins the sides already seen', () => {
    const open: VobRequest = { ...emptyRequest(), card: { attached: true, sides: ['front'], fields: null } };
    const answer: VobRequest = { ...emptyRequest(), card: { attached: true, sides: ['back'], fields: null } };
    expect(applyAnswer(open, answer).card.sides).toEqual(['back', 'front'].sort());
  });
});

describe('replyAfterAnswers', () => {
  it('answers again only while something besides the card is missing, never machines or lists', () => {
    expect(replyAfterAnswers({ send: false, reason: 'complete' }, [{ missingFields: ['client.dob'] }])).toEqual({ send: true, reason: 'missing-fields' });
    expect(replyAfterAnswers({ send: true, reason: 'missing-fields' }, [{ missingFields: ['card'] }])).toEqual({ send: false, reason: 'complete' });
    expect(replyAfterAnswers({ send: false, reason: 'auto-submitted' }, [{ missingFields: ['client.dob'] }])).toEqual({ send: false, reason: 'auto-submitted' });
    expect(replyAfterAnswers({ send: false, reason: 'not-a-request' }, [])).toEqual({ send: false, reason: 'not-a-request' });
  });
});

describe('replyAfterAnswers keeps a held reply held', () => {
  it('does not turn a reply held for review into one that goes out', () => {
    const held = { send: false, reason: 'missing-fields' as const, review: ['Client Address: not read, but line 3 has a value shaped like it'] };
    expect(replyAfterAnswers(held, [{ missingFields: ['client.address'] }])).toEqual(held);
    expect(replyAfterAnswers(held, [{ missingFields: ['card'] }])).toEqual({ send: false, reason: 'complete' });
  });
});

describe('applyAnswer and the level of care', () => {
  it('keeps the open request\'s level unless the answer states one', () => {
    const withLevel = (levelOfCare: VobRequest['levelOfCare']): VobRequest => ({ ...emptyRequest(), levelOfCare });
    expect(applyAnswer(withLevel('php'), withLevel(null)).levelOfCare).toBe('php');
    expect(applyAnswer(withLevel('php'), withLevel('iop')).levelOfCare).toBe('iop');
    expect(applyAnswer(emptyRequest(), emptyRequest()).levelOfCare).toBeNull();
  });
});
