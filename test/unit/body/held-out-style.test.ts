/**
 * Red-team cases written from the contract in the styles intake coordinators use (terse
 * phone mails, typo'd labels, Outlook/Word HTML, threads, forwards, odd placeholders). Each
 * must come out as a careful biller would enter it; VOB_SCORE=1 prints per-field accuracy.
 */
import { extractBody } from '../../../src/domain/body/extract-body';
import { BODY_REQUEST_FIELDS, type BodyRequest } from '../../../src/domain/body/body-request';
import { htmlToText } from '../../../src/domain/mime/html-to-text';
import { HELD_OUT_CASES, type HeldOutCase } from './held-out-cases';
import { readdirSync } from 'node:fs';
import { EMAILS, loadBodyFixture } from './fixture-body';

const ctx = { subject: 'VOB request', from: 'intake@center.test', fromName: null, referenceDate: '2025-01-15T00:00:00Z' };

function run(c: HeldOutCase): BodyRequest[] {
  const text = c.html !== undefined ? htmlToText(c.html) : (c.text ?? '');
  return extractBody(text, ctx).requests;
}

const REDTEAM = readdirSync(EMAILS)
  .filter((f) => f.startsWith('redteam-') && f.endsWith('.eml'))
  .map((f) => f.replace(/\.eml$/, ''))
  .sort();

/** The redteam-*.eml fixtures as cases: their decoded body and the body part of the expected document. */
async function emlCases(): Promise<HeldOutCase[]> {
  const out: HeldOutCase[] = [];
  for (const name of REDTEAM) {
    const fx = await loadBodyFixture(name);
    const expected = fx.expected.requests.map((r) => ({ client: r.client, insurance: r.insurance, subscriber: r.subscriber, referredBy: r.referredBy }) as BodyRequest);
    out.push({ id: name, text: fx.text, expected });
  }
  return out;
}

describe('held-out-style body cases', () => {
  let all: HeldOutCase[] = HELD_OUT_CASES;
  beforeAll(async () => {
    all = [...HELD_OUT_CASES, ...(await emlCases())];
  });

  it.each(REDTEAM)('%s.eml', async (name) => {
    const c = (await emlCases()).find((x) => x.id === name) as HeldOutCase;
    expect(run(c)).toEqual(c.expected);
  });

  it('has a broad set', () => {
    expect(HELD_OUT_CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(HELD_OUT_CASES.filter((c) => c.knownGap === undefined).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(run(c)).toEqual(c.expected);
  });

  // Cases the extractor does not read yet, each with its reason: they fail until it does.
  it.failing.each(HELD_OUT_CASES.filter((c) => c.knownGap !== undefined).map((c) => [c.id, c] as const))('known gap: %s', (_id, c) => {
    expect(run(c)).toEqual(c.expected);
  });

  if (process.env['VOB_SCORE'] === '1') {
    it('prints per-field accuracy', () => {
      const right = new Map<string, number>();
      const total = new Map<string, number>();
      const wrong: string[] = [];
      for (const c of all) {
        const got = run(c);
        if (c.expected.length === 0) {
          total.set('no-request', (total.get('no-request') ?? 0) + 1);
          right.set('no-request', (right.get('no-request') ?? 0) + (got.length === 0 ? 1 : 0));
          if (got.length !== 0) wrong.push(`${c.id}: expected no request`);
          continue;
        }
        c.expected.forEach((e, i) => {
          const g = got[i];
          for (const [name, get] of BODY_REQUEST_FIELDS) {
            total.set(name, (total.get(name) ?? 0) + 1);
            const ok = g !== undefined && JSON.stringify(get(g)) === JSON.stringify(get(e));
            right.set(name, (right.get(name) ?? 0) + (ok ? 1 : 0));
            if (!ok) wrong.push(`${c.id} [${i}] ${name}: want ${JSON.stringify(get(e))} got ${g === undefined ? 'no request' : JSON.stringify(get(g))}`);
          }
        });
      }
      let r = 0;
      let t = 0;
      const lines = [...total.keys()].map((k) => {
        r += right.get(k) ?? 0;
        t += total.get(k) ?? 0;
        return `${k.padEnd(26)} ${right.get(k)}/${total.get(k)}`;
      });
      lines.push(`${'ALL'.padEnd(26)} ${r}/${t} = ${((100 * r) / t).toFixed(1)}%`);
      process.stdout.write(`${lines.join('\n')}\n\n${wrong.join('\n')}\n`);
    });
  }
});
