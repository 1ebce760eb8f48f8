/**
 * Where each request field's value came from, as plain data beside the record (`sources`):
 * `body` (the email text), `card` (OCR of the card image), `answer` (a later reply from the
 * center) or `correction` (a staff member). Pure. Decided where the value is decided: the merge of
 * body and card, an answer applied to an open request, a staff correction. A field without a
 * value has no entry; a record stored before sources were kept has no `sources` at all, and
 * gains entries only for what changes after.
 */
import { isDeepStrictEqual } from 'node:util';
import { SOURCED_FIELDS, type FieldSource, type FieldSources, type SourcedField, type VobRequest } from '../../schemas/vob-record';

type Fields = Pick<VobRequest, 'client' | 'insurance' | 'subscriber' | 'referredBy'>;

/** The field's value as stored (an address as its object); null when unknown. */
export function storedValue(request: Fields, field: SourcedField): unknown {
  const [group, key] = field.split('.') as [keyof Fields, string | undefined];
  const top = request[group] as unknown;
  if (key === undefined) return top ?? null;
  return (top as Record<string, unknown> | null)?.[key] ?? null;
}

/** Sources of a request just read from one message: each field with a value, from `origin(field)`. */
export function sourcesFor(request: Fields, origin: (field: SourcedField) => FieldSource): FieldSources {
  const sources: FieldSources = {};
  for (const field of SOURCED_FIELDS) if (storedValue(request, field) !== null) sources[field] = origin(field);
  return sources;
}

/**
 * Sources once an answer is applied: a field the answer states a new value for (or fills) came
 * from the answer; a field it restates unchanged keeps its origin; a field it does not state
 * keeps the open request's. Undefined when the open request had none and the answer added none.
 */
export function sourcesAfterAnswer(open: VobRequest, answer: VobRequest, merged: Fields): FieldSources | undefined {
  const sources: FieldSources = {};
  for (const field of SOURCED_FIELDS) {
    if (storedValue(merged, field) === null) continue;
    const stated = storedValue(answer, field);
    const before = open.sources?.[field];
    if (stated !== null && (before === undefined || !isDeepStrictEqual(stated, storedValue(open, field)))) sources[field] = 'answer';
    else if (before !== undefined) sources[field] = before;
  }
  return open.sources === undefined && Object.keys(sources).length === 0 ? undefined : sources;
}

/** Sources after a staff correction of `field`: it came from the correction, or has none when cleared. */
export function sourcesAfterCorrection(sources: FieldSources | undefined, field: SourcedField, value: string | null): FieldSources {
  const next: FieldSources = { ...sources };
  if (value === null) delete next[field];
  else next[field] = 'correction';
  return next;
}
