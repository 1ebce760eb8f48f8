/**
 * Emoji used as labels, as people type on phones ("🎂 Aug 3rd '85", "🏠 2240 Palmer Park Blvd"):
 * an emoji that starts a line and stands for a request field becomes that field's label. Every
 * other emoji is dropped: it carries no value and ends values typed on phones ("ref harbor light 👍").
 */

import { classifyLabel } from './labels';

/** The whole emoji (skin tones, variation selectors and joined sequences included). */
const EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]+/gu;
/** A word that is nothing but emoji. */
const ONLY_EMOJI = new RegExp(`^${EMOJI.source}$`, 'u');

/** Field labels by the emoji's meaning: a person, a birthday cake, a house, a card, a phone, a handshake. */
const EMOJI_LABELS: ReadonlyArray<[RegExp, string]> = [
  // A family (two people joined) before a single person: the policy holder's family, not the client.
  [/^(?:[\u{1F468}\u{1F469}\u{1F9D1}][\u{1F3FB}-\u{1F3FF}]?\u200D){1,3}[\u{1F466}\u{1F467}\u{1F468}\u{1F469}\u{1F9D2}]|^\u{1F46A}/u, 'Subscriber'],
  [/^[\u{1F464}\u{1F9D1}\u{1F468}\u{1F469}\u{1F64B}\u{1F9CD}]/u, 'Client name'],
  [/^[\u{1F382}\u{1F370}\u{1F9C1}]/u, 'DOB'],
  [/^[\u{1F3E0}\u{1F3E1}\u{1F4CD}\u{1F4EB}\u{1F4EC}\u{1F4EE}]/u, 'Address'],
  [/^[\u{1F4B3}\u{1F6E1}]/u, 'Insurance'],
  [/^[\u{1F194}\u{1FAAA}]/u, 'Member ID'],
  [/^[\u{1F4DE}\u{260E}\u{1F4F1}\u{1F4F2}]/u, 'Phone'],
  [/^\u{1F91D}/u, 'Referred by'],
];

/** The text with line-leading field emoji turned into labels and every other emoji removed. */
export function withEmojiLabels(text: string): string {
  if (!/[\p{Extended_Pictographic}\uFE0F\u200D]/u.test(text)) return text;
  // An icon on a line of its own above its value ("[image: 🎂]" then "5/1/2003", as mail clients write an image's alt text).
  const joined = text.replace(new RegExp(`^([ \\t]*)(?:\\[image:\\s*)?(${EMOJI.source})\\]?[ \\t]*\\n(?=[ \\t]*[^\\s\\[])`, 'gmu'), '$1$2 ');
  return joined
    .split('\n')
    .map((line) => {
      const lead = /^(\s*)(\S+)\s+(?=\S)/u.exec(line);
      if (lead && ONLY_EMOJI.test(lead[2]!)) {
        const label = EMOJI_LABELS.find(([re]) => re.test(lead[2]!))?.[1];
        // "📞 800-555-0144 (providers)": only the emoji becomes a label; "🤝 ref'd by X" has its own.
        const rest = line.slice(lead[0].length);
        // "📞 (620) 555-0171 · Noah's cell": a person's own phone, not the plan's.
        const own = label === 'Phone' && /\b(?:cell|mobile|home|personal)\b|['’]s\s+(?:phone|number|line)\b/i.test(rest);
        if (label && !startsWithLabel(rest)) return `${lead[1]}${own ? 'Cell phone' : label}: ${rest.replace(EMOJI, '')}`;
      }
      return line.replace(EMOJI, '');
    })
    .join('\n');
}

/** Whether the words after an emoji already start with a label ("ref'd by", "DOB:"). */
function startsWithLabel(rest: string): boolean {
  if (/^[^:]{1,30}:/.test(rest)) return true;
  const words = rest.split(/\s+/);
  for (let k = 1; k <= Math.min(3, words.length - 1); k++) {
    const field = classifyLabel(words.slice(0, k).join(' '));
    if (field !== null && field !== 'ignore') return true;
  }
  return false;
}
