/**
 * Payer name → the electronic payer ID a clearinghouse expects in a 270 (NM1*PR*...*PI*id).
 * Pure: the directory is data (payer-ids.json, with its source); a name is first resolved to
 * the payer `findPayer` recognises, so every alias a card or an email uses finds the same ID.
 *
 * Blue plans, Anthem, Medicare, Medicaid and regional plans have no single national ID: the
 * state (or the member ID's prefix) decides, so they answer "no payer ID" with the reason.
 */
import { findPayer, payerFamily } from '../card/payers';
import directory from './payer-ids.json';

export type PayerIdLookup =
  | { found: true; payerName: string; payerId: string }
  | { found: false; payerName: string | null; reason: string };

const PAYER_IDS: Readonly<Record<string, string>> = directory.payers;
const NO_PAYER_ID: Readonly<Record<string, string>> = directory.noPayerId;

/** Where the IDs come from, for documentation and the CLI's help. */
export const PAYER_ID_SOURCE: string = directory.source;

export function lookupPayerId(payerName: string | null): PayerIdLookup {
  if (payerName === null) return { found: false, payerName: null, reason: 'no payer name' };
  const known = findPayer(payerName);
  if (known === null) return { found: false, payerName: null, reason: 'payer not recognised' };
  const payerId = PAYER_IDS[known] ?? PAYER_IDS[payerFamily(known)];
  if (payerId !== undefined) return { found: true, payerName: known, payerId };
  return { found: false, payerName: known, reason: NO_PAYER_ID[known] ?? NO_PAYER_ID[payerFamily(known)] ?? 'no payer ID in the directory for this payer' };
}
