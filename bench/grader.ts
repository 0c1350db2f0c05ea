/** Prints the offline grader's Pearson r on the shared dataset (overall and per assignment) and its throughput. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RubricAnswerGrader } from '../src/adapters/offline/answer-grader.rubric.js';

interface Row { id: string; question: string; referenceAnswer: string; answer: string; score: number }

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

const file = process.env.GRADER_DATASET ?? path.resolve(process.cwd(), '../shared/datasets/short-answer-grading-dev.jsonl');
const rows: Row[] = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
const grader = new RubricAnswerGrader();
const scores = rows.map((r) => grader.gradeSync(r).score);
console.log(`dataset: ${rows.length} answers from ${file}`);
console.log(`Pearson r (all): ${pearson(scores, rows.map((r) => r.score)).toFixed(4)}`);
for (const a of [...new Set(rows.map((r) => r.id.split('.')[0]))]) {
  const idx = rows.map((r, i) => (r.id.split('.')[0] === a ? i : -1)).filter((i) => i >= 0);
  console.log(`  assignment ${a}: r = ${pearson(idx.map((i) => scores[i]!), idx.map((i) => rows[i]!.score)).toFixed(4)} (${idx.length} answers)`);
}
const N = 20_000;
const fresh = new RubricAnswerGrader();
const started = process.hrtime.bigint();
for (let i = 0; i < N; i++) fresh.gradeSync(rows[i % rows.length]!);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`throughput: ${Math.round(N / seconds)} answers/s on one core (${N} gradings in ${seconds.toFixed(2)} s)`);
