import { readFileSync } from 'node:fs';
import { InputTooLargeError, type CliIO } from '../../src/cli/main.js';

/** An in-memory CLI io: files come from disk (or `files`), stdin from `stdin`; output is captured. */
export function memoryIO(opts: { stdin?: string; files?: Record<string, string> } = {}): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readFile: async (path: string, max: number) => {
      const text = opts.files?.[path] ?? readFileSync(path, 'utf8'); // throws ENOENT (with its code) for a missing file
      if (Buffer.byteLength(text) > max) throw new InputTooLargeError(path, max);
      return text;
    },
    readStdin: async (max: number) => {
      const text = opts.stdin ?? '';
      if (Buffer.byteLength(text) > max) throw new InputTooLargeError('stdin', max);
      return text;
    },
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}
