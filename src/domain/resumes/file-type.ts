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

const EOCD_MAGIC = [0x50, 0x4b, 0x05, 0x06]; // PK\x05\x06: end of central directory
const CENTRAL_MAGIC = [0x50, 0x4b, 0x01, 0x02]; // PK\x01\x02: a central directory entry
const u16 = (bytes: Uint8Array, at: number): number => bytes[at]! | (bytes[at + 1]! << 8);
const u32 = (bytes: Uint8Array, at: number): number => (u16(bytes, at) + u16(bytes, at + 2) * 0x10000);

/**
 * Whether a ZIP's own central directory (the last one in the file: its end record sits in the last
 * 22 + 65,535 bytes) lists an entry named `word/document.xml`. The words anywhere in the bytes are not
 * enough: a text file mentioning them, or a DOCX stored inside another ZIP, would pass.
 */
function hasDocxMainPart(bytes: Uint8Array): boolean {
  for (let eocd = bytes.length - 22; eocd >= Math.max(0, bytes.length - 22 - 0xffff); eocd--) {
    if (!startsWith(bytes, EOCD_MAGIC, eocd)) continue;
    let at = u32(bytes, eocd + 16);
    for (let n = u16(bytes, eocd + 10); n > 0 && startsWith(bytes, CENTRAL_MAGIC, at) && at + 46 <= bytes.length; n--) {
      const nameLength = u16(bytes, at + 28);
      if (nameLength === DOCX_MAIN_PART.length && indexOfAscii(bytes, DOCX_MAIN_PART, at + 46, at + 46 + nameLength) === at + 46) return true;
      at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    }
    return false;
  }
  return false;
}

/**
 * The document type the bytes really are, whatever the file is called: a PDF by its `%PDF-` header,
 * a DOCX by a ZIP container whose central directory lists a `word/document.xml` entry (see hasDocxMainPart). Anything else (an `MZ` executable
 * renamed to .pdf, an image, an .xlsx) is undefined.
 */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | undefined {
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC)) return hasDocxMainPart(bytes) ? 'docx' : undefined;
  const pdfAt = indexOfAscii(bytes, '%PDF-', 0, PDF_HEADER_WINDOW);
  if (pdfAt > 0 && bytes.subarray(0, pdfAt).every((b) => PDF_PREAMBLE.has(b))) return 'pdf';
  return undefined;
}
