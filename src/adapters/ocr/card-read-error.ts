/**
 * Why an attachment could not be read for a card. The pipeline lists these in
 * `attachmentErrors` and carries on with the rest of the message; messages never carry OCR text.
 */
export type CardReadErrorCode =
  | 'unsupported-format'
  | 'corrupt-image'
  | 'image-too-large'
  | 'corrupt-pdf'
  | 'pdf-encrypted'
  | 'pdf-too-many-pages'
  | 'pdf-timeout'
  | 'ocr-timeout'
  | 'ocr-unavailable';

export class CardReadError extends Error {
  override readonly name = 'CardReadError';
  constructor(
    readonly code: CardReadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isCardReadError(e: unknown): e is CardReadError {
  return e instanceof CardReadError;
}
