/** What commands that read one file share: their `FILE [--json]` arguments and the read itself. */
import { readFile, stat } from 'node:fs/promises';

/** sysexits EX_NOINPUT: the input file cannot be read. */
export const EXIT_NO_INPUT = 66;

/**
 * A `FILE [--json]` command: `read` turns the file into a result (or an exit code after saying
 * why on stderr), printed as JSON or in the readable form.
 */
export async function runFileCommand<T>(
  args: readonly string[],
  usage: string,
  read: (file: string) => Promise<T | number>,
  format: (result: T) => string,
): Promise<number> {
  const input = fileAndJsonFlag(args);
  if (input === null) {
    process.stderr.write(`${usage}\n`);
    return 64;
  }
  const result = await read(input.file);
  if (typeof result === 'number') return result;
  process.stdout.write(input.json ? `${JSON.stringify(result, null, 2)}\n` : format(result));
  return 0;
}

/** `FILE [--json]`: the one file and whether JSON was asked for; null when the arguments are not that. */
function fileAndJsonFlag(args: readonly string[]): { file: string; json: boolean } | null {
  const files = args.filter((a) => a !== '--json');
  if (files.length !== 1 || files[0]!.startsWith('-')) return null;
  return { file: files[0]!, json: args.includes('--json') };
}

/**
 * The file's bytes, or an exit code after naming the file on stderr: EXIT_NO_INPUT when it
 * cannot be read, 65 when it is larger than `maxBytes` (checked before reading it into memory).
 */
export async function readCommandFile(file: string, command: string, maxBytes = Infinity): Promise<Buffer | number> {
  try {
    const { size } = await stat(file);
    if (size > maxBytes) {
      process.stderr.write(`vob ${command}: ${file}: ${size} bytes, more than the ${maxBytes} this command reads\n`);
      return 65;
    }
    return await readFile(file);
  } catch (err) {
    process.stderr.write(`vob ${command}: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return EXIT_NO_INPUT;
  }
}
