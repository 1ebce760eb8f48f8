/** Card fields from OCR text: payer, IDs, name, Rx codes and labelled phones. */
import type { CardFields } from '../../../schemas/vob-record';
import type { AttachmentKind } from './card-reading';
import { readCardPhones } from './card-phones';
import { classifySide } from './classify-side';
import { labelledValues, readFrontFields } from './member-id';
import { findPayer } from './payers';

/**
 * The text with the member's printed name blanked: a person called Oscar or Molina is not a
 * payer, and the payer dictionary has one-word brands.
 */
function withoutMemberNames(text: string): string {
  let out = text;
  for (const value of labelledValues(text).memberName) {
    const name = value.trim();
    if (name.length >= 3) out = out.split(name).join(' '.repeat(name.length));
  }
  return out;
}

export function readCardFields(text: string): CardFields {
  const payerName = findPayer(withoutMemberNames(text));
  const front = readFrontFields(text, payerName);
  return { payerName, ...front, phones: readCardPhones(text) };
}

/** Fields and what the text shows, in one pass; fields of a non-card are all empty. */
export function readCardText(text: string): { kind: AttachmentKind; fields: CardFields } {
  const fields = readCardFields(text);
  const kind = classifySide(text, fields);
  if (kind === 'not-a-card') {
    return {
      kind,
      fields: { payerName: null, memberId: null, groupNumber: null, memberName: null, rxBin: null, rxPcn: null, rxGroup: null, phones: [] },
    };
  }
  return { kind, fields };
}

/** A card side read without what it must show: a front (or both sides) with no member ID, a back with no phone. */
export function lacksKeyField(kind: AttachmentKind, fields: CardFields): boolean {
  if (kind === 'front' || kind === 'both') return fields.memberId === null;
  if (kind === 'back') return fields.phones.length === 0;
  return false;
}

/** How many card fields a reading found, to choose between two readings of one image. */
export function cardFieldCount(fields: CardFields): number {
  const { phones, ...scalars } = fields;
  return Object.values(scalars).filter((v) => v !== null).length + phones.length;
}
