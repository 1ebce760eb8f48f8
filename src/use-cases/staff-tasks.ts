/** What billing staff do with their queue: list open tasks, mark one done. */
import type { Db } from '../adapters/db/db-pool';
import { createStaffTaskRepository, type StaffTaskRow } from '../adapters/db/staff-task.repository';

export type StaffTaskView = Pick<
  StaffTaskRow,
  'id' | 'kind' | 'status' | 'priority' | 'dueAt' | 'reason' | 'missingFields' | 'requestId' | 'inboundMessageId' | 'createdAt'
>;

export class TaskNotOpenError extends Error {
  override readonly name = 'TaskNotOpenError';
  readonly code = 'task-not-open';
}

export function listOpenTasks({ db }: { db: Db }) {
  return async ({ limit = 500 }: { limit?: number } = {}): Promise<StaffTaskView[]> =>
    (await createStaffTaskRepository({ db }).listOpen({ limit })).map(view);
}

export function completeTask({ db }: { db: Db }) {
  return async ({ taskId, by }: { taskId: string; by: string }): Promise<StaffTaskView> => {
    if (!/^\d{1,18}$/.test(taskId)) throw new TaskNotOpenError(`no open task ${taskId}`);
    const done = await createStaffTaskRepository({ db }).markDone(taskId, by);
    if (!done) throw new TaskNotOpenError(`no open task ${taskId}`);
    return view(done);
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
  };
}
