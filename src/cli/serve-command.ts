/** `vob serve`: migrations, workers, reconciler, the mailbox poller and the HTTP port, until SIGTERM/SIGINT. */
import { EXIT_CONFIG, loadCommandConfig } from './command-config';
import { createLogger } from '../adapters/logging/logger';
import { startVobService } from '../service/vob-service';

export async function runServe(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write('usage: vob serve   (configured by environment variables; see .env.example)\n');
    return 64;
  }
  const config = loadCommandConfig('serve');
  if (!config) return EXIT_CONFIG;
  const logger = createLogger(config.LOG_LEVEL);
  const service = await startVobService({ config, logger });
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'signal received');
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  // A second signal during a slow drain exits at once.
  const force = () => process.exit(1);
  process.once('SIGTERM', force);
  process.once('SIGINT', force);
  await service.stop();
  logger.flush();
  return 0;
}
