/**
 * What billing staff do with their queue: claim a task (one winner), release it, give it to
 * someone (admins), take the next most urgent one, mark one done. Each is written to the audit
 * trail with the task's id.
 */
import type { Db } from '../adapters/db/db-pool';
import { createAuditRepository } from '../adapters/db/audit.repository';
import { createStaffTaskRepository, type StaffTaskRow } from '../adapters/db/staff-task.repository';
import type { Actor } from './staff-accounts';

export type StaffTaskView = Pick<
  StaffTaskRow,
  'id' | 'kind' | 'status' | 'priority' | 'dueAt' | 'reason' | 'missingFields' | 'requestId' | 'inboundMessageId' | 'createdAt' | 'claimedBy' | 'claimedAt'
>;

export class TaskNotOpenError extends Error {
  override readonly name = 'TaskNotOpenError';
  readonly code = 'task-not-open';
}

/** Someone else holds the task (or it is closed): the claim lost. */
export class TaskHeldError extends Error {
  override readonly name = 'TaskHeldError';
  readonly code = 'task-held';
}

export function listOpenTasks({ db }: { db: Db }) {
  return async ({ limit = 500 }: { limit?: number } = {}): Promise<StaffTaskView[]> =>
    (await createStaffTaskRepository({ db }).listOpen({ limit })).map(view);
}

const TASK_ID = /^\d{1,18}$/;

export function completeTask({ db }: { db: Db }) {
  const audit = createAuditRepository({ db });
  return async ({ taskId, by, ip = null }: { taskId: string; by: Actor; ip?: string | null }): Promise<StaffTaskView> => {
    if (!TASK_ID.test(taskId)) throw new TaskNotOpenError(`no open task ${taskId}`);
    const done = await createStaffTaskRepository({ db }).markDone(taskId, by.email);
    if (!done) throw new TaskNotOpenError(`no open task ${taskId}`);
    await audit.insert({ actorId: by.userId, actor: by.email, action: 'task-done', subject: `task:${taskId}`, ip });
    return view(done);
  };
}

export function claimTasks({ db }: { db: Db }) {
  const tasks = createStaffTaskRepository({ db });
  const audit = createAuditRepository({ db });
  const record = (by: Actor, action: string, taskId: string, ip: string | null) =>
    audit.insert({ actorId: by.userId, actor: by.email, action, subject: `task:${taskId}`, ip });
  return {
    async claim(taskId: string, by: Actor, ip: string | null): Promise<StaffTaskView> {
      if (!TASK_ID.test(taskId) || !by.userId) throw new TaskNotOpenError(`no open task ${taskId}`);
      const row = await tasks.claim(taskId, by.userId);
      if (!row) {
        const existing = await tasks.findById(taskId);
        if (!existing || (existing.status !== 'open' && existing.status !== 'paused')) throw new TaskNotOpenError(`no open task ${taskId}`);
        throw new TaskHeldError(`task ${taskId} is held by someone else`);
      }
      await record(by, 'task-claim', taskId, ip);
      return view(row);
    },

    /** Staff release what they hold; admins may release anyone's. */
    async release(taskId: string, by: Actor, ip: string | null): Promise<StaffTaskView> {
      if (!TASK_ID.test(taskId)) throw new TaskNotOpenError(`no task ${taskId}`);
      const row = await tasks.release(taskId, by.role === 'admin' ? null : by.userId);
      if (!row) throw new TaskHeldError(`task ${taskId} is not held by you`);
      await record(by, 'task-release', taskId, ip);
      return view(row);
    },

    async assign(taskId: string, userId: string, by: Actor, ip: string | null): Promise<StaffTaskView> {
      if (!TASK_ID.test(taskId)) throw new TaskNotOpenError(`no open task ${taskId}`);
      const row = await tasks.assign(taskId, userId);
      if (!row) throw new TaskNotOpenError(`no open task ${taskId}`);
      await record(by, `task-assign:user:${userId}`, taskId, ip);
      return view(row);
    },

    /** The most urgent unclaimed open task, now held by `by`; null when there is none. */
    async next(by: Actor, ip: string | null, now = new Date()): Promise<StaffTaskView | null> {
      if (!by.userId) return null;
      const row = await tasks.claimNext(by.userId, now);
      if (row) await record(by, 'task-claim', row.id, ip);
      return row ? view(row) : null;
    },
  };
}

function view(t: StaffTaskRow): StaffTaskView {
  return {
    id: t.id,
    kind: t.kind,
    status: t.status,
    priority: t.priority,
    dueAt: t.dueAt,
    reason: t.reason,
    missingFields: t.missingFields,
    requestId: t.requestId,
    inboundMessageId: t.inboundMessageId,
    createdAt: t.createdAt,
    claimedBy: t.claimedBy,
    claimedAt: t.claimedAt,
  };
}
