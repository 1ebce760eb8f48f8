import type { CardFieldConfidence, CardFields } from '../../../schemas/vob-record';

/** What one attachment was recognised as. */
export type AttachmentKind = 'front' | 'back' | 'both' | 'not-a-card';

/** The result of reading one attachment (or one PDF page) for an insurance card. */
export interface CardReading {
  filename: string | null;
  kind: AttachmentKind;
  /** Fields read off this image; null values where unread. */
  fields: CardFields;
  /** OCR text, kept for debugging and staff review; never logged. */
  text: string;
  /** OCR mean confidence 0-100. */
  confidence: number;
  /**
   * Per field, the confidence 0-100 of the recognised words that produced its value (see
   * field-confidence.ts); a field missing here falls back to `confidence`.
   */
  fieldConfidence?: CardFieldConfidence;
}
