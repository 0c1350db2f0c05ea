/**
 * Text every store can keep: PostgreSQL's text and JSON types refuse U+0000, and JSON text with an
 * unpaired surrogate (half of a UTF-16 pair, as a mangled paste or a broken PDF font map can leave)
 * is not valid Unicode.
 */
export const isStorableText = (text: string): boolean => !text.includes('\u0000') && text.isWellFormed();

/** `text` without U+0000, and with each unpaired surrogate replaced by U+FFFD. */
export const storableText = (text: string): string => text.replaceAll('\u0000', '').toWellFormed();
