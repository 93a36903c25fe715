// Escaping for the three human formats. Every string that may carry input (an organisation's
// name, a priority area, an overlay's texts, an explanation with input filled into it) goes
// through one of these before it is written. See docs/security.md.

// C0 and C1 control characters except tab and the line breaks (handled below), DEL, the
// bidirectional embeddings/overrides/isolates (which can make text read differently from what
// it is) and the zero-width joiners' dangerous cousins are removed outright.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Every way Unicode can end a line: CR LF, CR, LF, NEL, LS, PS.
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/**
 * Make a value safe for a terminal or a plain-text report: control characters (ANSI escape
 * sequences start with one), bidi overrides and zero-width marks are removed, and line breaks
 * become spaces, so an input value cannot move the cursor, recolour the terminal, or start a
 * line of its own that looks like part of the report.
 */
export function stripControl(s: string): string {
  return s.replace(CONTROL, '').replace(LINE_BREAK, ' ');
}

const HTML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return stripControl(s).replace(/[&<>"'`]/g, (c) => HTML[c] ?? c);
}

/**
 * Escape text for Markdown (CommonMark and GitHub's dialect) so it renders as the same text:
 * the value stays on one line; the punctuation Markdown reacts to anywhere (emphasis, code,
 * links, tables, headings, quotes) gets a backslash; `&` and `<` become entities so no HTML
 * tag or entity survives; and a leading `-`, `=` or `1.` cannot start a list or a heading.
 */
export function escapeMarkdown(s: string): string {
  return stripControl(s)
    .replace(/\t/g, ' ')
    // Only what is special inside a line; `(`, `)`, `{`, `}`, `!` are harmless once `[` and `]`
    // are escaped, and leaving them keeps the raw Markdown readable.
    .replace(/[\\`*_[\]|~>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/^(\s*)([-=+#])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.');
}
