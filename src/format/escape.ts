/** Remove control characters (but keep newlines and tabs) so input text cannot move a terminal's cursor. */
export function stripControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return stripControl(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Escape text for Markdown: punctuation Markdown reacts to gets a backslash; HTML is neutralised. */
export function escapeMarkdown(s: string): string {
  return stripControl(s)
    .replace(/[\\`*_{}[\]()#+!|~>]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/^(\s*)-/gm, '$1\\-')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
}
