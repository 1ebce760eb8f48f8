/** Whether a message asks for a benefits verification, and whether it is no request at all. */

const VERIFICATION = /\b(?:vobs?|v\.o\.b\.?|verification\s+of\s+(?:insurance\s+)?benefits|verif(?:y|ied|ying)\s+(?:the\s+|her\s+|his\s+|their\s+|this\s+|these\s+)?(?:client'?s?\s+|patient'?s?\s+|pt'?s?\s+)?(?:insurance|benefits|coverage|eligibility|ins\b)|(?:insurance|benefits?|eligibility|coverage|ins)\s+(?:verification|verify|check|checks|verif)|run\s+(?:her|his|their|the|this|a|an)?\s*(?:insurance|benefits|vob|ins\b|eligibility)|check\s+(?:her|his|their|the|this)?\s*(?:insurance|benefits|coverage|eligibility)|benefits?\s+(?:inquiry|request|review)|eligibility\s+request|pre-?admission\s+(?:insurance\s+)?(?:verification|check))/i;

/** "What is your usual turnaround time on a VOB?": a question about the service, not a request. */
const PROCESS_QUESTION = /^\W*(?:(?:quick|a|one)\s+question\W+)?(?:what|how|when|where|why|which|who|do|does|did|is|are|was|were|should|would it)\b[^?]*\?\s*$/i;

/**
 * The subject or the body asks for a verification of benefits. A mention inside a question
 * about how verifications work ("How long does a VOB take?") does not count.
 */
export function mentionsVerification(subject: string | null, body: string): boolean {
  // "Question about your VOB process" asks about verifications, not for one.
  if (VERIFICATION.test(subject ?? '') && !/\bquestions?\b|\?/i.test(subject ?? '')) return true;
  const sentences = body.slice(0, 20000).split(/(?<=[.!?])\s+|\n+/);
  return sentences.some((s) => VERIFICATION.test(s) && !PROCESS_QUESTION.test(s.trim()));
}

const BOUNCE_SUBJECT = /^\s*(?:undeliverable|undelivered mail|delivery status notification|delivery (?:has )?failed|delivery failure|mail delivery (?:failed|failure|subsystem)|returned mail|failure notice|message not delivered|non-?delivery|automatic reply|auto(?:matic)?[- ]?reply|out of (?:the )?office|ooo\b)/i;
const BOUNCE_BODY = /(?:delivery has failed to these recipients|could not be delivered to|message (?:you sent )?(?:could not|wasn't|was not) (?:be )?delivered|permanent (?:fatal )?error|recipient address rejected|address couldn'?t be found|mailbox (?:unavailable|not found|full)|the following message to <[^>]+> was undeliverable|this is an automatically generated delivery status notification|\bthis is an? auto(?:matic|mated)?[- ]?reply\b|^\W*auto-?reply\b)/i;
/** "I am out of the office": an auto-reply's opening, unless the sender asked for a verification first. */
const AWAY_BODY = /i am (?:currently )?out of (?:the )?office|i(?:'m| am) away from (?:the|my) office|will be out of the office/i;
const NEWSLETTER = /\bunsubscribe\b|\bview (?:this email )?in (?:your )?browser\b|\bmanage (?:your )?(?:email )?preferences\b|\bopt[- ]out\b/i;

/**
 * "Whitney Caudle has sent you a secure message. Unlock Message: ...", a registered envelope:
 * the request is locked behind a link, and the notice itself requests nothing.
 */
const SECURE_MESSAGE_NOTICE = /\b(?:has\s+sent\s+you\s+an?\s+(?:secure|encrypted|protected)\s+(?:message|e-?mail)|you(?:['’]ve|\s+have)\s+(?:received|been\s+sent)\s+an?\s+(?:new\s+)?(?:secure|encrypted|protected)\s+(?:message|e-?mail)|registered\s+envelope|securedoc|unlock\s+(?:the\s+|this\s+)?message)\b/i;
/** What a readable request beside such a notice would hold. */
const REQUEST_VALUES = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:dob|date\s+of\s+birth|member\s*id|subscriber|policy\s*holder)\b/i;

/** A bounce, an out-of-office reply, a locked secure-message notice: text that is not a request however it quotes one. */
export function isNotARequest(subject: string | null, newText: string): boolean {
  if (BOUNCE_SUBJECT.test(subject ?? '')) return true;
  const head = newText.slice(0, 3000);
  if (BOUNCE_BODY.test(head)) return true;
  if (SECURE_MESSAGE_NOTICE.test(head) && !REQUEST_VALUES.test(newText)) return true;
  // "Please verify benefits for the client below ... Heads up: I am out of the office 12/21-1/4".
  const away = AWAY_BODY.exec(head);
  return away !== null && !VERIFICATION.test(head.slice(0, away.index));
}

/** Marketing or list mail (unsubscribe links, "view in browser"). */
export function looksLikeNewsletter(text: string): boolean {
  return NEWSLETTER.test(text);
}
