/** ioredis connections for BullMQ: workers block (no retry limit); producers fail fast. */
import IORedis, { type Redis } from 'ioredis';

export function createWorkerConnection(url: string): Redis {
  const redis = new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
  redis.on('error', () => undefined);
  return redis;
}

export function createProducerConnection(url: string): Redis {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 2000 });
  redis.on('error', () => undefined);
  return redis;
}
