/** Why the extractor gave up on a message; every code sets the message aside for staff. */
export type ExtractionErrorCode = 'extraction-timeout' | 'extraction-crashed';

export class ExtractionError extends Error {
  override readonly name = 'ExtractionError';
  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
  ) {
    super(message);
  }
}
