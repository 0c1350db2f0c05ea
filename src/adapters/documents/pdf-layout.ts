/** A piece of text placed on a page, in PDF user space (origin bottom-left, y up). */
export interface TextBox {
  text: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size as rendered. */
  size: number;
  /** Drawn right after hidden text that was taken out: the gap before it is not a column break. */
  afterHidden?: boolean;
}

// A gutter is a vertical band no text crosses: at least this wide, in points...
const MIN_GUTTER_WIDTH = 6;
// ...crossed by at most this share of the page's text boxes (a full-width name or heading may cross it)...
const MAX_CROSSING_SHARE = 0.15;
// ...with at least this share of the characters on each side, so right-aligned dates are not a column.
const MIN_COLUMN_SHARE = 0.12;
const MIN_COLUMN_LINES = 3;
/**
 * The most positions a gutter is looked for at: one point apart on any real page (a sheet of A3 is 842 points
 * wide), further apart on a page a file declares absurdly wide, whose text would otherwise be swept point by
 * point (2,000,000 points held the server's event loop for a minute).
 */
const MAX_GUTTER_PROBES = 4_000;

const charsOf = (boxes: readonly TextBox[]) => boxes.reduce((n, b) => n + b.text.replace(/\s/g, '').length, 0);
const right = (b: TextBox) => b.x + b.width;

/**
 * The x of a vertical gutter splitting the page into two columns, or undefined for a one-column page.
 * Searched between 15 % and 85 % of the text's horizontal extent. Two or more such gutters mean a
 * table or a grid, whose rows must be read across: then there is no split either.
 */
export function findGutter(boxes: readonly TextBox[]): number | undefined {
  const solid = boxes.filter((b) => b.text.trim() !== '');
  if (solid.length < 2 * MIN_COLUMN_LINES) return undefined;
  const total = charsOf(solid);
  const minX = Math.min(...solid.map((b) => b.x));
  const maxX = Math.max(...solid.map(right));
  const span = maxX - minX;
  if (span <= 0) return undefined;
  const from = Math.floor(minX + span * 0.15);
  const to = Math.ceil(minX + span * 0.85);
  const crossing = (x: number) => solid.filter((b) => b.x < x && right(b) > x).length;
  const step = Math.max(1, Math.ceil((to - from) / MAX_GUTTER_PROBES));

  const found: Array<{ x: number; crossing: number; width: number }> = [];
  let runStart: number | undefined;
  let runCrossing = 0;
  const closeRun = (end: number) => {
    if (runStart === undefined) return;
    const width = end - runStart;
    const x = (runStart + end) / 2;
    runStart = undefined;
    if (width < MIN_GUTTER_WIDTH) return;
    const left = solid.filter((b) => right(b) <= x);
    const rightSide = solid.filter((b) => b.x >= x);
    if (charsOf(left) < total * MIN_COLUMN_SHARE || charsOf(rightSide) < total * MIN_COLUMN_SHARE) return;
    if (lineCount(left) < MIN_COLUMN_LINES || lineCount(rightSide) < MIN_COLUMN_LINES) return;
    if (!overlapVertically(left, rightSide)) return;
    found.push({ x, crossing: runCrossing, width });
  };
  for (let x = from; x <= to; x += step) {
    const c = crossing(x);
    if (c <= solid.length * MAX_CROSSING_SHARE) {
      if (runStart === undefined) {
        runStart = x;
        runCrossing = c;
      } else {
        runCrossing = Math.max(runCrossing, c);
      }
    } else {
      closeRun(x);
    }
  }
  closeRun(to + 1);
  return found.length === 1 ? found[0]!.x : undefined;
}

function lineCount(boxes: readonly TextBox[]): number {
  return groupLines(boxes).length;
}

/** Side-by-side columns share most of their height; stacked blocks do not. */
function overlapVertically(a: readonly TextBox[], b: readonly TextBox[]): boolean {
  const extent = (bs: readonly TextBox[]) => [Math.min(...bs.map((x) => x.y)), Math.max(...bs.map((x) => x.y + x.size))] as const;
  const [a0, a1] = extent(a);
  const [b0, b1] = extent(b);
  const overlap = Math.min(a1, b1) - Math.max(a0, b0);
  return overlap >= 0.5 * Math.min(a1 - a0, b1 - b0);
}

interface Line {
  y: number;
  size: number;
  boxes: TextBox[];
}

/** Boxes grouped into lines by baseline, top to bottom, each line left to right. */
export function groupLines(boxes: readonly TextBox[]): Line[] {
  const sorted = boxes.filter((b) => b.text.trim() !== '').sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Line[] = [];
  for (const box of sorted) {
    const line = lines.find((l) => Math.abs(l.y - box.y) <= 0.45 * Math.max(Math.min(l.size, box.size), 1));
    if (line) {
      line.boxes.push(box);
      line.size = Math.max(line.size, box.size);
    } else {
      lines.push({ y: box.y, size: box.size, boxes: [box] });
    }
  }
  for (const line of lines) line.boxes.sort((p, q) => p.x - q.x);
  return lines.sort((p, q) => q.y - p.y);
}

/** One line's text: a space where words are apart, a tab where the gap is wide (right-aligned dates). */
export function lineText(line: Line): string {
  let out = '';
  let prev: TextBox | undefined;
  for (const box of line.boxes) {
    if (prev) {
      const gap = box.x - right(prev);
      const em = Math.max(prev.size, box.size, 1);
      if (gap > 2 * em && !box.afterHidden) out = `${out.trimEnd()}\t`;
      else if (gap > 2 * em) out = `${out.trimEnd()} `;
      else if (gap > 0.12 * em && !/\s$/.test(out) && !/^\s/.test(box.text)) out += ' ';
    }
    out += box.text;
    prev = box;
  }
  return out.replace(/[ ]{2,}/g, ' ').trim();
}

/** Lines of one column, with an empty line where the vertical gap says a new block starts. */
function columnLines(boxes: readonly TextBox[]): string[] {
  const lines = groupLines(boxes);
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) gaps.push(lines[i - 1]!.y - lines[i]!.y);
  const typical = median(gaps.filter((g) => g > 0)) ?? 0;
  const out: string[] = [];
  lines.forEach((line, i) => {
    const text = lineText(line);
    if (text === '') return;
    if (i > 0 && out.length > 0) {
      const gap = lines[i - 1]!.y - line.y;
      if (gap > Math.max(typical * 1.45, line.size * 1.6)) out.push('');
    }
    out.push(text);
  });
  return out;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/**
 * A page's text in reading order. Two columns (found by findGutter) are read left then right, in
 * bands cut by any line crossing the gutter (a full-width name, heading or footer).
 */
export function pageLines(boxes: readonly TextBox[]): string[] {
  const gutter = findGutter(boxes);
  if (gutter === undefined) return columnLines(boxes);
  const solid = boxes.filter((b) => b.text.trim() !== '');
  const cuts = groupLines(solid.filter((b) => b.x < gutter && right(b) > gutter));
  const onCut = new Set<TextBox>(cuts.flatMap((c) => c.boxes));
  for (const box of solid) {
    if (onCut.has(box)) continue;
    const cut = cuts.find((c) => Math.abs(c.y - box.y) <= 0.45 * Math.max(Math.min(c.size, box.size), 1));
    if (cut) {
      cut.boxes.push(box);
      cut.boxes.sort((p, q) => p.x - q.x);
      onCut.add(box);
    }
  }
  const out: string[] = [];
  const push = (lines: string[]) => {
    if (lines.length === 0) return;
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    out.push(...lines);
  };
  let upper = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= cuts.length; i++) {
    const cut = cuts[i];
    const lower = cut ? cut.y : Number.NEGATIVE_INFINITY;
    const inBand = solid.filter((b) => b.y < upper && b.y >= lower && !onCut.has(b));
    push(columnLines(inBand.filter((b) => b.x + b.width / 2 < gutter)));
    push(columnLines(inBand.filter((b) => b.x + b.width / 2 >= gutter)));
    if (cut) push([lineText(cut)]);
    upper = lower;
  }
  return out;
}

/** Hidden boxes as lines of text, top to bottom (no column logic: they are evidence, not content). */
export const hiddenLines = (boxes: readonly TextBox[]): string[] =>
  groupLines(boxes).map(lineText).filter((t) => t !== '');
