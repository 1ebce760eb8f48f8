/**
 * Request search for staff: keyed hashes of each request's terms written with the request (and,
 * for requests stored before search existed, by a backfill at the service's start), and the
 * lookup from a typed query. Only the matching rows are decrypted (for the results list); the
 * query itself is never stored or logged — the audit row says a search happened and how many
 * requests it found.
 */
import type { VobRequest } from '../../schemas/vob-record';
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import { withTransaction, type Db, type Queryable } from '../adapters/db/db-pool';
import { createRequestSearchRepository, type SearchKey } from '../adapters/db/request-search.repository';
import { parseSearchQuery, searchKeyMaterial, searchTermsOf, type SearchTerm } from '../domain/request-search';
import { maskMemberId } from '../domain/staff-auth';
import { payerOf } from '../domain/request-facts';

export const SEARCH_LIMIT = 50;
const BACKFILL_BATCH = 500;

const hashTerm = (cipher: PhiCipher, term: SearchTerm): string => cipher.lookupKey(searchKeyMaterial(term));

/** The name-part keys of words a message mentions (to find the request it is about). */
export function nameKeysOf(cipher: PhiCipher, tokens: readonly string[]): string[] {
  return tokens.map((value) => hashTerm(cipher, { kind: 'name-part', value }));
}

/** The keys a request is found by. */
export function searchKeysOf(cipher: PhiCipher, request: Pick<VobRequest, 'client' | 'insurance'>): SearchKey[] {
  return searchTermsOf(request).map((t) => ({ kind: t.kind, keyHash: hashTerm(cipher, t) }));
}

/** Replaces these requests' search keys and payer column (in the caller's transaction). */
export async function indexRequests(tx: Queryable, cipher: PhiCipher, entries: readonly { requestId: string; request: Pick<VobRequest, 'client' | 'insurance'> }[]): Promise<void> {
  await createRequestSearchRepository({ db: tx }).replace(
    entries.map((e) => ({ requestId: e.requestId, keys: searchKeysOf(cipher, e.request), payer: payerOf(e.request.insurance.payerName) })),
  );
}

/** Indexes every request stored without search keys, a batch per transaction; returns how many. */
export async function backfillSearchKeys({ db, cipher }: { db: Db; cipher: PhiCipher }): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await withTransaction(db, async (tx) => {
      const batch = await createRequestSearchRepository({ db: tx }).listUnindexed(BACKFILL_BATCH);
      await indexRequests(
        tx,
        cipher,
        batch.map((r) => ({ requestId: r.id, request: cipher.decryptJson<VobRequest>(r.requestEncrypted) })),
      );
      return batch.length;
    });
    total += done;
    if (done < BACKFILL_BATCH) return total;
  }
}

export interface SearchHit {
  id: string;
  status: string;
  fromAddress: string | null;
  createdAt: Date;
  clientName: string | null;
  dob: string | null;
  memberIdMasked: string | null;
}

export interface SearchResult {
  /** False when the query had nothing to search by (only filler words). */
  searched: boolean;
  hits: SearchHit[];
  /** More than SEARCH_LIMIT requests matched. */
  truncated: boolean;
}

export function searchRequests({ db, cipher }: { db: Db; cipher: PhiCipher }) {
  const repo = createRequestSearchRepository({ db });
  return async (q: string): Promise<SearchResult> => {
    const query = parseSearchQuery(q);
    if (query.terms.length === 0 && query.senders.length === 0) return { searched: false, hits: [], truncated: false };
    const rows = await repo.find(
      query.terms.map((t) => hashTerm(cipher, t)),
      query.senders,
      SEARCH_LIMIT + 1,
    );
    const hits = rows.slice(0, SEARCH_LIMIT).map((r) => {
      const request = cipher.decryptJson<VobRequest>(r.requestEncrypted);
      return {
        id: r.id,
        status: r.status,
        fromAddress: r.fromAddress,
        createdAt: r.createdAt,
        clientName: request.client.name,
        dob: request.client.dob,
        memberIdMasked: maskMemberId(request.insurance.memberId),
      };
    });
    return { searched: true, hits, truncated: rows.length > SEARCH_LIMIT };
  };
}
