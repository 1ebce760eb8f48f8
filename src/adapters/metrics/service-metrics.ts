/** Prometheus metrics (prom-client): what /metrics exposes. Labels are codes, never PHI. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { MetricsPort } from '../../use-cases/ports';
import { TASK_KINDS } from '../../domain/tasks';

export interface ServiceMetrics extends MetricsPort {
  readonly registry: Registry;
}

export function createServiceMetrics({
  openTaskCounts,
}: {
  /** Read at scrape time: open+paused tasks per kind. */
  openTaskCounts: () => Promise<Record<string, number>>;
}): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vob_' });
  const ingested = new Counter({
    name: 'vob_messages_ingested_total',
    help: 'Inbound messages handed to ingest, by result (new, duplicate, needs-review).',
    labelNames: ['result'],
    registers: [registry],
  });
  const extraction = new Histogram({
    name: 'vob_extraction_duration_seconds',
    help: 'Time to extract one message (MIME, body, OCR), by outcome.',
    labelNames: ['outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const replies = new Counter({
    name: 'vob_replies_total',
    help: 'Automatic replies finished, by status (sent, uncertain, failed, suppressed).',
    labelNames: ['status'],
    registers: [registry],
  });
  new Gauge({
    name: 'vob_tasks_open',
    help: 'Open or paused staff tasks, by kind.',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await openTaskCounts().catch(() => ({}) as Record<string, number>);
      for (const kind of TASK_KINDS) {
        this.set({ kind }, counts[kind] ?? 0);
      }
    },
  });
  return {
    registry,
    messageIngested: (result) => ingested.inc({ result }),
    extractionObserved: (seconds, outcome) => extraction.observe({ outcome }, seconds),
    replyFinished: (status) => replies.inc({ status }),
  };
}
