import type { Address, Relationship } from '../../../schemas/vob-record';
import type { BodySegment } from '../mime/body-segments';
import type { MessageIntent } from './message-intent';

/** What the body of a message states about one client; null where it says nothing usable. */
export interface BodyRequest {
  client: { name: string | null; dob: string | null; address: Address | null };
  insurance: {
    payerName: string | null;
    memberId: string | null;
    groupNumber: string | null;
    phone: string | null;
  };
  subscriber: { name: string | null; relationship: Relationship | null };
  referredBy: string | null;
  /** The client's row of a table left the referral cell empty: another client's referral does not fill it. */
  referralLeftBlank?: true;
}

/** The fields a body can state, by their path in the contract, for scoring (tests, benches). */
export const BODY_REQUEST_FIELDS: readonly (readonly [string, (r: BodyRequest) => unknown])[] = [
  ['client.name', (r) => r.client.name],
  ['client.dob', (r) => r.client.dob],
  ['client.address', (r) => r.client.address],
  ['insurance.payerName', (r) => r.insurance.payerName],
  ['insurance.memberId', (r) => r.insurance.memberId],
  ['insurance.groupNumber', (r) => r.insurance.groupNumber],
  ['insurance.phone', (r) => r.insurance.phone],
  ['subscriber.name', (r) => r.subscriber.name],
  ['subscriber.relationship', (r) => r.subscriber.relationship],
  ['referredBy', (r) => r.referredBy],
];

/** The body extraction result for one message. */
export interface BodyExtraction {
  /** One per client the message describes, newest statements winning; empty when none. */
  requests: BodyRequest[];
  /** The message asks for a verification of benefits (subject or body says so). */
  mentionsVerification: boolean;
  /** What the newest text does; anything but 'request' is never answered with a form reply. */
  intent?: MessageIntent;
  /** The body split into its messages, newest first (for the reply-certainty check). */
  segments?: BodySegment[];
  /**
   * Values the reader placed in fields no request carries (a subscriber's date of birth): for the
   * reply-certainty check, no sign of a missing field.
   */
  placedValues?: string[];
}

/** What the body extractor may know about the message besides its text. */
export interface BodyContext {
  subject: string | null;
  from: string | null;
  fromName: string | null;
  /** The message's Date (ISO or RFC 2822): "today" for the DOB checks; the current date when absent. */
  referenceDate?: string | null;
  /**
   * The message answers another (In-Reply-To/References or a "Re:" subject): a center answering
   * our reply often gives only the missing items, without naming the client again.
   */
  isReply?: boolean;
}
