// Turning the bytes of an input file into JSON, refusing what is not what it seems:
// text that is not UTF-8 (it would be read with U+FFFD in place of letters), and objects
// with a key twice (JSON.parse keeps the last one silently; another reader may keep the first).
import type { Text } from '../_internal/text.js';

/** Why bytes are not a JSON document, in both languages, or the parsed value. */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; code: 'not_utf8' | 'invalid_json' | 'duplicate_key'; path: string; message: Text };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decode UTF-8 strictly. A leading byte-order mark is dropped (TextDecoder does this). */
function decode(bytes: Uint8Array, source: string): { ok: true; text: string } | Extract<ParsedJson, { ok: false }> {
  if (bytes.length >= 2 && ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe))) {
    return { ok: false, code: 'not_utf8', path: '', message: { sv: `${source} är UTF-16-kodad; spara den som UTF-8`, en: `${source} is UTF-16 encoded; save it as UTF-8` } };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      code: 'not_utf8',
      path: '',
      message: {
        sv: `${source} är inte UTF-8-text (ogiltig byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} vid position ${at}); spara den som UTF-8`,
        en: `${source} is not UTF-8 text (invalid byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}); save it as UTF-8`,
      },
    };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

interface Frame {
  readonly path: string;
  readonly keys: Set<string> | null; // null for an array
  index: number;
  key: string | null;
  awaitingKey: boolean;
}

function childPath(f: Frame | undefined): string {
  if (!f) return '';
  if (f.keys === null) return `${f.path}[${f.index}]`;
  return f.path ? `${f.path}.${f.key ?? ''}` : (f.key ?? '');
}

/**
 * The path of the first key that occurs twice in one object of a JSON text, or null.
 * The text must already be valid JSON (JSON.parse accepted it); iterative, so depth does not matter.
 */
export function duplicateKeyPath(text: string): string | null {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      for (;;) {
        const d = text.charCodeAt(j);
        if (d === 0x5c /* \ */) j += 2;
        else if (d === 0x22) break;
        else j++;
      }
      const top = stack[stack.length - 1];
      if (top && top.keys !== null && top.awaitingKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return top.path ? `${top.path}.${key}` : key;
        top.keys.add(key);
        top.key = key;
        top.awaitingKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */) {
      stack.push({ path: childPath(stack[stack.length - 1]), keys: new Set(), index: 0, key: null, awaitingKey: true });
    } else if (c === 0x5b /* [ */) {
      stack.push({ path: childPath(stack[stack.length - 1]), keys: null, index: 0, key: null, awaitingKey: false });
    } else if (c === 0x7d || c === 0x5d /* } ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys === null) top.index++;
      else if (top) top.awaitingKey = true;
    }
  }
  return null;
}

/** Bytes (or already decoded text) → JSON value, strictly. `source` names the input in messages. */
export function parseJsonInput(input: Uint8Array | string, source: string): ParsedJson {
  let text: string;
  if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else {
    const d = decode(input, source);
    if (!d.ok) return d;
    text = d.text;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, code: 'invalid_json', path: '', message: { sv: `${source} är inte giltig JSON: ${msg}`, en: `${source} is not valid JSON: ${msg}` } };
  }
  const dup = duplicateKeyPath(text);
  if (dup !== null) {
    return {
      ok: false,
      code: 'duplicate_key',
      path: dup,
      message: { sv: `${source}: nyckeln står två gånger i samma objekt; ta bort den ena`, en: `${source}: the key occurs twice in the same object; remove one` },
    };
  }
  return { ok: true, value };
}
