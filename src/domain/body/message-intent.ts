/**
 * What the newest text of a message does: ask for a verification, or something else about one
 * (ask for its status, cancel it, recall a message, acknowledge reading it, ask a question,
 * thank us, correct one value, announce a new fax number). Mail that is about a request but
 * is not one never gets a form reply. Pure; reads the subject and the sender's own new text.
 */

export type MessageIntent = 'request' | 'status-inquiry' | 'cancellation' | 'recall' | 'read-receipt' | 'question' | 'thanks' | 'correction' | 'notice' | 'no-verification-wanted';

/**
 * "No VOB needed on this one", "nothing on here needs a VOB", "your office already completed her
 * VOB", "please don't run anything on it": the sender says outright that no verification is wanted.
 */
// ("Quick billing question, not a new VOB.", "For your records only - no new VOB needed.")
const NO_VERIFICATION_WANTED =
  /\bno (?:new )?(?:vob|verification|benefits? check|eligibility check)s? (?:is |was |are )?(?:needed|required|necessary)\b|\bnot an? (?:new )?(?:vob|verification|request|referral)\b|\b(?:don['’]?t|do not|doesn['’]?t|does not)\s+need\s+(?:a\s+|any\s+)?(?:new\s+)?(?:vob|verification)\b|\bfor your records only\b|\bnothing (?:on|in) (?:here|this|it) needs? (?:a |an )?(?:vob|verification)\b|\bno need to (?:re-?run|run|verify|re-?verify|check)\b|\bnothing (?:new |else )?(?:to|that needs to be) (?:run|re-?run|verif(?:y|ied))\b|\b(?:don['’]?t|do not) (?:re-?run|run) (?:anything|it|this|a vob|the vob|benefits)\b|\b(?:doesn['’]?t|does not) (?:need|go in|land in) (?:a |an |the |your )?(?:vob|verification|vob queue)\b|\bdoesn['’]?t land in your (?:vob )?queue\b|\balready (?:completed|verified|ran|run|did|done)\b[^.!?\n]{0,20}\b(?:vob|verification|benefits)\b/i;
/** A verification asked for, in the same words ("please run", "need a VOB for"). */
/** A center telling the office it will stop sending work: "Redstone Lodge will no longer be sending you new verification requests". */
const STOPS_SENDING = /\b(?:will\s+no\s+longer|won['’]?t\s+(?:be\s+)?(?:any\s+longer|anymore)?|will\s+stop)\s+(?:be\s+)?(?:sending|send|submitting|using)\s+(?:you\s+)?(?:any\s+)?(?:new\s+)?(?:verification|vob|benefits?)?\s*(?:requests?|referrals?|vobs?|your\s+(?:services?|office))\b|\bbring(?:ing)?\s+(?:insurance\s+)?verifications?\s+in-?house\b/i;

/** Asking for a client's clinical records (a progress report, attendance, UA results), which a billing office does not keep. */
const RECORDS_ASKED = /\b(?:please\s+)?(?:forward|send|provide|fax|email|e-mail)\s+(?:me\s+|us\s+)?(?:the\s+|a\s+|his\s+|her\s+|their\s+)?(?:most\s+recent\s+|latest\s+|current\s+|updated\s+)?(?:treatment\s+)?(?:progress\s+reports?|attendance\s+records?|compliance\s+reports?|ua\s+results|drug\s+(?:test|screen)\s+results|clinical\s+records|discharge\s+summar(?:y|ies)|treatment\s+records)\b/i;
const ASKS_FOR_VERIFICATION = /\b(?:please|pls|plz|can you|could you|would you|kindly)\b[^.?!\n]{0,60}\b(?:run|verify|vob|verification|benefits|eligibility)\b|\b(?:need|needs|requesting)\s+(?:a |an )?(?:new )?(?:vob|verification|benefits check)\b/i;

const RECALL = /\bwould like to recall\b|\brecall(?:ed|ing)?\s+(?:the|this|my|a)\s+(?:previous\s+)?(?:message|e-?mail)\b|\bmessage recall\b/i;
const RECALL_SUBJECT = /^\s*(?:recall|message recall)\s*:/i;
const READ_SUBJECT = /^\s*(?:read|not read|read receipt|return receipt|read notification|displayed)\s*:/i;
const READ_BODY = /\b(?:was read on|has been read|was displayed on|was opened on)\b|\byour message\b[\s\S]{0,160}\bwas (?:read|displayed|opened)\b/i;
// ("Please disregard the member ID above" takes back one value, not the request.)
const CANCELLATION = /\b(?:cancel(?:l?ed|l?ing|lation)?|disregard(?!\s+(?:the\s+|that\s+|my\s+)?(?:member\s+id|id(?:\s+number)?|dob|date\s+of\s+birth|birth\s*date|address|(?:phone|policy|group|member)\s+(?:number|#)|phone|group|number|zip)\s+(?:above|below)\b)|withdraw(?:n|ing)?|void)\b|\bwithdrawal\s+of\s+(?:the|this|our|my|her|his)\b|\bstop (?:all )?work(?:ing)? on (?:this|the|her|his|their)\b|\b(?:can|could|please|go ahead and|ok to|okay to)\s+stop\s+(?:on|with|checking|working|running|the\s+(?:vob|check|verification)\s+(?:on|for))\s+(?:him|her|them|this\s+one|that\s+one)\b|\bno results? (?:are |is )?(?:needed|required|necessary)\b|\bno longer (?:need|needed|required|coming|admitting|interested|seeking|pursuing)\b|\b(?:not|won['’]?t|will not|isn['’]?t|is not|aren['’]?t|are not)\s+(?:be\s+)?(?:admitting|coming in|coming|going to admit|moving forward|going forward|proceeding)\b|\bdecided (?:not|against)\b|\b(?:left|went)\s+ama\b|\bchanged (?:his|her|their) mind\b|\b(?:chose|chosen|went|going) (?:to )?(?:another|elsewhere|a different)\b|\bno need to (?:run|verify|check|do)\b|\bno (?:vob|verification|benefits? check)s? (?:is |was )?(?:needed|required|necessary)\b|\b(?:don['’]?t|do not) run (?:anything|it|this|a vob|the vob|benefits)\b|\bnever mind\b|\bnvm\b/i;
/** "won't be going to Evergreen Landing after all", "please don't spend any more time on her benefits" (case-sensitive: a center's name). */
const CALLED_OFF = /\b(?:won['’]?t|will not)\s+be\s+going\s+to\s+\p{Lu}|\b(?:[Dd]on['’]?t|[Dd]o not)\s+spend\s+(?:any\s+)?more\s+time\b/u;
const STATUS = /\bstatus (?:inquiry|enquiry|request|check)\b|\bever (?:get|got|hear|heard) back\b|\b(?:date )?originally (?:sent|submitted|requested)\b|\bany (?:update|news|word|luck)s?\b|\bstatus (?:of|on|update|for)\b|\b(?:checking|check) (?:on|in on|in about|in|the status|back)\b|\bfollow(?:ing)?[- ]?up\b|\bdid (?:you|u|y['’]?all) (?:get|receive|see|got)\b|\bhave you (?:had a chance|received|gotten|got|been able|seen)\b|\bwhen (?:can|will|should|might) (?:we|i) (?:expect|hear|get|see)\b|\bwhere are (?:we|you) (?:on|with|at)\b|\bjust (?:wanted to )?(?:check|see|make sure|confirm) (?:if|whether|that|on|you)\b|\bis there an update\b|\beta (?:on|for)\b|\bstill waiting\b|\bhaven['’]?t heard\b|\bhas (?:it|this|that) been (?:done|run|completed|verified)\b|\bresults? (?:yet|back)\b/i;
const QUESTION = /\b(?:can|could|would) (?:you|someone|somebody) (?:please )?(?:call|give me a call|ring|reach out|contact)\b|(?<!\bcan\s|\bfree to\s|\bdoubts?,?\s(?:you\s)?)\b(?:please )?call me\b(?!\s+(?:if|with|should|anytime|any\s+time)\b)|\bgive (?:me|us) a (?:call|ring)\b|\bdo (?:you|y['’]?all|u) (?:guys )?(?:verify|accept|take|work with|handle|do|check|run|cover)\b|\bdoes (?:your|the) (?:team|office|company)\b|\bhow (?:long|do|does|much)\b|\bwhat(?:['’]s| is) (?:your|the) (?:turnaround|fax|process|best|email)\b|\bquestion (?:about|regarding|on|for)\b|\b(?:one|quick|a|another) question\b|\b(?:a\s+few|some|a\s+couple\s+(?:of\s+)?|two|three)\s+(?:quick\s+)?questions\b|\bcopy of (?:the |his |her |their )?(?:verification|vob|benefits?|eligibility)(?: check)?(?: results?| summary| report)?\b|\bproof of (?:coverage|benefits|eligibility)\b|\bcopy of (?:the |his |her |their )?results\b|\bwritten confirmation of (?:his|her|their|the) (?:coverage|benefits|eligibility)\b|\b(?:got|get|receive|received|getting) (?:a|the|this|another) (?:statement|bill|invoice)\b|\bpayment plan\b/i;
const NOTICE = /\b(?:request|ticket|case|incident)\s*(?:\(?#?[\w-]*\d[\w-]*\)?\s+)?(?:has been|was|is)\s+(?:solved|resolved|closed|merged)\b|\byou are receiving this (?:because|email|message)\b|\b(?:moved|changed) to (?:stage|status)\b|\bis a watcher\b|\bnotification settings\b|\b(?:lead|ticket|case) #?\d+\b.{0,60}\b(?:updated|assigned|moved|changed|created|closed)\b|\bnew (?:fax|phone|main|office|e-?mail|mailing)(?: number| line| address)?\s*(?:is\b|:)|\bnew (?:fax|phone|main|office) (?:number|line)\b|\bnew (?:e-?mail|mailing) address\b|\b(?:fax|phone) number (?:has )?(?:changed|is changing)\b|\bwe(?:['’]ve| have) moved\b|\bupdate (?:your|our) (?:records|contact|files)\b|\b(?:holiday|office) (?:hours|closure)\b|\boffice (?:will be )?closed\b|\bno action (?:is )?(?:needed|required)\b|\bcourtesy copy\b|\b(?:authorization|auth|request) (?:has been|was|is) (?:approved|denied|pended)\b|\breassigned\b|\bshows? up in the queue\b|\bwould like to apply\b|\btaking over (?:for|from)\b|\bI(?:['’]m| am) the new (?:intake|admissions|billing|office|program|clinical)\b|\b(?:my|attached) (?:resume|cv)\b|\bjob (?:posting|opening|application)\b|\bpayment (?:has been|was|is being) (?:issued|sent|processed|made|released)\b|\bremittance (?:advice|notice)\b/i;
const THANKS = /^\W*(?:thanks?|thank you|thx|ty|tysm|got it|received|perfect|great|awesome|appreciate(?:d)?|much appreciated)\b/i;
/** "Just closing the loop - he admitted last night. Nothing else needed on this one.": a verification done, nothing more asked. */
const LOOP_CLOSED = /\bnothing (?:else|more|further) (?:is )?(?:needed|required)\b|\bclos(?:e|ing) (?:the|this) loop\b|\bclos(?:e|ing) (?:this|it) (?:one )?out\b/i;
const ANOTHER_ONE = /\b(?:another|next one|one more|new (?:one|client|referral|admit|request))\b/i;
const CORRECTION = /\bupdate (?:to|on|for) (?:the|my|our|this|that)\b[^.!?\n]{0,50}\b(?:request|vob|referral)\b[^.!?\n]{0,30}\b(?:sent|submitted|emailed)\b|\b(?:everything|all) else (?:is |stays )?(?:the )?same\b|\bcorrection\b|\bcorrect(?:ed)?\s+(?:dob|date|id|member|address|spelling|name|phone|number)\b|\b(?:dob|birthday|birth\s*date|date|id|number|#|address|name|phone|zip|spelling|group|plan|insurance|policy|subscriber|holder|it|that|this|one)\s+should (?:be|read|have been|say)\b|\btypo\b|\bwrong (?:dob|date|id|number|address|name|phone|one)\b|(?<!\bis\s+(?:it|this|that)\s+(?:a\s+)?)\b(?:mistake|mistyped|transposed)\b/i;

/** A "no VOB needed" said of the mail; "don't run anything on him" turns down one person, not the mail. */
const NO_VERIFICATION_WANTED_ALL = new RegExp(NO_VERIFICATION_WANTED.source, 'gi');

function declinesVerification(text: string): boolean {
  if (!NO_VERIFICATION_WANTED.test(text)) return false;
  for (const m of text.matchAll(NO_VERIFICATION_WANTED_ALL)) {
    // ("nothing to verify with Medicare yet": one plan is not to be checked, another may be.)
    if (!/^\s+(?:on|for|with|through)\s+(?:him|her|them|\p{Lu}\p{Ll}+)\b/u.test(text.slice(m.index + m[0].length))) return true;
  }
  return false;
}

/** The kind of message, from its subject and the sender's newest text (quotes and signature removed). */
export function classifyIntent(subject: string | null, newText: string): MessageIntent {
  const s = subject ?? '';
  const head = newText.slice(0, 1500);
  if (RECALL_SUBJECT.test(s) || RECALL.test(head)) return 'recall';
  if (READ_SUBJECT.test(s) || READ_BODY.test(head)) return 'read-receipt';
  // Said up front, as the reason for writing: a "don't run anything on him" further down is about someone else.
  if (declinesVerification(head.slice(0, 450)) && !ASKS_FOR_VERIFICATION.test(head.replace(NO_VERIFICATION_WANTED_ALL, ' '))) return 'no-verification-wanted';
  if (LOOP_CLOSED.test(head.slice(0, 450)) && !ASKS_FOR_VERIFICATION.test(head) && !ANOTHER_ONE.test(head)) return 'no-verification-wanted';
  if (CANCELLATION.test(head) || CALLED_OFF.test(head) || /^\s*(?:re:\s*)?(?:cancel|cancelled|canceled|disregard)\b/i.test(s)) return 'cancellation';
  if (NOTICE.test(head) || STOPS_SENDING.test(head)) return 'notice';
  if (STATUS.test(head) || /\b(?:status|update|follow[- ]?up|checking)\b/i.test(s.replace(/^\s*(?:re|fw|fwd)\s*:\s*/gi, '').slice(0, 30))) return 'status-inquiry';
  if (CORRECTION.test(head)) return 'correction';
  if (QUESTION.test(head)) return 'question';
  // "Please forward the most recent treatment progress report, attendance record and UA results": records, not benefits.
  if (RECORDS_ASKED.test(head) && !ASKS_FOR_VERIFICATION.test(head)) return 'question';
  if (THANKS.test(head) && head.replace(/\s+/g, ' ').trim().length < 240) return 'thanks';
  return 'request';
}
