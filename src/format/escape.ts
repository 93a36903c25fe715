// Escaping for the three human formats. Every string that may carry input (an organisation's
// name, a priority area, an overlay's texts, an explanation with input filled into it) goes
// through one of these before it is written. See docs/security.md.

// C0 and C1 control characters except tab and the line breaks (handled below), DEL, the
// bidirectional embeddings/overrides/isolates (which can make text read differently from what
// it is), the Arabic letter mark (a bidi mark too) and the zero-width space and invisible
// operators (U+2060–2064) are removed outright; the joiners ZWJ/ZWNJ stay (emoji, scripts).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
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

// A word that a Markdown renderer could turn into a live link by itself: a URL with a scheme
// (`https://…`, GFM autolink literals and markdown-it's linkify), `www.…` (GFM, any case) or an
// address with `@` (GFM e-mail literals, `mailto:`, `xmpp:`, GitHub mentions).
const LINK_LIKE = /:\/\/|www\.|@/i;

/**
 * Escape one piece of text from a case or a rule for inline use in Markdown (CommonMark and
 * GitHub's dialect, GFM), so that it renders as the same words and nothing else, wherever a
 * caller puts it on a line, also at the start of a line or of a list item:
 * - control and bidi characters are removed, line breaks become spaces, tabs spaces, and the
 *   result is trimmed (so `**${text}**` stays bold, and an all-invisible value becomes `""`:
 *   test for emptiness on the result, not on the input);
 * - `\\ \` * _ [ ] | ~ > $` get a backslash, `&` and `<` become entities, so no emphasis, code,
 *   link, table cell, strikethrough, quote, math, HTML tag or entity can form;
 * - a leading `#`, `-`, `+`, `=` or ordered-list marker (`1.` or `1)`) is escaped, so no heading,
 *   list, setext underline or thematic break can start;
 * - a word that a renderer would turn into a link by itself (`https://…`, `www.…`, `a@b.se`)
 *   becomes inline code, which no renderer links.
 * Markdown-it's fuzzy linkify of bare domains (`example.se`, not on by default) is out of reach.
 */
export function escapeMarkdownInline(s: string): string {
  const text = stripControl(s).replace(/\t/g, ' ').trim();
  // Words, and what separates them: whitespace, backticks and pipes (a pipe may not sit inside
  // inline code, which a GFM table would still split on). Linear: no backtracking regex.
  const parts = text.split(/(\s+|`|\|)/);
  let out = '';
  for (const part of parts) {
    if (part === '') continue;
    if (part === '`' || part === '|') out += `\\${part}`;
    else if (/^\s+$/.test(part)) out += part;
    else if (LINK_LIKE.test(part)) out += `\`${part}\``;
    else out += part.replace(/[\\*_[\]~>$]/g, (c) => `\\${c}`).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  }
  return out.replace(/^([-+=#])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Same as `escapeMarkdownInline` (the name the draft and older callers use). */
export const escapeMarkdown = escapeMarkdownInline;
