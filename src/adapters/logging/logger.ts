/** pino to stderr. Callers log ids, codes and counts only; never PHI. */
import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'vob-intake' } }, pino.destination({ fd: 2, sync: false }));
}
