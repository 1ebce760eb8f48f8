/** Card fields from OCR text: payer, IDs, name, Rx codes and labelled phones. */
import type { CardFields } from '../../../schemas/vob-record';
import type { AttachmentKind } from './card-reading';
import { readCardPhones } from './card-phones';
import { classifySide } from './classify-side';
import { labelledValues, readFrontFields, startsWithCardLabel } from './member-id';
import { toLines } from './card-text';
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

/**
 * The text with a name printed over two lines joined where it stands: a logo's "Independence"
 * above "Blue Cross" is one name, though the card's other column sits between them on the line.
 * Each cell is followed by the cell starting at its column on the next line, unless that cell is
 * a label ("highmark" above "MEMBER" stays "highmark", so "Highmark Blue Shield" beside it reads).
 */
export function withStackedCells(text: string): string {
  const lines = toLines(text);
  return lines
    .map((line, i) => {
      const below = lines[i + 1];
      if (!below) return line.text;
      let out = line.text;
      for (const cell of [...line.cells].reverse()) {
        const under = below.cells.find((c) => Math.abs(c.start - cell.start) <= 2);
        if (under && !startsWithCardLabel(under.text)) out = `${out.slice(0, cell.end)} ${under.text}${out.slice(cell.end)}`;
      }
      return out;
    })
    .join('\n');
}

export function readCardFields(text: string): CardFields {
  const payerName = findPayer(withStackedCells(withoutMemberNames(text)));
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
