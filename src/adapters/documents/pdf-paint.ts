/**
 * Replays a pdf.js operator list far enough to know, for every run of text shown, what a reader
 * would see: its fill colour and opacity, its rendering mode, its size and position, and the colour
 * of the last filled shape under it. pdf.js text content carries none of that.
 */

export type Rgb = readonly [number, number, number];
type Matrix = [number, number, number, number, number, number];

export interface PaintedRun {
  /** The glyphs' Unicode text, in drawing order. */
  text: string;
  /** Null when the fill is a pattern or otherwise unknown. */
  fill: Rgb | null;
  fillAlpha: number;
  /** PDF text rendering mode: 3 (invisible) and 7 (clip only) paint nothing. */
  mode: number;
  /** Origin in page space and rendered font size. */
  x: number;
  y: number;
  size: number;
  /** Colour of the last filled shape containing the origin (white paper when none). */
  background: Rgb;
  /** Drawn by an annotation appearance, which text content does not include. */
  inAnnotation: boolean;
}

export type OperatorCodes = Readonly<Record<string, number>>;

interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

interface State {
  ctm: Matrix;
  fill: Rgb | null;
  fillAlpha: number;
  mode: number;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const WHITE: Rgb = [1, 1, 1];
const BLACK: Rgb = [0, 0, 0];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

function asMatrix(value: unknown): Matrix | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as ArrayLike<unknown>;
  const m = [0, 1, 2, 3, 4, 5].map((i) => Number(v[i]));
  return m.every(Number.isFinite) ? (m as Matrix) : undefined;
}

function parseColour(args: unknown): Rgb | null {
  const list = args as ArrayLike<unknown> | null;
  const first = list?.[0];
  if (typeof first === 'string' && /^#[0-9a-f]{6}$/i.test(first)) {
    return [1, 3, 5].map((i) => parseInt(first.slice(i, i + 2), 16) / 255) as unknown as Rgb;
  }
  if (list && list.length === 3 && [0, 1, 2].every((i) => typeof list[i] === 'number')) {
    const [r, g, b] = [0, 1, 2].map((i) => list[i] as number);
    const scale = Math.max(r!, g!, b!) > 1 ? 255 : 1;
    return [r! / scale, g! / scale, b! / scale];
  }
  return null;
}

const numberArg = (args: unknown, i = 0, fallback = 0): number => {
  const v = (args as ArrayLike<unknown> | null)?.[i];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
};

/** Paint operations that fill the path they carry (pdf.js 5 folds the paint op into constructPath). */
const FILL_OPS = ['fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'];

export function paintedRuns(list: OperatorList, OPS: OperatorCodes): PaintedRun[] {
  const op = (name: string) => OPS[name] ?? -1;
  const fillOps = new Set(FILL_OPS.map(op));
  const runs: PaintedRun[] = [];
  const fills: Array<{ box: [number, number, number, number]; colour: Rgb }> = [];
  const stack: State[] = [];
  let annotationDepth = 0;
  let s: State = {
    ctm: IDENTITY, fill: BLACK, fillAlpha: 1, mode: 0, fontSize: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0,
  };
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;

  const push = () => stack.push({ ...s });
  const pop = () => {
    s = stack.pop() ?? s;
  };
  const moveText = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  const backgroundAt = (x: number, y: number): Rgb => {
    for (let i = fills.length - 1; i >= 0; i--) {
      const [x0, y0, x1, y1] = fills[i]!.box;
      if (x >= x0 && x <= x1 && y >= y0 && y <= y1) return fills[i]!.colour;
    }
    return WHITE;
  };
  const show = (glyphs: unknown) => {
    if (!Array.isArray(glyphs)) return;
    const trm = multiply(multiply([s.fontSize * s.hScale, 0, 0, s.fontSize, 0, s.rise], tm), s.ctm);
    const [x, y] = [trm[4], trm[5]];
    const size = Math.hypot(trm[2], trm[3]);
    let text = '';
    let advance = 0;
    for (const g of glyphs as Array<Glyph | number | null>) {
      if (typeof g === 'number') {
        advance += (-g / 1000) * s.fontSize * s.hScale;
        continue;
      }
      if (!g) continue;
      text += g.unicode ?? '';
      advance += ((g.width ?? 0) / 1000) * s.fontSize + s.charSpacing + (g.isSpace ? s.wordSpacing : 0);
    }
    tm = multiply([1, 0, 0, 1, advance * (s.hScale || 1), 0], tm);
    runs.push({
      text, fill: s.fill, fillAlpha: s.fillAlpha, mode: s.mode, x, y, size,
      // Probe inside the first glyph, not at its baseline corner.
      background: backgroundAt(x + size * 0.25, y + size * 0.3), inAnnotation: annotationDepth > 0,
    });
  };

  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i] as unknown[] | null;
    switch (fn) {
      case op('save'): push(); break;
      case op('restore'): pop(); break;
      case op('transform'): {
        const m = asMatrix(args);
        if (m) s.ctm = multiply(m, s.ctm);
        break;
      }
      case op('paintFormXObjectBegin'): {
        push();
        const m = asMatrix(args?.[0]);
        if (m) s.ctm = multiply(m, s.ctm);
        break;
      }
      case op('paintFormXObjectEnd'): pop(); break;
      case op('beginGroup'): {
        push();
        const m = asMatrix((args?.[0] as { matrix?: unknown } | undefined)?.matrix);
        if (m) s.ctm = multiply(m, s.ctm);
        break;
      }
      case op('endGroup'): pop(); break;
      case op('beginAnnotation'): push(); annotationDepth++; break;
      case op('endAnnotation'): pop(); annotationDepth = Math.max(0, annotationDepth - 1); break;
      case op('setFillRGBColor'): s.fill = parseColour(args); break;
      case op('setFillGray'): {
        const g = numberArg(args);
        s.fill = [g, g, g];
        break;
      }
      case op('setFillCMYKColor'): {
        const [c, m, y, k] = [0, 1, 2, 3].map((j) => numberArg(args, j));
        s.fill = [(1 - c!) * (1 - k!), (1 - m!) * (1 - k!), (1 - y!) * (1 - k!)];
        break;
      }
      case op('setFillColor'):
      case op('setFillColorN'):
      case op('setFillColorSpace'):
        s.fill = parseColour(args);
        break;
      case op('setGState'): {
        for (const entry of (args?.[0] as Array<[string, unknown]> | undefined) ?? []) {
          if (!Array.isArray(entry)) continue;
          if (entry[0] === 'ca' && typeof entry[1] === 'number') s.fillAlpha = entry[1];
          if (entry[0] === 'Font' && Array.isArray(entry[1]) && typeof entry[1][1] === 'number') s.fontSize = entry[1][1];
        }
        break;
      }
      case op('setTextRenderingMode'): s.mode = numberArg(args); break;
      case op('setFont'): s.fontSize = Math.abs(numberArg(args, 1, s.fontSize)); break;
      case op('setCharSpacing'): s.charSpacing = numberArg(args); break;
      case op('setWordSpacing'): s.wordSpacing = numberArg(args); break;
      case op('setHScale'): s.hScale = numberArg(args, 0, 100) / 100; break;
      case op('setLeading'): s.leading = numberArg(args); break;
      case op('setTextRise'): s.rise = numberArg(args); break;
      case op('beginText'): tm = IDENTITY; tlm = IDENTITY; break;
      case op('setTextMatrix'): {
        const m = asMatrix(args && args.length >= 6 ? args : args?.[0]);
        if (m) {
          tm = m;
          tlm = m;
        }
        break;
      }
      case op('moveText'): moveText(numberArg(args, 0), numberArg(args, 1)); break;
      case op('setLeadingMoveText'):
        s.leading = -numberArg(args, 1);
        moveText(numberArg(args, 0), numberArg(args, 1));
        break;
      case op('nextLine'): moveText(0, -s.leading); break;
      case op('showText'):
      case op('showSpacedText'):
        show(args?.[0]);
        break;
      case op('nextLineShowText'):
        moveText(0, -s.leading);
        show(args?.[0]);
        break;
      case op('nextLineSetSpacingShowText'):
        s.wordSpacing = numberArg(args, 0);
        s.charSpacing = numberArg(args, 1);
        moveText(0, -s.leading);
        show(args?.[2]);
        break;
      case op('constructPath'): {
        const paint = args?.[0];
        const minMax = args?.[2] as ArrayLike<number> | undefined;
        if (typeof paint === 'number' && fillOps.has(paint) && s.fill && s.fillAlpha > 0.5 && minMax && minMax.length >= 4) {
          const corners = [apply(s.ctm, minMax[0]!, minMax[1]!), apply(s.ctm, minMax[2]!, minMax[3]!),
            apply(s.ctm, minMax[0]!, minMax[3]!), apply(s.ctm, minMax[2]!, minMax[1]!)];
          const xs = corners.map((c) => c[0]);
          const ys = corners.map((c) => c[1]);
          fills.push({ box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], colour: s.fill });
        }
        break;
      }
      default:
        break;
    }
  }
  return runs;
}

/** How far apart two colours are: the largest channel difference, 0–1. */
export const colourDistance = (a: Rgb, b: Rgb): number =>
  Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
