/**
 * Test helper: the decoded body text of a fixture .eml, as the MIME adapter hands it to the
 * body extractor (the text part when there is one, else the HTML converted by htmlToText).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { htmlToText } from '../../../src/domain/mime/html-to-text';

export const EMAILS = join(__dirname, '../../../fixtures/emails');

export interface FixtureBody {
  name: string;
  subject: string | null;
  from: string | null;
  date: string | null;
  text: string;
  expected: {
    requests: {
      client: unknown;
      insurance: unknown;
      subscriber: unknown;
      referredBy: unknown;
    }[];
    reply: { send: boolean; reason: string };
  };
}

export function bodyFixtureNames(): string[] {
  return readdirSync(EMAILS)
    .filter((f) => f.startsWith('body-') && f.endsWith('.eml'))
    .map((f) => f.replace(/\.eml$/, ''))
    .sort();
}

export async function loadBodyFixture(name: string): Promise<FixtureBody> {
  const raw = readFileSync(join(EMAILS, `${name}.eml`));
  const parsed = await simpleParser(raw);
  const hasTextPart = /content-type:\s*text\/plain/i.test(raw.toString('latin1'));
  const text = hasTextPart || typeof parsed.html !== 'string' ? (parsed.text ?? '') : htmlToText(parsed.html);
  const expected = JSON.parse(readFileSync(join(EMAILS, `${name}.expected.json`), 'utf8')) as FixtureBody['expected'];
  return {
    name,
    subject: parsed.subject ?? null,
    from: parsed.from?.value[0]?.address ?? null,
    date: parsed.date ? parsed.date.toISOString() : null,
    text,
    expected,
  };
}
