/**
 * What an attachment shows: an insurance card's front, its back, both sides (a scan of both, or
 * a card that prints everything on one side), or something else (a driver licence, a logo, a
 * photo). Decided from the OCR text and the fields read from it, by counting the things each
 * side of a card carries.
 */
import type { CardFields } from '../../../schemas/vob-record';
import type { AttachmentKind } from './card-reading';

const count = (text: string, patterns: RegExp[]): number => patterns.filter((p) => p.test(text)).length;

/** Printed on a driver licence or state ID, not on a health card. */
const LICENCE_STRONG = [/driver'?s?\s*licen[cs]e/i, /\bDRIVER\s*LICEN/i, /commercial\s*driver/i, /\bDL\s*(?:NO|#|:)?\s*[A-Z]?\d{5,}/i, /identification\s*card\s*(?:not\s*valid|real\s*id)/i, /\bREAL\s*ID\b/i];
const LICENCE_WEAK = [/\bCLASS\b/i, /\bHGT\b|\bHT\b\s*\d/i, /\bWGT\b|\bWT\b\s*\d/i, /\bEYES?\b/i, /\bHAIR\b/i, /\bRESTR?\b/i, /\bEND\b/i, /\bDONOR\b/i, /\bEXP\b/i, /\bISS\b/i, /\bDD\b/i, /\bSEX\b/i, /\bDOB\b/i, /\bDL\b/i, /veteran/i];

/** Words of an insurance card in general. */
const INSURANCE_WORDS = [/\bmember/i, /\bsubscriber/i, /\bgroup|\bgrp\b/i, /\bplan\b/i, /\bcopay|\bco-pay/i, /\bdeductible/i, /\b(?:PPO|HMO|EPO|POS|HDHP|HSA|PFFS|DSNP|D-SNP)\b/, /\bRx\s*(?:BIN|PCN|GRP|Group)|\bBIN\b|\bPCN\b/i, /\bpayer\s*id|\bpayor/i, /\bcoverage|\bbenefits?\b/i, /\bnetwork\b/i, /\bdependents?\b/i, /\bhealth\s*(?:plan|insurance|care)|healthcare/i, /\bmedicare|medicaid|medi-?cal\b/i, /\bPCP\b|primary\s*care/i, /\bspecialist|\burgent\s*care|emergency\s*room|\bER\b/i];

/** Front-of-card things beyond the ID and payer. */
const FRONT_WORDS = [/\bcopay|\bco-pay/i, /\bPCP\b|primary\s*care/i, /\bspecialist/i, /\beffective|\beff\.?\s*date/i, /\bdependents?\b/i, /\b(?:PPO|HMO|EPO|POS|HDHP)\b/, /\bdeductible/i, /\boffice\s*visit/i, /\burgent\s*care/i, /\bRx\s*(?:BIN|PCN|GRP)|\bBIN\b/i, /\bissue\s*date|\bissued\b/i, /\bplan\s*(?:code|type)\b/i];

/** Back-of-card things: where claims go, who to call, instructions. */
const BACK_WORDS = [/submit\s*claims|send\s*claims|mail\s*claims|claims?\s*(?:to|address|submission)|file\s*claims/i, /\bP\.?\s*O\.?\s*Box\b/i, /pharmacists?\b/i, /\bproviders?\s*(?:services|call|please|:)|for\s*providers|provider\s*(?:inquir|line)/i, /pre-?\s*cert|prior\s*auth|pre-?\s*auth|precertification/i, /does\s*not\s*(?:guarantee|prove)|not\s*a\s*guarantee|guarantee\s*of\s*(?:coverage|eligibility|payment)/i, /\bwww\.|\.com\b|\.org\b/i, /\bTTY\b|\bTDD\b|\b711\b/i, /\bpayer\s*id|\bEDI\b|electronic\s*claims/i, /\bemergenc/i, /member\s*services|customer\s*service/i, /present\s*this\s*card|if\s*found|return\s*(?:this\s*card|to)/i, /\bnurse\s*line|24\/7|24\s*hours/i, /behavioral\s*health|mental\s*health/i, /verif(?:y|ication)\s*(?:of\s*)?(?:eligibility|benefits|coverage)|eligibility/i, /help\s*line|hotline|identification\s*only/i];

/** Letterhead / signature / logo words that no card carries. */
const NOT_CARD_WORDS = [/recovery|detox|rehab|treatment\s*center|sober|wellness\s*center|addiction/i, /\bfax\b/i, /intake\s*(?:coordinator|team|department)|admissions/i, /confidential(?:ity)?\s*notice/i, /\bsincerely|regards\b/i];

export interface SideScores {
  front: number;
  back: number;
  licence: number;
}

export function sideScores(text: string, fields: CardFields): SideScores {
  const insurance = count(text, INSURANCE_WORDS);
  let front = 0;
  if (fields.payerName) front += 2;
  if (fields.memberId) front += 2.5;
  if (fields.groupNumber) front += 1;
  if (fields.memberName) front += 0.5;
  if (fields.rxBin || fields.rxPcn) front += 1;
  front += Math.min(2, count(text, FRONT_WORDS) * 0.5);
  let back = Math.min(3, fields.phones.length) + Math.min(4, count(text, BACK_WORDS) * 0.75);
  if (fields.phones.some((p) => p.label !== 'Phone')) back += 0.5;
  const notCard = count(text, NOT_CARD_WORDS);
  front -= notCard;
  back -= notCard * 1.5;
  // A card says something about insurance; a letterhead with a phone and a web address doesn't.
  if (insurance === 0 && !fields.payerName) {
    front -= 2;
    back -= 3;
  }
  const licence = count(text, LICENCE_STRONG) * 3 + count(text, LICENCE_WEAK);
  return { front, back, licence };
}

/** Front, back, both or not a card, from OCR text and the fields read from it. */
export function classifySide(text: string, fields: CardFields): AttachmentKind {
  const s = sideScores(text, fields);
  // Licence words also appear on Medi-Cal cards (sex, date of birth): only a licence that names
  // itself, or many licence words without a payer, makes this not a card.
  if (s.licence >= 6 || (s.licence >= 3 && !fields.payerName) || (s.licence >= 4 && !fields.memberId)) return 'not-a-card';
  const isFront = s.front >= 4;
  const isBack = s.back >= 3.5;
  if (isFront && isBack) {
    // A front with a service number and a web address is still a front: "both" needs a
    // back's worth of claims/provider content beyond a couple of phone numbers.
    return s.back >= 5.5 && s.front >= 5 ? 'both' : s.front >= s.back - 1 ? 'front' : 'back';
  }
  if (isFront) return 'front';
  if (isBack) return 'back';
  if (s.front >= 2.5 && s.front >= s.back) return 'front';
  if (s.back >= 2.5) return 'back';
  return 'not-a-card';
}
