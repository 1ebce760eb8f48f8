/**
 * Follow-up work for billing staff, decided from a request's state. Pure: state in, task
 * specifications out; the staff-task repository upserts them under (kind, subject key).
 * Reasons name fields and codes only, never a value from the message (PHI).
 */
import { REQUIRED_FIELD_PROMPTS, type RequiredField, type VobRequest } from '../../schemas/vob-record';

export const TASK_KINDS = ['verify-benefits', 'awaiting-information', 'review-conflicts', 'review-message', 'eligibility-rejected'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export type TaskStatus = 'open' | 'paused' | 'done' | 'closed';

/** 1 is the most urgent. */
export const TASK_PRIORITY: Record<TaskKind, number> = {
  'review-message': 1,
  'review-conflicts': 2,
  'verify-benefits': 2,
  'awaiting-information': 3,
  'eligibility-rejected': 2,
};

/** How long staff have for each kind, in hours from when the task is (re)opened. */
export const TASK_DUE_HOURS: Record<Exclude<TaskKind, 'awaiting-information'>, number> = {
  'review-message': 4,
  'review-conflicts': 8,
  'verify-benefits': 24,
  'eligibility-rejected': 8,
};

export interface TaskSpec {
  kind: TaskKind;
  /** Natural key: one task of a kind per subject. */
  subjectKey: string;
  requestId: string | null;
  inboundMessageId: string | null;
  status: 'open' | 'paused';
  priority: number;
  dueAt: Date;
  reason: string;
  missingFields: RequiredField[];
}

export interface TaskPlan {
  /** Tasks to create or refresh. */
  upsert: TaskSpec[];
  /** Kinds of this request's tasks that no longer apply and are closed. */
  close: TaskKind[];
}

/** How the center is being asked for what is missing. */
export type ChaseState =
  /** An automatic reply (or reminder) went or is going out: the task waits on the center. */
  | { kind: 'replied' }
  /** No automatic reply (the decision's reason, or 'suppressed'): staff must contact the center. */
  | { kind: 'not-replied'; reason: string }
  /** Reminders are used up and the center has not answered. */
  | { kind: 'reminders-exhausted'; reminders: number };

export interface RequestTaskInput {
  requestId: string;
  inboundMessageId: string;
  request: Pick<VobRequest, 'missingFields' | 'conflicts'>;
  chase: ChaseState;
  now: Date;
  reminderAfterHours: number;
}

/** Fields asked for "if available": lacking only these, a request does not wait on the center. */
export const OPTIONAL_ON_ARRIVAL: readonly RequiredField[] = ['card'];

/** A request lacking anything but the card (which is asked for "if available") waits on the center. */
export function isAwaitingInformation(missing: readonly RequiredField[]): boolean {
  return missing.some((f) => !OPTIONAL_ON_ARRIVAL.includes(f));
}

export function requestStatus(request: Pick<VobRequest, 'missingFields'>): 'awaiting-information' | 'ready' {
  return isAwaitingInformation(request.missingFields) ? 'awaiting-information' : 'ready';
}

export function requestSubjectKey(requestId: string): string {
  return `request:${requestId}`;
}

export function messageSubjectKey(inboundMessageId: string): string {
  return `message:${inboundMessageId}`;
}

export function planRequestTasks(input: RequestTaskInput): TaskPlan {
  const { requestId, inboundMessageId, request, now } = input;
  const subjectKey = requestSubjectKey(requestId);
  const base = { subjectKey, requestId, inboundMessageId };
  const upsert: TaskSpec[] = [];
  const close: TaskKind[] = [];
  const missing = request.missingFields;

  if (isAwaitingInformation(missing)) {
    const asked = prompts(missing);
    const waiting = input.chase.kind === 'replied';
    upsert.push({
      ...base,
      kind: 'awaiting-information',
      status: waiting ? 'paused' : 'open',
      priority: waiting ? TASK_PRIORITY['awaiting-information'] : 2,
      dueAt: addHours(now, waiting ? input.reminderAfterHours : 4),
      reason: chaseReason(input.chase, asked),
      missingFields: [...missing],
    });
    close.push('verify-benefits');
  } else {
    upsert.push({
      ...base,
      kind: 'verify-benefits',
      status: 'open',
      priority: TASK_PRIORITY['verify-benefits'],
      dueAt: addHours(now, TASK_DUE_HOURS['verify-benefits']),
      reason: missing.includes('card')
        ? 'Complete request: verify benefits with the payer (no copy of the insurance card)'
        : 'Complete request: verify benefits with the payer',
      missingFields: [...missing],
    });
    close.push('awaiting-information');
  }

  if (request.conflicts.length > 0) {
    const fields = [...new Set(request.conflicts.map((c) => c.field))];
    upsert.push({
      ...base,
      kind: 'review-conflicts',
      status: 'open',
      priority: TASK_PRIORITY['review-conflicts'],
      dueAt: addHours(now, TASK_DUE_HOURS['review-conflicts']),
      reason: `Message body and insurance card disagree on: ${fields.join(', ')}`,
      missingFields: [],
    });
  } else {
    close.push('review-conflicts');
  }
  return { upsert, close };
}

export type ReviewCode =
  | 'message-too-large'
  | 'not-a-message'
  | 'unparseable'
  | 'too-many-parts'
  | 'mime-too-deep'
  | 'extraction-timeout'
  | 'extraction-crashed'
  | 'extraction-failed'
  | 'image-too-large';

const REVIEW_REASONS: Record<ReviewCode, string> = {
  'message-too-large': 'Message is larger than the size limit; open it in the Needs-Review folder',
  'not-a-message': 'Not a readable e-mail message',
  unparseable: 'The message could not be parsed (malformed MIME)',
  'too-many-parts': 'The message has too many MIME parts (possible MIME bomb); set aside',
  'mime-too-deep': 'The message nests too many multipart levels (possible MIME bomb); set aside',
  'extraction-timeout': 'Reading the message or its attachments took too long (possible image bomb); set aside',
  'extraction-crashed': 'Reading the message exhausted its memory limit (possible image bomb); set aside',
  'extraction-failed': 'Reading the message failed repeatedly; set aside',
  'image-too-large': 'An attachment declares an image larger than the pixel limit (possible image bomb); set aside',
};

export function reviewReason(code: ReviewCode): string {
  return REVIEW_REASONS[code];
}

export function isReviewCode(code: string): code is ReviewCode {
  return Object.prototype.hasOwnProperty.call(REVIEW_REASONS, code);
}

/** A review-message task: staff look at the message itself (by id), for `reason`; tied to a request when it is about one. */
export function messageReviewTask(inboundMessageId: string, reason: string, now: Date, requestId: string | null = null): TaskSpec {
  return {
    kind: 'review-message',
    subjectKey: messageSubjectKey(inboundMessageId),
    requestId,
    inboundMessageId,
    status: 'open',
    priority: TASK_PRIORITY['review-message'],
    dueAt: addHours(now, TASK_DUE_HOURS['review-message']),
    reason,
    missingFields: [],
  };
}

export function reviewMessageTask({ inboundMessageId, code, now }: { inboundMessageId: string; code: ReviewCode; now: Date }): TaskSpec {
  return messageReviewTask(inboundMessageId, `${reviewReason(code)} [${code}]`, now);
}

/**
 * Mail from a sender not on the allowlist: stored as usual but not answered automatically, so
 * staff look at who sent it and answer by hand if it is a center of ours.
 */
export function unlistedSenderTask({ inboundMessageId, now }: { inboundMessageId: string; now: Date }): TaskSpec {
  return messageReviewTask(inboundMessageId, 'The sender is not on the allowlist: no automatic reply was sent; check the sender and answer by hand [sender-not-allowed]', now);
}

/** The payer's reasons (AAA codes in words) for rejecting a request's 270: staff correct and resend. */
export function eligibilityRejectedTask({
  requestId,
  inboundMessageId,
  rejections,
  now,
}: {
  requestId: string;
  inboundMessageId: string;
  rejections: readonly { code: string; reason: string; followUp: string | null }[];
  now: Date;
}): TaskSpec {
  const reasons = rejections.map((r) => `${r.code} ${r.reason}${r.followUp ? ` (${r.followUp})` : ''}`);
  return {
    kind: 'eligibility-rejected',
    subjectKey: requestSubjectKey(requestId),
    requestId,
    inboundMessageId,
    status: 'open',
    priority: TASK_PRIORITY['eligibility-rejected'],
    dueAt: addHours(now, TASK_DUE_HOURS['eligibility-rejected']),
    reason: `The payer rejected the eligibility inquiry: ${[...new Set(reasons)].join('; ')}`,
    missingFields: [],
  };
}

function chaseReason(chase: ChaseState, asked: string): string {
  switch (chase.kind) {
    case 'replied':
      return `Waiting on the center for: ${asked}`;
    case 'not-replied':
      return `No automatic reply (${chase.reason}); contact the center for: ${asked}`;
    case 'reminders-exhausted':
      return `No answer after ${chase.reminders} reminder(s); contact the center for: ${asked}`;
  }
}

function prompts(fields: readonly RequiredField[]): string {
  return fields.map((f) => REQUIRED_FIELD_PROMPTS[f]).join(', ');
}

function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * 3_600_000);
}
