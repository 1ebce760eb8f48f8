export type MessageRejectedCode =
  | 'not-a-message'
  | 'unparseable'
  | 'message-too-large'
  | 'too-many-parts'
  | 'mime-too-deep';

/** A raw message that cannot be read as a message at all; `message` is a one-line reason. */
export class MessageRejectedError extends Error {
  override readonly name = 'MessageRejectedError';
  constructor(
    readonly code: MessageRejectedCode,
    message: string,
  ) {
    super(message);
  }
}
