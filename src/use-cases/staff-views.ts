/**
 * What the staff pages show: the filtered queue, one request with everything a biller needs to
 * verify it (fields, missing items, conflicts, card reading, card images, thread, tasks), and one
 * inbound message set aside for review. Decrypts PHI for the staff member's screen only: nothing
 * here logs, and callers address everything by numeric id.
 */
import sharp from 'sharp';
import { REQUIRED_FIELD_PROMPTS, type RequiredField, type VobRequest } from '../../schemas/vob-record';
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import type { Db } from '../adapters/db/db-pool';
import { createStaffViewRepository, type MessageRecordRow, type QueueTaskRow } from '../adapters/db/staff-view.repository';
import { createVobRequestRepository, type VobRequestRow } from '../adapters/db/vob-request.repository';
import { DEFAULT_MIME_LIMITS, parseMessage } from '../adapters/mime-parser';
import { decodeImage, sniffFormat, type InputFormat } from '../adapters/ocr/image-input';
import { renderPdf } from '../adapters/ocr/pdf-render';
import type { ParsedMessage } from '../domain/mime/parsed-message';
import { maskMemberId } from '../domain/staff-auth';
import { TASK_KINDS, type TaskKind, type TaskStatus } from '../domain/tasks';
import { AGE_BUCKETS, ageRange, isPayerFilter, type AgeBucket } from '../domain/request-facts';

const TASK_STATUSES: readonly TaskStatus[] = ['open', 'paused', 'done', 'closed'];
import { z } from 'zod';
import { parseInput } from '../shared/parse-input';
import { listCorrections, type CorrectionView } from './correct-request';

export type { QueueTaskRow } from '../adapters/db/staff-view.repository';

/** `active` is open and paused: the work not finished. */
export const QUEUE_STATUSES = ['active', 'open', 'paused', 'done', 'closed', 'all'] as const;
export type QueueStatusFilter = (typeof QUEUE_STATUSES)[number];

export interface QueueFilter {
  kind: TaskKind | null;
  status: QueueStatusFilter;
  /** The sending center's address, or '@domain'. */
  center: string | null;
  /** 'me', 'none' (unclaimed), 'any', or a staff user's id. */
  assignee: 'me' | 'none' | 'any' | string;
  /** A known payer's name, 'other' (a name not recognised) or 'none' (no payer named); null: any. */
  payer: string | null;
  /** How long ago the email arrived (a bucket); null: any age. */
  age: AgeBucket | null;
  page: number;
}

/** A queue row as lists show it: the member ID masked, the encrypted record dropped. */
export type QueueTask = Omit<QueueTaskRow, 'requestEncrypted'> & { memberIdMasked: string | null };

export interface QueueView {
  filter: QueueFilter;
  tasks: QueueTask[];
  /** Tasks of each kind matching the filter (whatever the kind filter). */
  countsByKind: Record<TaskKind, number>;
  /** Tasks in each status matching the filter (whatever the status filter). */
  countsByStatus: Record<TaskStatus, number>;
  centers: string[];
  /** Payers of the requests in the listed statuses, for the payer filter. */
  payers: string[];
  hasMore: boolean;
  now: Date;
}

export const QUEUE_PAGE_SIZE = 50;

export const queueQuery = z.object({
  kind: z.enum(['all', ...TASK_KINDS]).optional(),
  status: z.enum(QUEUE_STATUSES).optional(),
  /** The sending center: an address or a domain (`@example.org`). */
  center: z.string().trim().max(254).regex(/^[^\s<>]*$/, 'an address or @domain').optional(),
  /** `me`, `none` (unclaimed), `any` or a staff user's id. */
  assignee: z.string().regex(/^(me|none|any|\d{1,18})$/, "'me', 'none', 'any' or a user id").optional(),
  /** A payer from the known list (as the queue's filter lists it), `other` or `none`: never what a center typed. */
  payer: z.string().trim().max(100).refine(isPayerFilter, "a known payer's name, 'other' or 'none'").optional(),
  /** Since the email arrived: under a day, 1–3 days, over 3 days. */
  age: z.enum(AGE_BUCKETS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});


export class BadFilterError extends Error {
  override readonly name = 'BadFilterError';
  readonly code = 'bad-filter';
}

/** The query string's filters, checked against the known values (BadFilterError names the bad one). */
export function parseQueueFilter(query: unknown): QueueFilter {
  const parsed = parseInput(queueQuery, query);
  if (!parsed.ok) {
    const issue = parsed.error.issues[0]!;
    throw new BadFilterError(issue.field === 'kind' ? 'unknown task kind' : issue.field === 'status' ? 'unknown task status' : `bad ${issue.field}: ${issue.message}`);
  }
  const q = parsed.value;
  return {
    kind: q.kind && q.kind !== 'all' ? q.kind : null,
    status: q.status ?? 'active',
    center: q.center ? q.center.toLowerCase() : null,
    assignee: q.assignee ?? 'any',
    payer: q.payer ?? null,
    age: q.age ?? null,
    page: q.page ?? 1,
  };
}

function statusesOf(filter: QueueStatusFilter): TaskStatus[] {
  switch (filter) {
    case 'active':
      return ['open', 'paused'];
    case 'all':
      return ['open', 'paused', 'done', 'closed'];
    default:
      return [filter];
  }
}

/** The last four characters of the request's member ID; null when there is none or it cannot be read. */
function maskedMemberIdOf(cipher: PhiCipher, encrypted: Buffer | null): string | null {
  if (!encrypted) return null;
  try {
    return maskMemberId(cipher.decryptJson<VobRequest>(encrypted).insurance.memberId);
  } catch {
    return null;
  }
}

function queueTask(cipher: PhiCipher) {
  return ({ requestEncrypted, ...t }: QueueTaskRow): QueueTask => ({ ...t, memberIdMasked: maskedMemberIdOf(cipher, requestEncrypted) });
}

export function listQueue({ db, cipher }: { db: Db; cipher: PhiCipher }) {
  const repo = createStaffViewRepository({ db });
  return async (filter: QueueFilter, { viewerId = null, now = new Date(), pageSize = QUEUE_PAGE_SIZE }: { viewerId?: string | null; now?: Date; pageSize?: number } = {}): Promise<QueueView> => {
    const statuses = statusesOf(filter.status);
    const assignee = filter.assignee === 'any' ? null : filter.assignee === 'me' ? (viewerId ?? 'none') : filter.assignee;
    const listFilter = {
      kinds: filter.kind ? [filter.kind] : null,
      statuses,
      center: filter.center,
      assignee,
      payer: filter.payer,
      arrived: filter.age ? ageRange(filter.age, now) : null,
    };
    const [rows, counts, centers, payers] = await Promise.all([
      repo.listTasks({ ...listFilter, now, limit: pageSize + 1, offset: (filter.page - 1) * pageSize }),
      repo.countTasks(listFilter),
      repo.listCenters(statuses),
      repo.listPayers(statuses),
    ]);
    const countsByKind = Object.fromEntries(TASK_KINDS.map((k) => [k, counts.byKind[k] ?? 0])) as Record<TaskKind, number>;
    const countsByStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, counts.byStatus[s] ?? 0])) as Record<TaskStatus, number>;
    const tasks = rows.slice(0, pageSize).map(queueTask(cipher));
    return { filter, tasks, countsByKind, countsByStatus, centers, payers, hasMore: rows.length > pageSize, now };
  };
}

// ---------------------------------------------------------------------------------------------
// One request

export interface AttachmentView {
  /** Position among the request's images and PDFs: /requests/:id/card/:n. */
  n: number;
  inboundMessageId: string;
  filename: string | null;
  /** As the sender declared it. */
  declaredType: string;
  /** From the bytes. */
  format: InputFormat;
  sizeBytes: number;
  /** Shown in the page as an image (HEIC/TIFF/BMP are converted to JPEG to be shown). */
  image: boolean;
}

/** The request's own message, a later answer from the center, or mail about it that was not one. */
export type ThreadRole = 'original' | 'answer' | 'related';

export interface ThreadMessageView {
  inboundMessageId: string;
  role: ThreadRole;
  /** For mail about the request that was not one: what it was (a status question, a cancellation...). */
  intent: string | null;
  subject: string | null;
  from: string | null;
  fromName: string | null;
  /** The Date header (ISO), else null. */
  date: string | null;
  receivedAt: Date;
  /** Set when the stored bytes could not be read back. */
  unreadable: string | null;
}

export interface ReplyView {
  id: string;
  kind: string;
  to: string;
  subject: string | null;
  status: string;
  statusReason: string | null;
  createdAt: Date;
  attemptedAt: Date | null;
  sentAt: Date | null;
}

export interface RequestView {
  id: string;
  status: string;
  inboundMessageId: string;
  requestIndex: number;
  fromAddress: string | null;
  reminderCount: number;
  nextReminderAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  request: VobRequest;
  /** The missing fields in the contract's order with how the center is asked for each. */
  missing: { field: string; askedAs: string }[];
  attachments: AttachmentView[];
  thread: ThreadMessageView[];
  replies: ReplyView[];
  tasks: QueueTask[];
  /** Staff corrections, oldest first, each beside the value it replaced. */
  corrections: CorrectionView[];
}

const IMAGE_FORMATS: ReadonlySet<InputFormat> = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heic', 'tiff', 'bmp']);
/** Formats a browser shows as they are; the others are converted to JPEG for the page. */
const BROWSER_FORMATS: Partial<Record<InputFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};

export function askedAs(field: string): string {
  return REQUIRED_FIELD_PROMPTS[field as RequiredField] ?? field;
}

async function parseRaw(raw: Buffer): Promise<{ parsed: ParsedMessage | null; error: string | null }> {
  try {
    // The stored size already passed the service's own limit; the part and depth limits still apply.
    const parsed = await parseMessage(raw, { ...DEFAULT_MIME_LIMITS, maxMessageBytes: Math.max(DEFAULT_MIME_LIMITS.maxMessageBytes, raw.length) });
    return { parsed, error: null };
  } catch (err) {
    return { parsed: null, error: (err as { code?: string }).code ?? 'unparseable' };
  }
}

async function readMessage(cipher: PhiCipher, row: MessageRecordRow): Promise<{ parsed: ParsedMessage | null; error: string | null }> {
  if (!row.rawEncrypted) return { parsed: null, error: 'not-stored' };
  let raw: Buffer;
  try {
    raw = cipher.decrypt(row.rawEncrypted);
  } catch (err) {
    return { parsed: null, error: (err as { code?: string }).code ?? 'decrypt-failed' };
  }
  return parseRaw(raw);
}

interface ParsedThread {
  row: VobRequestRow;
  messages: { role: ThreadRole; intent: string | null; row: MessageRecordRow; parsed: ParsedMessage | null; error: string | null }[];
}

async function loadThread(db: Db, cipher: PhiCipher, id: string): Promise<ParsedThread | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const repo = createStaffViewRepository({ db });
  const row = await createVobRequestRepository({ db }).findById(id);
  if (!row) return null;
  const [original, answers, related] = await Promise.all([
    repo.findMessage(row.inboundMessageId),
    repo.listAnswerMessages(id),
    repo.listRelatedMessages(id),
  ]);
  const rows: { role: ThreadRole; intent: string | null; row: MessageRecordRow }[] = [
    ...(original ? [{ role: 'original' as const, intent: null, row: original }] : []),
    ...answers.map((a) => ({ role: 'answer' as const, intent: null, row: a })),
    ...related.map(({ intent, ...a }) => ({ role: 'related' as const, intent, row: a })),
  ].sort((a, b) => (a.role === 'original' ? -1 : b.role === 'original' ? 1 : a.row.receivedAt.getTime() - b.row.receivedAt.getTime()));
  const messages = [];
  for (const m of rows) {
    const { parsed, error } = await readMessage(cipher, m.row);
    messages.push({ ...m, parsed, error });
  }
  return { row, messages };
}

/** The request's image and PDF attachments, in thread order, with their bytes. */
function attachmentsOf(thread: ParsedThread): (AttachmentView & { content: Uint8Array })[] {
  const out: (AttachmentView & { content: Uint8Array })[] = [];
  // Mail about the request (a status question...) brings no card of its own.
  for (const m of thread.messages.filter((t) => t.role !== 'related')) {
    for (const a of m.parsed?.attachments ?? []) {
      const format = sniffFormat(a.content);
      if (!format || (!IMAGE_FORMATS.has(format) && format !== 'pdf')) continue;
      out.push({
        n: out.length,
        inboundMessageId: m.row.id,
        filename: a.filename,
        declaredType: a.contentType,
        format,
        sizeBytes: a.content.byteLength,
        image: format !== 'pdf',
        content: a.content,
      });
    }
  }
  return out;
}

export function getRequestView({ db, cipher }: { db: Db; cipher: PhiCipher }) {
  const repo = createStaffViewRepository({ db });
  return async (id: string): Promise<RequestView | null> => {
    const thread = await loadThread(db, cipher, id);
    if (!thread) return null;
    const { row } = thread;
    const request = cipher.decryptJson<VobRequest>(row.requestEncrypted);
    const [replies, tasks, corrections] = await Promise.all([
      repo.listReplies(row.id, thread.messages.map((m) => m.row.id)),
      repo.listTasksForRequest(row.id).then((rows) => rows.map(queueTask(cipher))),
      listCorrections({ db, cipher }, row.id),
    ]);
    const missingFields = request.missingFields ?? row.missingFields;
    return {
      id: row.id,
      status: row.status,
      inboundMessageId: row.inboundMessageId,
      requestIndex: row.requestIndex,
      fromAddress: row.fromAddress,
      reminderCount: row.reminderCount,
      nextReminderAt: row.nextReminderAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      request,
      missing: missingFields.map((field) => ({ field, askedAs: askedAs(field) })),
      attachments: attachmentsOf(thread).map(({ content: _content, ...view }) => view),
      thread: thread.messages.map((m) => ({
        inboundMessageId: m.row.id,
        role: m.role,
        intent: m.intent,
        subject: m.parsed?.subject ?? null,
        from: m.parsed?.from ?? m.row.fromAddress,
        fromName: m.parsed?.fromName ?? null,
        date: m.parsed?.date ?? null,
        receivedAt: m.row.receivedAt,
        unreadable: m.error,
      })),
      replies: replies.map((r) => ({
        id: r.id,
        kind: r.kind,
        to: r.toAddress,
        subject: r.subjectEncrypted ? safeDecryptText(cipher, r.subjectEncrypted) : null,
        status: r.status,
        statusReason: r.statusReason,
        createdAt: r.createdAt,
        attemptedAt: r.attemptedAt,
        sentAt: r.sentAt,
      })),
      tasks,
      corrections,
    };
  };
}

function safeDecryptText(cipher: PhiCipher, blob: Buffer): string | null {
  try {
    return cipher.decrypt(blob).toString('utf8');
  } catch {
    return null;
  }
}

export interface ServedFile {
  contentType: string;
  bytes: Buffer;
  /** A safe download name (ids and an extension only: the sender's file name may carry PHI). */
  downloadName: string;
  /** `inline` for images a browser shows; `attachment` for the rest. */
  disposition: 'inline' | 'attachment';
}

/** Longest side of an image converted for the page (HEIC, TIFF, BMP). */
const CONVERTED_SIZE = 2400;

export function getRequestAttachment({ db, cipher }: { db: Db; cipher: PhiCipher }) {
  /** `pdfPreview`: the first page of a PDF of at most 4 pages as PNG, to show in the page (else null). */
  return async (id: string, n: string, { pdfPreview = false }: { pdfPreview?: boolean } = {}): Promise<ServedFile | null> => {
    if (!/^\d{1,4}$/.test(n)) return null;
    const thread = await loadThread(db, cipher, id);
    if (!thread) return null;
    const attachment = attachmentsOf(thread)[Number(n)];
    if (!attachment) return null;
    const base = `request-${thread.row.id}-attachment-${attachment.n}`;
    const bytes = Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength);
    if (pdfPreview) {
      if (attachment.format !== 'pdf') return null;
      try {
        const [png] = await renderPdf(attachment.content, { maxPages: 4, dpi: 110, maxPixels: 12_000_000, timeoutMs: 15_000 });
        return png ? { contentType: 'image/png', bytes: png, downloadName: `${base}-page-1.png`, disposition: 'inline' } : null;
      } catch {
        return null;
      }
    }
    if (attachment.format === 'pdf') return { contentType: 'application/pdf', bytes, downloadName: `${base}.pdf`, disposition: 'attachment' };
    const browserType = BROWSER_FORMATS[attachment.format];
    if (browserType) return { contentType: browserType, bytes, downloadName: `${base}.${attachment.format === 'jpeg' ? 'jpg' : attachment.format}`, disposition: 'inline' };
    try {
      const [image] = await decodeImage(attachment.content, attachment.format, { maxPixels: 50_000_000, maxPages: 1, workSize: CONVERTED_SIZE });
      if (!image) return null;
      const jpeg = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
      return { contentType: 'image/jpeg', bytes: jpeg, downloadName: `${base}.jpg`, disposition: 'inline' };
    } catch {
      // Not decodable here: hand over the original bytes for a person to open.
      return { contentType: 'application/octet-stream', bytes, downloadName: `${base}.${attachment.format}`, disposition: 'attachment' };
    }
  };
}

// ---------------------------------------------------------------------------------------------
// One inbound message (review-message tasks)

export interface MessageView {
  id: string;
  messageId: string | null;
  status: string;
  reviewCode: string | null;
  reviewReason: string | null;
  sizeBytes: number;
  receivedAt: Date;
  from: string | null;
  fromName: string | null;
  subject: string | null;
  date: string | null;
  /** The body text, cut to `TEXT_LIMIT` characters. */
  text: string | null;
  textChars: number;
  textTruncated: boolean;
  attachments: { filename: string | null; contentType: string; sizeBytes: number }[];
  /** Why the message could not be opened fully here (then only its header block is shown). */
  parseError: string | null;
  rawStored: boolean;
  tasks: QueueTask[];
  requestIds: string[];
}

export const TEXT_LIMIT = 20_000;

/** Parse codes for which the MIME parser is not run again here: the header block is shown. */
const HEADER_ONLY_CODES = new Set(['message-too-large', 'not-a-message', 'unparseable', 'too-many-parts', 'mime-too-deep']);

/** From/Subject/Date read off the raw header block (no MIME decoding) when a full parse is refused. */
function headerBlockFields(raw: Buffer): { from: string | null; subject: string | null; date: string | null } {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, ' ');
  const pick = (name: string): string | null => {
    const line = block.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
    const value = line?.slice(name.length + 1).trim();
    return value ? value.slice(0, 500) : null;
  };
  return { from: pick('from'), subject: pick('subject'), date: pick('date') };
}

export function getMessageView({ db, cipher }: { db: Db; cipher: PhiCipher }) {
  const repo = createStaffViewRepository({ db });
  return async (id: string): Promise<MessageView | null> => {
    if (!/^\d{1,18}$/.test(id)) return null;
    const row = await repo.findMessage(id);
    if (!row) return null;
    const [tasks, requestIds] = await Promise.all([repo.listTasksForMessage(id).then((rows) => rows.map(queueTask(cipher))), repo.listRequestIdsForMessage(id)]);
    const view: MessageView = {
      id: row.id,
      messageId: row.messageId,
      status: row.status,
      reviewCode: row.reviewCode,
      reviewReason: row.reviewReason,
      sizeBytes: row.sizeBytes,
      receivedAt: row.receivedAt,
      from: row.fromAddress,
      fromName: null,
      subject: null,
      date: null,
      text: null,
      textChars: 0,
      textTruncated: false,
      attachments: [],
      parseError: null,
      rawStored: row.rawEncrypted !== null,
      tasks,
      requestIds,
    };
    if (!row.rawEncrypted) return { ...view, parseError: 'not-stored' };
    let raw: Buffer;
    try {
      raw = cipher.decrypt(row.rawEncrypted);
    } catch (err) {
      return { ...view, parseError: (err as { code?: string }).code ?? 'decrypt-failed' };
    }
    const headerOnly = (code: string): MessageView => {
      const h = headerBlockFields(raw);
      return { ...view, from: h.from ?? view.from, subject: h.subject, date: h.date, parseError: code };
    };
    if (row.reviewCode && HEADER_ONLY_CODES.has(row.reviewCode)) return headerOnly(row.reviewCode);
    const { parsed, error } = await parseRaw(raw);
    if (!parsed) return headerOnly(error ?? 'unparseable');
    return {
      ...view,
      from: parsed.from ?? view.from,
      fromName: parsed.fromName,
      subject: parsed.subject,
      date: parsed.date,
      text: parsed.text.slice(0, TEXT_LIMIT),
      textChars: parsed.text.length,
      textTruncated: parsed.text.length > TEXT_LIMIT,
      attachments: parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, sizeBytes: a.content.byteLength })),
    };
  };
}

/** The stored raw message, decrypted, for a person to open in a mail program. */
export function getRawMessage({ db, cipher }: { db: Db; cipher: PhiCipher }) {
  const repo = createStaffViewRepository({ db });
  return async (id: string): Promise<Buffer | null> => {
    if (!/^\d{1,18}$/.test(id)) return null;
    const row = await repo.findMessage(id);
    if (!row?.rawEncrypted) return null;
    return cipher.decrypt(row.rawEncrypted);
  };
}
