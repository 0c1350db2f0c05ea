import mammoth from 'mammoth';
import { readZip, writeZip } from './zip.js';

export interface DocxText {
  text: string;
  pages: number;
  hiddenText: string[];
}

export class DocxFormatError extends Error {}

const DOCUMENT = 'word/document.xml';
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|([^<]+)/g;

const HIGHLIGHTS: Record<string, string> = {
  black: '000000', blue: '0000FF', cyan: '00FFFF', green: '00FF00', magenta: 'FF00FF', red: 'FF0000',
  yellow: 'FFFF00', white: 'FFFFFF', darkBlue: '000080', darkCyan: '008080', darkGreen: '008000',
  darkMagenta: '800080', darkRed: '800000', darkYellow: '808000', darkGray: '808080', lightGray: 'C0C0C0',
};

// Below 3 pt (w:sz counts half-points) nobody reads it; the same threshold as for PDFs.
const MIN_HALF_POINTS = 6;
// Colours closer than this (largest channel difference, 0–255) to their background are invisible.
const MIN_CONTRAST = 26;

const attr = (attrs: string, name: string): string | undefined =>
  new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

const isOn = (attrs: string): boolean => {
  const v = attr(attrs, 'w:val');
  return v === undefined || !/^(0|false|off)$/i.test(v);
};

const hex = (value: string | undefined): string | undefined =>
  value && /^[0-9a-f]{6}$/i.test(value) ? value.toUpperCase() : undefined;

const contrast = (a: string, b: string): number =>
  Math.max(...[0, 2, 4].map((i) => Math.abs(parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16))));

export const decodeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : '';
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()] ?? '';
  });

/** Style ids whose run properties hide text (w:vanish), from word/styles.xml. */
function hiddenStyles(stylesXml: string | undefined): Set<string> {
  const hidden = new Set<string>();
  if (!stylesXml) return hidden;
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1]!, 'w:styleId');
    const vanish = /<w:vanish\b([^>]*?)\/?>/.exec(m[2]!);
    if (id && vanish && isOn(vanish[1]!)) hidden.add(id);
  }
  return hidden;
}

interface Run {
  start: number;
  text: string;
  vanish?: boolean;
  style?: string;
  colour?: string;
  halfPoints?: number;
  shading?: string;
}

export interface HiddenRuns {
  /** [start, end) offsets in the XML of each hidden w:r element. */
  ranges: Array<[number, number]>;
  /** Hidden text, one entry per paragraph. */
  text: string[];
  /** Explicit page breaks and page breaks Word recorded when it last laid the document out. */
  pageBreaks: number;
  renderedBreaks: number;
}

/**
 * Runs a reader never sees: hidden (w:vanish, directly or by style), below 3 pt, or coloured like
 * their background (run shading or highlight, else paragraph shading, else table-cell shading,
 * else white paper). Content inside mc:Choice is skipped, as mammoth reads the mc:Fallback copy.
 */
export function findHiddenRuns(xml: string, stylesXml?: string): HiddenRuns {
  const styleHidden = hiddenStyles(stylesXml);
  const ranges: Array<[number, number]> = [];
  const text: string[] = [];
  let pageBreaks = 0;
  let renderedBreaks = 0;
  const runs: Run[] = [];
  const cellShading: Array<string | undefined> = [];
  // Paragraphs nest: a text box inside a run holds paragraphs of its own.
  const paragraphs: Array<{ start: number; hidden: string[]; visible: boolean; shading?: string; styleHidden: boolean }> = [];
  let inParagraphProps = false;
  let inRunProps = false;
  let inText = false;
  let choiceDepth = 0;
  let inCellProps = false;

  for (const m of xml.matchAll(TOKEN)) {
    const [whole, cdata, closing, name, attrs = '', selfClosing, chars] = m;
    if (chars !== undefined || cdata !== undefined) {
      if (inText && choiceDepth === 0 && runs.length > 0) runs[runs.length - 1]!.text += cdata ?? decodeXml(chars!);
      continue;
    }
    if (!name) continue;
    if (name === 'mc:Choice') {
      if (!selfClosing) choiceDepth += closing ? -1 : 1;
      continue;
    }
    if (choiceDepth > 0) continue;
    const run = runs[runs.length - 1];
    if (closing) {
      switch (name) {
        case 'w:t': inText = false; break;
        case 'w:rPr': inRunProps = false; break;
        case 'w:pPr': inParagraphProps = false; break;
        case 'w:tcPr': inCellProps = false; break;
        case 'w:tc': cellShading.pop(); break;
        case 'w:r': {
          const done = runs.pop();
          const paragraph = paragraphs[paragraphs.length - 1];
          if (!done || done.text.trim() === '') break;
          if (isHidden(done, paragraph?.shading, cellShading, styleHidden, paragraph?.styleHidden ?? false)) {
            ranges.push([done.start, m.index + whole.length]);
            paragraph?.hidden.push(done.text);
          } else if (paragraph) {
            paragraph.visible = true;
          }
          break;
        }
        case 'w:p': {
          const done = paragraphs.pop();
          if (done && done.hidden.length > 0) {
            text.push(done.hidden.join('').replace(/\s+/g, ' ').trim());
            // A paragraph with nothing visible goes whole, or it would leave a blank line behind.
            if (!done.visible) ranges.push([done.start, m.index + whole.length]);
          }
          break;
        }
        default: break;
      }
      continue;
    }
    switch (name) {
      case 'w:p': if (!selfClosing) paragraphs.push({ start: m.index, hidden: [], visible: false, styleHidden: false }); break;
      case 'w:pPr': if (!selfClosing) inParagraphProps = true; break;
      case 'w:pStyle': {
        const paragraph = paragraphs[paragraphs.length - 1];
        if (inParagraphProps && paragraph) paragraph.styleHidden = styleHidden.has(attr(attrs, 'w:val') ?? '');
        break;
      }
      case 'w:tc': cellShading.push(undefined); if (selfClosing) cellShading.pop(); break;
      case 'w:tcPr': if (!selfClosing) inCellProps = true; break;
      case 'w:r': if (!selfClosing) runs.push({ start: m.index, text: '' }); break;
      case 'w:rPr': if (!selfClosing && run && !inParagraphProps) inRunProps = true; break;
      case 'w:t': if (!selfClosing) inText = true; break;
      case 'w:tab': if (run && !inRunProps && !inParagraphProps) run.text += '\t'; break;
      case 'w:br':
        if (attr(attrs, 'w:type') === 'page') pageBreaks++;
        else if (run) run.text += '\n';
        break;
      case 'w:lastRenderedPageBreak': renderedBreaks++; break;
      case 'w:shd': {
        const fill = hex(attr(attrs, 'w:fill'));
        if (inRunProps && run) run.shading = fill;
        else if (inParagraphProps && paragraphs.length > 0) paragraphs[paragraphs.length - 1]!.shading = fill;
        else if (inCellProps && cellShading.length > 0) cellShading[cellShading.length - 1] = fill;
        break;
      }
      default:
        if (!inRunProps || !run) break;
        if (name === 'w:vanish' || name === 'w:specVanish') run.vanish = isOn(attrs);
        else if (name === 'w:color') run.colour = hex(attr(attrs, 'w:val'));
        else if (name === 'w:sz') run.halfPoints = Number(attr(attrs, 'w:val'));
        else if (name === 'w:rStyle') run.style = attr(attrs, 'w:val');
        else if (name === 'w:highlight') run.shading ??= HIGHLIGHTS[attr(attrs, 'w:val') ?? ''];
        break;
    }
  }
  return { ranges, text: text.filter(Boolean), pageBreaks, renderedBreaks };
}

function isHidden(run: Run, paragraphShading: string | undefined, cells: Array<string | undefined>,
  styleHidden: Set<string>, paragraphStyleHidden: boolean): boolean {
  if (run.vanish === true) return true;
  if (run.vanish === undefined && ((run.style && styleHidden.has(run.style)) || paragraphStyleHidden)) return true;
  if (run.halfPoints !== undefined && Number.isFinite(run.halfPoints) && run.halfPoints < MIN_HALF_POINTS) return true;
  if (run.colour) {
    const cell = [...cells].reverse().find((c) => c !== undefined);
    const background = run.shading ?? paragraphShading ?? cell ?? 'FFFFFF';
    if (contrast(run.colour, background) < MIN_CONTRAST) return true;
  }
  return false;
}

/**
 * mammoth's HTML as plain text: a line per paragraph, heading or list item ("• " before items),
 * line breaks kept, a table read row by row: a row's cells on lines one after another, as a job's
 * title and its dates in two cells are read together, and a blank line after each row.
 */
export function htmlToText(html: string): string {
  return decodeXml(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '• ')
      .replace(/<\/(p|h[1-6]|li)>/gi, '\n')
      .replace(/<\/tr>/gi, '\n')

      .replace(/<[^>]+>/g, ''),
  )
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const textOf = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder('utf-8').decode(bytes) : undefined);

/** `xml` with the [start, end) ranges cut out (overlapping ones once). */
function withoutRanges(xml: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  let kept = '';
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    kept += xml.slice(at, start);
    at = end;
  }
  return kept + xml.slice(at);
}

/** Word's header and footer parts, each kind in its numbered order: templates often put the name and contact details there. */
const MARGIN_PART = { header: /^word\/header(\d*)\.xml$/, footer: /^word\/footer(\d*)\.xml$/ } as const;

/**
 * The visible text of a DOCX's header or footer parts, a line per paragraph (mammoth reads the body
 * alone), each part's text once however many sections repeat it, and their hidden text: read with the
 * same hidden-run rules as the body.
 */
export function marginText(entries: ReadonlyMap<string, Uint8Array>, kind: keyof typeof MARGIN_PART, stylesXml?: string): { text: string; hidden: string[] } {
  const part = MARGIN_PART[kind];
  const parts = [...entries.keys()].filter((name) => part.test(name))
    .sort((a, b) => Number(part.exec(a)![1] || 0) - Number(part.exec(b)![1] || 0));
  const seen = new Set<string>();
  const lines: string[] = [];
  const hiddenText: string[] = [];
  for (const name of parts) {
    const xml = textOf(entries.get(name))!;
    const hidden = findHiddenRuns(xml, stylesXml);
    hiddenText.push(...hidden.text);
    for (const paragraph of withoutRanges(xml, hidden.ranges).split(/<\/w:p>/)) {
      const text = decodeXml([...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join('')).trim();
      if (text !== '' && !seen.has(text)) {
        seen.add(text);
        lines.push(text);
      }
    }
  }
  return { text: lines.join('\n'), hidden: hiddenText };
}

/** Visible text of a DOCX (hidden runs removed before mammoth reads it), its page count and its hidden text. */
export async function extractDocxText(bytes: Uint8Array): Promise<DocxText> {
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZip(bytes);
  } catch (error) {
    throw new DocxFormatError((error as Error).message);
  }
  const documentXml = textOf(entries.get(DOCUMENT));
  if (documentXml === undefined) throw new DocxFormatError('it has no word/document.xml part');
  const hidden = findHiddenRuns(documentXml, textOf(entries.get('word/styles.xml')));

  let visible = bytes;
  if (hidden.ranges.length > 0) {
    entries.set(DOCUMENT, new TextEncoder().encode(withoutRanges(documentXml, hidden.ranges)));
    visible = writeZip(entries);
  }

  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(visible.buffer, visible.byteOffset, visible.byteLength) },
      { ignoreEmptyParagraphs: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    throw new DocxFormatError((error as Error).message);
  }

  const appXml = textOf(entries.get('docProps/app.xml'));
  const declared = Number(/<Pages>(\d+)<\/Pages>/.exec(appXml ?? '')?.[1]);
  const pages = Number.isInteger(declared) && declared > 0
    ? declared
    : 1 + Math.max(hidden.pageBreaks, hidden.renderedBreaks);
  const styles = textOf(entries.get('word/styles.xml'));
  const header = marginText(entries, 'header', styles);
  const footer = marginText(entries, 'footer', styles);
  const text = [header.text, htmlToText(html), footer.text].filter((t) => t !== '').join('\n\n');
  return { text, pages, hiddenText: [...header.hidden, ...hidden.text, ...footer.hidden] };
}
