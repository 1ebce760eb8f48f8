/**
 * Which sent inquiry a 271 loop answers. Pure. The echoed trace number decides; a payer that
 * drops it is matched by member ID and date of birth, compared as a keyed hash (the caller
 * hashes `memberKeyMaterial`), so neither is stored in clear.
 */

/** Member ID (letters upper-case, no spaces or dashes) and ISO date of birth; null when either is unknown. */
export function memberKeyMaterial(memberId: string | null, dob: string | null): string | null {
  if (memberId === null || dob === null) return null;
  const id = memberId.toUpperCase().replace(/[\s-]/g, '');
  return id === '' ? null : `member|${id}|${dob}`;
}

export interface SentInquiry {
  traceNumber: string;
  memberKey: string;
}

export type InquiryMatch<T extends SentInquiry> = { inquiry: T; matchedBy: 'trace' | 'member' } | null;

/** The inquiry a loop answers: by its trace, else the latest inquiry with its member key. */
export function matchInquiry<T extends SentInquiry>(
  loop: { traceNumber: string | null; memberKey: string | null },
  inquiries: readonly T[],
): InquiryMatch<T> {
  if (loop.traceNumber !== null) {
    const byTrace = inquiries.find((i) => i.traceNumber === loop.traceNumber);
    if (byTrace) return { inquiry: byTrace, matchedBy: 'trace' };
  }
  if (loop.memberKey !== null) {
    const byMember = inquiries.filter((i) => i.memberKey === loop.memberKey).at(-1);
    if (byMember) return { inquiry: byMember, matchedBy: 'member' };
  }
  return null;
}
