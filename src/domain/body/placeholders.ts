/**
 * Placeholder words intake staff type where they do not know a value yet. The contract says a
 * placeholder is not a value: every field reads as null when its text is one of these.
 */

/** Values that are placeholders only when they are the whole value (short words that may start a real value). */
const WHOLE_VALUE = new Set([
  'n/a', 'n a', 'na', 'n.a', 'n.a.', 'n\\a', 'none', 'nil', 'null', 'pending', 'unknown', 'unk', 'tbd',
  'tba', 'tbc', '?', '??', '???', 'x', 'xx', 'xxx', 'homeless', 'see attached', 'see card', 'on card',
  'see attachment', 'attached', 'see below', 'see above', 'on file', 'not available', 'not provided',
  'not known', 'blank', 'to be determined', 'unsure', 'not sure', 'dk', 'idk', "don't know",
  'do not know', 'will send', 'will provide', 'waiting', 'no address', 'no fixed address',
  'in attachment', 'attachment', 'see image', 'see photo', 'see pic', 'pic attached', 'card attached',
  'front and back attached', 'same', 'not applicable', 'not given', 'declined', 'refused',
  'to follow', 'forthcoming', 'anonymous', 'not on file', 'missing', 'need', 'needed', 'tbd by client',
  // Spanish: pending, unknown, I don't know, to be confirmed, no address.
  'pendiente', 'desconocido', 'desconocida', 'no sé', 'no se', 'por confirmar', 'sin domicilio', 'n/d',
]);

/** Leading words that make the whole value a placeholder ("pending - will send", "see attached card", a question's answer "I will ask her mom tonight"). */
const LEADING = /^(?:pending|unknown|tbd|tba|homeless|withheld|redacted|confidential\b|see\s+(?:attached|attachment|card|image|photo|pic|below|above|scan|copy|front|back)|(?:near|at|towards?)\s+the\s+(?:bottom|top|end)\b|(?:further\s+)?(?:below|above)$|further\s+down\b|unk\b|n\/a\b|none\b|not\s+(?:available|provided|known|sure|given|applicable|on file|entered|filled(?:\s+in)?|listed|recorded)|not\s+(?:yet\s+)?(?:determined|decided|chosen|selected|assigned)\b|undecided\b|will\s+(?:send|provide|get|forward|follow)|waiting\s+(?:on|for)|need\s+to\s+get|to\s+be\s+(?:determined|provided|sent)|currently\s+homeless|no\s+(?:fixed\s+)?address|attached\b|please\s+see|in\s+(?:the\s+)?attach|on\s+(?:the\s+)?(?:card|file)\b|card\s+attached|awaiting|self[\s-]?pay\b|private\s+pay\b|cash\s+pay\b|no\s+insurance\b|uninsured\b|pendiente\b|por\s+confirmar\b|ver\s+(?:tarjeta|foto|adjunto)|(?:i|we)(?:['’]ll|\s+will)\s+(?:ask|find\s+out|check|get\s+(?:it|that|back))\b|will\s+ask\b|(?:i|we)\s+(?:don['’]?t|do\s+not)\s+know\b|no\s+idea\b|(?:still\s+)?(?:asking|checking\s+with)\b|(?:i\s+)?(?:could(?:n['’]?t|\s+not)|can['’]?t|cannot|unable\s+to)\s+(?:read|make\s+out|see)\b|(?:unable\s+to|could\s+not|couldn['’]?t)\s+(?:obtain|get|confirm|verify|be\s+obtained)\b|(?:unreadable|illegible|too\s+blurry|blurry|cut\s+off)\b)/i;

/** Only punctuation/underscores (a blank on a form: "____", "--", "...") is no value either. */
const BLANK = /^[\s_\-–—.*:#/\\|=~]*$/;

/** "please refer to the attached card", "the card is attached, both sides": the value is on the card. */
const ON_THE_CARD = /^(?:please\s+)?(?:(?:see|refer\s+to|check|look\s+at|per|on|in)\s+)?(?:the\s+)?(?:attached|enclosed)\s+(?:card|photos?|pictures?|images?|scans?|copy)\b|^(?:the\s+)?(?:insurance\s+)?card\s+(?:is|are)\s+attached\b|^(?:please\s+)?refer\s+to\s+(?:the\s+)?(?:card|attachment)\b/i;

/**
 * A template's unfilled slot: a merge tag ("{{client.city}}", "<<Member ID>>", "%ZIP%"), a
 * bracketed field name ("[Treatment Center Name]"), a Word content control's prompt.
 */
const TEMPLATE_SLOT = /\{\{[^}]*\}\}|<<[^>]*>>|^%[\w.]+%$|^\[[^\]\d]{3,60}\]$|\bclick or tap here to enter\b|\bclick here to enter\b/i;

/**
 * A value masked for privacy ("XXXXXXX4417", "xxx-xx-4417", "•••• 4417", a date of birth as stars
 * and the year): only mask characters, digits and separators. The center has the value but did
 * not send it.
 */
const MASKED = /^(?=.*(?:[*•●]{2,}|[Xx#]{4,}|^[Xx]{3}-[Xx]{2}-))[*•●#Xx\d\s/.-]+$/;

/** True when the text is empty or a placeholder, so the field is absent. */
export function isPlaceholder(value: string | null | undefined): boolean {
  if (value == null) return true;
  const bare = value.trim().replace(/^[*_"'`]+|[*_"'`]+$/g, '').trim();
  if (TEMPLATE_SLOT.test(bare)) return true;
  // "( see card copy - pg 2 )": brackets around a note are no part of it.
  const v = bare.replace(/^[(\[]+\s*|\s*[)\]]+$/g, '');
  if (BLANK.test(v)) return true;
  const lower = v.toLowerCase().replace(/[.!]+$/, '').replace(/\s+/g, ' ').trim();
  if (WHOLE_VALUE.has(lower)) return true;
  // "CALLER DID NOT HAVE CARD AVAILABLE": a sentence saying the value was not at hand (no digit of one in it).
  if (!/\d/.test(lower) && /^(?:(?:the\s+)?[a-z]+\s+)?(?:(?:did|does|do)(?:n['’]?t|\s+not)\s+have|not\s+(?:available|at\s+hand))\b/.test(lower)) return true;
  return LEADING.test(lower) || ON_THE_CARD.test(lower) || (/[*•●#]|[Xx]{3}/.test(v) && MASKED.test(v));
}

/** True when a value mentions homelessness, which makes an address absent however it is phrased. */
export function mentionsHomeless(value: string): boolean {
  return /\bhomeless\b|\bno\s+(?:fixed|permanent|street)\s+(?:address|residence)\b|\bNFA\b|\bunhoused\b|\bno\s+tiene\s+(?:direcci[oó]n|domicilio|casa)\b|\bsin\s+(?:hogar|domicilio|direcci[oó]n)\b/i.test(value);
}

/** A value that repeats the one above it: a ditto mark, "ditto", "same", "same as above". */
export const DITTO = /^(?:["“”″〃]|''|ditto|same|same as above|same as #?\d)$/i;

/** "self-referred", "walk-in", "Google search": a referral source that names no treatment center (the contract asks for the center). */
// ("Treatment center / provider": a web form's category of source, not a center's name.)
export const NO_REFERRING_CENTER = /^(?:(?:none|no\s+one|nobody|n\/a)(?=\s*(?:[-–—,;:(]|$))|(?:treatment\s+(?:center|centre|facility)|provider|doctor|therapist|hospital|friend|family|other)(?:\s*(?:\/|,|or)\s*(?:treatment\s+(?:center|centre|facility)|provider|doctor|therapist|hospital|friend|family|other))+\s*$|self|self[\s-]?referr\w*|walk[\s-]?in|google(?:\s+(?:search|ads?))?|internet|online|(?:our\s+)?website|web\s+search|search\s+engine|word\s+of\s+mouth|himself|herself|themselves|the\s+client|client|patient|family|a\s+friend|friend)\b(?![\s-]+(?:recovery|center|centre|clinic|house|health|services|program|detox))/i;
