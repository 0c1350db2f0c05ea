/** The shared short-answer grading dataset and the statistic it is judged by (used by bench:grader and its test). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GradedAnswer { id: string; question: string; referenceAnswer: string; answer: string; score: number }

const NAME = 'short-answer-grading-dev.jsonl';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the dataset is: GRADER_DATASET, else `shared/datasets` beside the repository (or beside the
 * working directory), else the workplace's `/work/shared`. Throws naming every place it looked.
 */
export function gradingDatasetPath(): string {
  const candidates = process.env.GRADER_DATASET
    ? [process.env.GRADER_DATASET]
    : [
      path.resolve(repoRoot, '../shared/datasets', NAME),
      path.resolve(process.cwd(), '../shared/datasets', NAME),
      path.resolve('/work/shared/datasets', NAME),
    ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`The grading dataset was not found; looked at: ${candidates.join(', ')} (set GRADER_DATASET)`);
  return found;
}

export function loadGradingDataset(file = gradingDatasetPath()): GradedAnswer[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as GradedAnswer);
}

export function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sx = 0, sy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sx += (x[i]! - mx) ** 2;
    sy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sx * sy);
}
