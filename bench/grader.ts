/** Prints the offline grader's Pearson r on the shared dataset (overall and per assignment) and its throughput. */
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
const N = 20_000;
const fresh = new RubricAnswerGrader();
const started = process.hrtime.bigint();
for (let i = 0; i < N; i++) fresh.gradeSync(rows[i % rows.length]!);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`throughput: ${Math.round(N / seconds)} answers/s on one core (${N} gradings in ${seconds.toFixed(2)} s)`);
