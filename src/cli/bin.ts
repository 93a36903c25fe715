#!/usr/bin/env node
// The process edge of the CLI: real files, stdin, stdout and the exit code.
import { constants, createReadStream, openSync, type ReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { InputTooLargeError, main, type CliIO } from './main.js';

/**
 * Read a stream to its end, at most `maxBytes`, failing when no byte arrives for `timeoutMs`.
 * Works the same for regular files, pipes, FIFOs, character devices and stdin (whose size
 * `stat` cannot tell). A FIFO without a writer blocks in open(): the timeout covers that too.
 */
function readBounded(stream: NodeJS.ReadableStream & { destroy(): void }, what: string, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let timer: NodeJS.Timeout;
    const finish = (err: Error | null, value?: Uint8Array) => {
      clearTimeout(timer);
      stream.removeAllListeners('data');
      if (err) {
        stream.destroy();
        reject(err);
      } else resolve(value as Uint8Array);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(Object.assign(new Error(`no data from ${what} for ${timeoutMs} ms`), { code: 'IOP_INPUT_TIMEOUT' })), timeoutMs);
    };
    arm();
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) return finish(new InputTooLargeError(what, maxBytes));
      chunks.push(chunk);
      arm();
    });
    stream.once('end', () => finish(null, Buffer.concat(chunks)));
    stream.once('error', (e) => finish(e));
  });
}

/**
 * A file as a stream. A FIFO is opened non-blocking and read through the event loop: a blocking
 * open() of a FIFO without a writer would hold a thread-pool thread that even process.exit waits for.
 */
async function openInput(path: string): Promise<NodeJS.ReadableStream & { destroy(): void }> {
  const s = await stat(path);
  if (s.isFIFO()) {
    // Synchronous, but O_NONBLOCK makes it return at once; a plain fd (not a FileHandle) stays open until the socket closes it.
    return new Socket({ fd: openSync(path, constants.O_RDONLY | constants.O_NONBLOCK), readable: true, writable: false });
  }
  return createReadStream(path, { highWaterMark: 64 * 1024 }) as ReadStream;
}

async function listCaseFiles(path: string): Promise<string[] | null> {
  const s = await stat(path);
  if (!s.isDirectory()) return null;
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 20) return;
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(dir, e.name);
      // Symbolic links to directories are not followed (no loops); a linked file is read.
      if (e.isDirectory()) await walk(full, depth + 1);
      else if (e.name.endsWith('.cases.json')) out.push(full);
    }
  };
  await walk(path, 0);
  return out;
}

// A closed output pipe (`iop-rules … | head -1`) ends the program quietly, with the command's
// own exit code: it is not an error of the CLI. Later writes are dropped.
let outputClosed = false;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (outputClosed || e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') outputClosed = true;
  else throw e;
});
process.stderr.on('error', () => {
  // Nowhere left to report to.
});

const io: CliIO = {
  readFile: async (path, max, timeoutMs = 30_000) => readBounded(await openInput(path), path, max, timeoutMs),
  readStdin: (max, timeoutMs = 30_000) => readBounded(process.stdin, 'stdin', max, timeoutMs),
  listCaseFiles,
  stdout: (t) => {
    if (!outputClosed) process.stdout.write(t);
  },
  stderr: (t) => process.stderr.write(t),
};

main(process.argv.slice(2), io).then(
  (code) => exit(code),
  (e: unknown) => {
    process.stderr.write(`iop-rules: internal error: ${String(e)}\n`);
    exit(6);
  },
);

/**
 * End the process once stdout has been handed to the OS. An explicit exit: a FIFO that never
 * got a writer leaves an open() pending in libuv's thread pool, which would keep the process alive.
 */
function exit(code: number): void {
  process.exitCode = code;
  if (outputClosed || process.stdout.writableLength === 0) process.exit(code);
  else process.stdout.once('drain', () => process.exit(code));
}
