import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { hiddenLines, pageLines, type TextBox } from './pdf-layout.js';
import { colourDistance, paintedRuns, type OperatorCodes, type PaintedRun } from './pdf-paint.js';

export interface PdfText {
  text: string;
  pages: number;
  hiddenText: string[];
  /** Letters and digits in the visible text: zero for a scan. */
  visibleChars: number;
}

/** Why a piece of text is invisible to a reader. */
type HiddenReason = 'invisible' | 'transparent' | 'background' | 'tiny' | 'offpage';

export class PdfFormatError extends Error {
  constructor(message: string, readonly reason: 'password' | 'invalid' | 'other') {
    super(message);
  }
}

// Text smaller than this (points, as rendered) is not meant to be read.
const MIN_FONT_SIZE = 3;
// A fill this close to its background (largest channel difference, 0–1) cannot be seen.
const MIN_CONTRAST = 0.1;
const MIN_ALPHA = 0.1;
const MAX_PAGES = 50;
/**
 * Text items read at most, all pages together: pages after the one that passes it are not read. A dense
 * two-page resume has a few thousand; a file made of hundreds of thousands (a 150 KB PDF can hold them)
 * kept the one parse worker busy for half a minute and more, the other candidates' resumes waiting.
 */
const MAX_TEXT_ITEMS = 20_000;

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

/**
 * pdf.js 5 calls ArrayBuffer.prototype.transferToFixedLength (ES2024) when it compiles fonts for an
 * operator list; Node 20 lacks it, and pdf.js then silently returns a truncated operator list.
 */
function installArrayBufferTransfer(): void {
  const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: unknown };
  if (typeof proto.transferToFixedLength === 'function') return;
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, newLength: number = this.byteLength): ArrayBuffer {
      const copy = new Uint8Array(newLength);
      copy.set(new Uint8Array(this, 0, Math.min(newLength, this.byteLength)));
      try {
        structuredClone(this, { transfer: [this] });
      } catch {
        // A buffer that cannot be detached (shared, wasm) is simply copied.
      }
      return copy.buffer;
    },
  });
}

let pdfjsReady: Promise<OperatorCodes> | undefined;

/** One pdf.js copy per process: unpdf caches the module; this caches the wait for it. */
function loadPdfjs(): Promise<OperatorCodes> {
  installArrayBufferTransfer();
  pdfjsReady ??= getResolvedPDFJS().then((pdfjs) => pdfjs.OPS as unknown as OperatorCodes);
  return pdfjsReady;
}

const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

function runReason(run: PaintedRun, scanLayer: boolean, view: number[]): HiddenReason | undefined {
  if ((run.mode === 3 || run.mode === 7) && !scanLayer) return 'invisible';
  if (run.fillAlpha < MIN_ALPHA) return 'transparent';
  if (run.fill && colourDistance(run.fill, run.background) < MIN_CONTRAST) return 'background';
  if (run.size > 0 && run.size < MIN_FONT_SIZE) return 'tiny';
  if (outside(run.x, run.y, 0, run.size, view)) return 'offpage';
  return undefined;
}

function outside(x: number, y: number, width: number, size: number, view: number[]): boolean {
  const [x0, y0, x1, y1] = view as [number, number, number, number];
  return x + Math.max(width, 0) <= x0 || x >= x1 || y + size <= y0 || y >= y1;
}

interface Classified {
  visible: TextBox[];
  hidden: TextBox[];
  /** Runs pdf.js left out of text content (it drops text drawn off the page). */
  unmatchedHidden: string[];
}

/**
 * Splits a page's text items into visible and hidden boxes. Each item is found, character by
 * character, in the stream of painted runs (both come from the same content stream, in the same
 * order), so a white word inside a black line is split out exactly.
 */
function classify(items: TextItemLike[], runs: PaintedRun[] | undefined, view: number[]): Classified {
  const visible: TextBox[] = [];
  const hidden: TextBox[] = [];
  const painted = (runs ?? []).filter((r) => !r.inAnnotation);
  // A page whose every run is invisible is an OCR layer over a scan: that text is the content.
  const scanLayer = painted.length > 0 && painted.every((r) => r.mode === 3 || r.mode === 7 || r.text.trim() === '');
  let stream = '';
  const owner: number[] = [];
  const runStart: number[] = [];
  const reasons = painted.map((r) => runReason(r, scanLayer, view));
  painted.forEach((r, i) => {
    const s = squeeze(r.text);
    runStart.push(s.length > 0 ? stream.length : -1);
    stream += s;
    for (let k = 0; k < s.length; k++) owner.push(i);
  });
  const consumed = new Uint8Array(stream.length);
  let cursor = 0;
  let lastHidden = false;

  for (const item of items) {
    if (item.str.trim() === '') continue;
    const [, , c, d, x, y] = item.transform as [number, number, number, number, number, number];
    const size = Math.hypot(c, d);
    const itemReason: HiddenReason | undefined =
      size > 0 && size < MIN_FONT_SIZE ? 'tiny' : outside(x, y, item.width, size, view) ? 'offpage' : undefined;
    const key = squeeze(item.str);
    let at = key === '' ? -1 : stream.indexOf(key, cursor);
    if (at < 0 && key !== '') at = stream.indexOf(key);
    if (at >= 0) {
      cursor = at + key.length;
      consumed.fill(1, at, at + key.length);
    }
    // Reason per character of item.str, following the squeezed stream; blanks take the reason before them.
    const chars = Array.from(item.str);
    const perChar: Array<HiddenReason | undefined> = [];
    let offset = at;
    let current: HiddenReason | undefined;
    for (const ch of chars) {
      const n = squeeze(ch).length;
      if (n > 0 && offset >= 0 && offset < stream.length) {
        current = reasons[owner[offset]!];
        offset += n;
      }
      perChar.push(itemReason ?? current);
    }
    let start = 0;
    for (let i = 1; i <= chars.length; i++) {
      if (i < chars.length && (perChar[i] === undefined) === (perChar[start] === undefined)) continue;
      const text = chars.slice(start, i).join('');
      const box: TextBox = {
        text, x: x + (item.width * start) / chars.length, y, width: (item.width * (i - start)) / chars.length, size,
      };
      if (text.trim() !== '') {
        const isHidden = perChar[start] !== undefined;
        if (isHidden) hidden.push(box);
        else visible.push(lastHidden ? { ...box, afterHidden: true } : box);
        lastHidden = isHidden;
      }
      start = i;
    }
  }

  const unmatchedHidden: string[] = [];
  painted.forEach((run, i) => {
    if (reasons[i] !== 'offpage' || run.text.trim() === '') return;
    const first = runStart[i]!;
    if (first >= 0 && consumed[first] === 0) unmatchedHidden.push(run.text.trim());
  });
  return { visible, hidden, unmatchedHidden };
}

/** Text in reading order, hidden text apart, from every page (up to 50) of a PDF. */
export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  const OPS = await loadPdfjs();
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdf.js may take ownership of the buffer it is given.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = (error as Error)?.name;
    throw new PdfFormatError(
      name === 'PasswordException' ? 'it is password-protected' : `it is not a valid PDF (${(error as Error).message})`,
      name === 'PasswordException' ? 'password' : 'invalid',
    );
  }
  try {
    const pageTexts: string[] = [];
    const hiddenText: string[] = [];
    let visibleChars = 0;
    let itemsRead = 0;
    for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES) && itemsRead < MAX_TEXT_ITEMS; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is typeof i & TextItemLike => 'str' in i);
      itemsRead += items.length;
      if (items.some((i) => i.str.trim() !== '')) {
        let runs: PaintedRun[] | undefined;
        try {
          runs = paintedRuns(await page.getOperatorList(), OPS);
        } catch {
          runs = undefined; // styles unknown: only size and position can tell hidden text then
        }
        const { visible, hidden, unmatchedHidden } = classify(items, runs, page.view);
        const lines = pageLines(visible);
        visibleChars += lines.join('').replace(/[^\p{L}\p{N}]/gu, '').length;
        pageTexts.push(lines.join('\n'));
        hiddenText.push(...hiddenLines(hidden), ...unmatchedHidden);
      } else {
        pageTexts.push('');
      }
      page.cleanup();
    }
    const text = pageTexts.filter((t) => t !== '').join('\n\n').replace(/\n{3,}/g, '\n\n').trim();
    return { text, pages: pdf.numPages, hiddenText, visibleChars };
  } catch (error) {
    // pdf.js reads the same bytes the same way every time: a page it cannot read (a circular page tree, a broken
    // object) is a fault of the file, which no retry can fix.
    if (error instanceof PdfFormatError) throw error;
    throw new PdfFormatError(`a page could not be read (${(error as Error)?.message ?? String(error)})`, 'invalid');
  } finally {
    await pdf.destroy();
  }
}
