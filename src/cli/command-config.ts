import { ConfigError, loadConfig, type Config } from '../config';

/** sysexits EX_CONFIG: the environment names a bad or missing setting. */
export const EXIT_CONFIG = 78;

/** The environment's config, or null after saying on stderr which variable is wrong. */
export function loadCommandConfig(command: string, env: NodeJS.ProcessEnv = process.env): Config | null {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`vob ${command}: ${err.message}\n`);
      return null;
    }
    throw err;
  }
}
