/**
 * The VOB record contract (docs/record-contract.md) as zod schemas. Keys, value formats and
 * the required-field names are fixed by the contract: add keys, never rename.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ISO date YYYY-MM-DD');
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164 phone');

export const addressSchema = z.object({
  line1: z.string().min(1),
  line2: z.string().min(1).nullable(),
  city: z.string().min(1).nullable(),
  state: z.string().regex(/^[A-Z]{2}$/).nullable(),
  postalCode: z.string().regex(/^\d{5}(-\d{4})?$/).nullable(),
});

export const relationshipSchema = z.enum(['self', 'spouse', 'child', 'other']);

/** Extra key (allowed by the contract): the level of care the center asks about. */
export const LEVELS_OF_CARE = ['detox', 'residential', 'php', 'iop', 'outpatient'] as const;
export const levelOfCareSchema = z.enum(LEVELS_OF_CARE);

export const cardSideSchema = z.enum(['front', 'back']);

export const cardPhoneSchema = z.object({ label: z.string().min(1), number: e164 });

export const cardFieldsSchema = z.object({
  payerName: z.string().min(1).nullable(),
  memberId: z.string().min(1).nullable(),
  groupNumber: z.string().min(1).nullable(),
  memberName: z.string().min(1).nullable(),
  rxBin: z.string().min(1).nullable(),
  rxPcn: z.string().min(1).nullable(),
  rxGroup: z.string().min(1).nullable(),
  phones: z.array(cardPhoneSchema),
});

/**
 * Extra key (allowed by the contract): OCR confidence 0-100 of each card field read, from the
 * recognised words that produced the value (their tesseract confidences, weighted by length), or
 * the reading's mean word confidence when those words could not be located in the OCR output (a
 * payer named from the dictionary, a value repaired from look-alike characters). `phones` is
 * parallel to `fields.phones`. Absent on a field that was not read.
 */
const confidence = z.number().int().min(0).max(100);
export const cardFieldConfidenceSchema = z.object({
  payerName: confidence.optional(),
  memberId: confidence.optional(),
  groupNumber: confidence.optional(),
  memberName: confidence.optional(),
  rxBin: confidence.optional(),
  rxPcn: confidence.optional(),
  rxGroup: confidence.optional(),
  phones: z.array(confidence).optional(),
});

/** The request fields whose origin is recorded in `sources` (the fields staff can correct). */
export const SOURCED_FIELDS = [
  'client.name',
  'client.dob',
  'client.address',
  'insurance.payerName',
  'insurance.memberId',
  'insurance.groupNumber',
  'insurance.phone',
  'subscriber.name',
  'subscriber.relationship',
  'referredBy',
] as const;
export type SourcedField = (typeof SOURCED_FIELDS)[number];

/**
 * Where a field's value came from: the email text, the card image (OCR), a later answer from the
 * center, or a staff correction.
 */
export const FIELD_SOURCES = ['body', 'card', 'answer', 'correction'] as const;
export const fieldSourceSchema = z.enum(FIELD_SOURCES);
export const fieldSourcesSchema = z.partialRecord(z.enum(SOURCED_FIELDS), fieldSourceSchema);

export const conflictSchema = z.object({
  field: z.string(),
  body: z.string(),
  card: z.string(),
});

/** The required fields in the contract's order; the order of `missingFields`. */
export const REQUIRED_FIELDS = [
  'client.name',
  'client.dob',
  'client.address',
  'insurance.payerName',
  'insurance.memberId',
  'insurance.phone',
  'subscriber.name',
  'subscriber.relationship',
  'referredBy',
  'card',
] as const;
export const requiredFieldSchema = z.enum(REQUIRED_FIELDS);
export type RequiredField = z.infer<typeof requiredFieldSchema>;

/** How the reply asks for each required field (the contract's "asked as" column). */
export const REQUIRED_FIELD_PROMPTS: Record<RequiredField, string> = {
  'client.name': 'Client Name',
  'client.dob': 'Date of birth',
  'client.address': 'Client Address',
  'insurance.payerName': 'Insurance Name',
  'insurance.memberId': 'ID #',
  'insurance.phone': 'Insurance Phone Number',
  'subscriber.name': 'Subscriber Name',
  'subscriber.relationship': 'Subscriber Relationship',
  referredBy: 'Referred By (Treatment Center)',
  card: 'Copy of the Insurance Card',
};

export const vobRequestSchema = z.object({
  client: z.object({
    name: z.string().min(1).nullable(),
    dob: isoDate.nullable(),
    address: addressSchema.nullable(),
  }),
  insurance: z.object({
    payerName: z.string().min(1).nullable(),
    memberId: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/).nullable(),
    groupNumber: z.string().min(1).nullable(),
    phone: e164.nullable(),
  }),
  subscriber: z.object({
    name: z.string().min(1).nullable(),
    relationship: relationshipSchema.nullable(),
  }),
  referredBy: z.string().min(1).nullable(),
  card: z.object({
    attached: z.boolean(),
    sides: z.array(cardSideSchema),
    fields: cardFieldsSchema.nullable(),
    /** Extra key: per-field OCR confidence (cardFieldConfidenceSchema); absent when nothing was read. */
    fieldConfidence: cardFieldConfidenceSchema.optional(),
  }),
  missingFields: z.array(requiredFieldSchema),
  conflicts: z.array(conflictSchema),
  /** Extra key: from "Level of care"/"Program" lines or words such as detox, PHP, IOP; null when unsaid. */
  levelOfCare: levelOfCareSchema.nullable().optional(),
  /**
   * Extra key: where each field's value came from (`body`, `card`, `answer`, `correction`),
   * keyed by field name; a field without a value has no entry. Absent on records stored before
   * provenance was kept.
   */
  sources: fieldSourcesSchema.optional(),
});

export const replyReasonSchema = z.enum([
  'missing-fields',
  'complete',
  'auto-submitted',
  'bulk-or-list',
  'not-a-request',
  'sender-not-allowed',
]);

export const replyDecisionSchema = z.object({
  send: z.boolean(),
  reason: replyReasonSchema,
  /**
   * Extra key (allowed by the contract): why a reply that the missing fields call for is held
   * for staff instead (the message may state a field the reader did not take). Field names and
   * line numbers only, never values. Absent when nothing is held.
   */
  review: z.array(z.string()).optional(),
});

/** Extra key (allowed by the contract): an attachment that could not be read, and why. */
export const attachmentErrorSchema = z.object({
  filename: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const vobDocumentSchema = z.object({
  messageId: z.string().nullable(),
  from: z.string().nullable(),
  subject: z.string().nullable(),
  requests: z.array(vobRequestSchema),
  reply: replyDecisionSchema,
  attachmentErrors: z.array(attachmentErrorSchema),
  /**
   * Extra key (allowed by the contract): the no-reply address that relayed the message (a web
   * form, a ticket tool) when `from` is the person it names in Reply-To. Absent otherwise.
   */
  relayedBy: z.string().optional(),
});

export type Address = z.infer<typeof addressSchema>;
export type Relationship = z.infer<typeof relationshipSchema>;
export type LevelOfCare = z.infer<typeof levelOfCareSchema>;
export type CardSide = z.infer<typeof cardSideSchema>;
export type CardPhone = z.infer<typeof cardPhoneSchema>;
export type CardFields = z.infer<typeof cardFieldsSchema>;
export type Conflict = z.infer<typeof conflictSchema>;
export type CardFieldConfidence = z.infer<typeof cardFieldConfidenceSchema>;
export type FieldSource = z.infer<typeof fieldSourceSchema>;
export type FieldSources = z.infer<typeof fieldSourcesSchema>;
export type VobRequest = z.infer<typeof vobRequestSchema>;
export type ReplyReason = z.infer<typeof replyReasonSchema>;
export type ReplyDecision = z.infer<typeof replyDecisionSchema>;
export type AttachmentError = z.infer<typeof attachmentErrorSchema>;
export type VobDocument = z.infer<typeof vobDocumentSchema>;
