export type DocumentType = 'pdf' | 'docx';

export const DOCUMENT_TYPES: readonly DocumentType[] = ['pdf', 'docx'];

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04
const DOCX_MAIN_PART = 'word/document.xml';
// Some writers put a byte-order mark or blank lines before %PDF-; nothing else may precede it.
const PDF_HEADER_WINDOW = 16;
const PDF_PREAMBLE = new Set([0x00, 0x09, 0x0a, 0x0d, 0x20, 0xef, 0xbb, 0xbf, 0xfe, 0xff]);

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

function indexOfAscii(bytes: Uint8Array, text: string, from = 0, to = bytes.length): number {
  const first = text.charCodeAt(0);
  const last = Math.min(to, bytes.length) - text.length;
  outer: for (let i = from; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/**
 * Whether a ZIP has an entry named `word/document.xml`: a local file header (PK\3\4, the name's length
 * at 26, the name at 30) right before the name, not the words anywhere in the bytes (a text file
 * mentioning them).
 */
function hasDocxMainPart(bytes: Uint8Array): boolean {
  for (let at = indexOfAscii(bytes, DOCX_MAIN_PART); at >= 0; at = indexOfAscii(bytes, DOCX_MAIN_PART, at + 1)) {
    const header = at - 30;
    if (header >= 0 && startsWith(bytes, ZIP_MAGIC, header) && bytes[header + 26]! + 256 * bytes[header + 27]! === DOCX_MAIN_PART.length) return true;
  }
  return false;
}

/**
 * The document type the bytes really are, whatever the file is called: a PDF by its `%PDF-` header,
 * a DOCX by a ZIP container with a `word/document.xml` entry (see hasDocxMainPart). Anything else (an `MZ` executable
 * renamed to .pdf, an image, an .xlsx) is undefined.
 */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | undefined {
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC)) return hasDocxMainPart(bytes) ? 'docx' : undefined;
  const pdfAt = indexOfAscii(bytes, '%PDF-', 0, PDF_HEADER_WINDOW);
  if (pdfAt > 0 && bytes.subarray(0, pdfAt).every((b) => PDF_PREAMBLE.has(b))) return 'pdf';
  return undefined;
}
