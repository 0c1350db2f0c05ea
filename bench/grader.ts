/**
 * Prints the offline grader's Pearson r on the shared dataset (overall and per assignment), on the
 * project's adversarial set (bench/datasets/adversarial-grading.jsonl: 45 questions the shared
 * dataset does not contain, 270 answers of ten kinds — right in other words or as notes, partial,
 * swapped, opposite, negated, vague, keyword lists, off topic — written and scored 0–5 for this
 * project with an AI assistant; the grader was tuned against it on 2026-12-05, so it is a regression
 * measure, not a held-out one), and its throughput.
 */
import { fileURLToPath } from 'node:url';
import { RubricAnswerGrader } from '../src/adapters/offline/answer-grader.rubric.js';
import { gradingDatasetPath, loadGradingDataset, pearson } from './grading-dataset.js';

const file = gradingDatasetPath();
const rows = loadGradingDataset(file);
const grader = new RubricAnswerGrader();
const scores = rows.map((r) => grader.gradeSync(r).score);
console.log(`dataset: ${rows.length} answers from ${file}`);
console.log(`Pearson r (all): ${pearson(scores, rows.map((r) => r.score)).toFixed(4)}`);
for (const a of [...new Set(rows.map((r) => r.id.split('.')[0]))]) {
  const idx = rows.map((r, i) => (r.id.split('.')[0] === a ? i : -1)).filter((i) => i >= 0);
  console.log(`  assignment ${a}: r = ${pearson(idx.map((i) => scores[i]!), idx.map((i) => rows[i]!.score)).toFixed(4)} (${idx.length} answers)`);
}
const adversarial = loadGradingDataset(fileURLToPath(new URL('./datasets/adversarial-grading.jsonl', import.meta.url))) as Array<
  ReturnType<typeof loadGradingDataset>[number] & { kind: string }>;
const graded = adversarial.map((r) => grader.gradeSync(r).score);
console.log(`adversarial set: ${adversarial.length} answers; Pearson r ${pearson(graded, adversarial.map((r) => r.score)).toFixed(4)}; mean score by kind:`);
for (const kind of [...new Set(adversarial.map((r) => r.kind))].sort()) {
  const own = graded.filter((_, i) => adversarial[i]!.kind === kind);
  console.log(`  ${kind}: ${(own.reduce((a, b) => a + b, 0) / own.length).toFixed(1)} (${own.length} answers)`);
}
const N = 20_000;
const fresh = new RubricAnswerGrader();
const started = process.hrtime.bigint();
for (let i = 0; i < N; i++) fresh.gradeSync(rows[i % rows.length]!);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`throughput: ${Math.round(N / seconds)} answers/s on one core (${N} gradings in ${seconds.toFixed(2)} s)`);
