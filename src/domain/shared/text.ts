/**
 * Text every store can keep: PostgreSQL's text and JSON types refuse U+0000, and JSON text with an
 * unpaired surrogate (half of a UTF-16 pair, as a mangled paste or a broken PDF font map can leave)
 * is not valid Unicode.
 */
export const isStorableText = (text: string): boolean => !text.includes('\u0000') && text.isWellFormed();

/**
 * Invisible characters that change how text around them is shown, not what it says: the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: "résumé \u202Efdp.exe" shows as
 * "résumé exe.pdf"), and the zero-width space, word joiner and byte order mark. Zero-width joiners and
 * non-joiners and the left-to-right and right-to-left marks stay: names in Persian or Hindi need them.
 */
const DISPLAY_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/g;

/** A name or label as people are shown it: without the invisible characters that change how it displays (see DISPLAY_CONTROLS). */
export const plainText = (text: string): string => text.replace(DISPLAY_CONTROLS, '');

/** `text` without U+0000, and with each unpaired surrogate replaced by U+FFFD. */
export const storableText = (text: string): string => text.replaceAll('\u0000', '').toWellFormed();
