import { open } from 'node:fs/promises';
import { main, type CliIO } from './main.js';

async function readFileBounded(path: string, maxBytes: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new Error(`file is ${size} bytes; the limit is ${maxBytes} (--max-input-bytes)`);
    const buf = Buffer.alloc(size);
    await handle.read(buf, 0, size, 0);
    return buf.toString('utf8');
  } finally {
    await handle.close();
  }
}

function readStdinBounded(maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total > maxBytes) {
        process.stdin.off('data', onData);
        process.stdin.destroy();
        reject(new Error(`stdin is larger than the limit of ${maxBytes} bytes (--max-input-bytes)`));
        return;
      }
      chunks.push(chunk);
    };
    process.stdin.on('data', onData);
    process.stdin.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.once('error', reject);
  });
}

const io: CliIO = {
  readFile: readFileBounded,
  readStdin: readStdinBounded,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`iop-rules: internal error: ${String(e)}\n`);
    process.exitCode = 6;
  },
);
