/**
 * Prints the offline grader's Pearson r on the shared dataset (overall and per assignment), on the
 * project's adversarial sets (bench/datasets/adversarial-grading*.jsonl, see ADVERSARIAL), and
 * its throughput: on the shared dataset's answers, and on long answers made of them (see longAnswers).
 */
import { fileURLToPath } from 'node:url';
import { RubricAnswerGrader } from '../src/adapters/offline/answer-grader.rubric.js';
import { type GradedAnswer, gradingDatasetPath, loadGradingDataset, pearson } from './grading-dataset.js';

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
/**
 * The project's adversarial sets, each 0–5 scored answers of ten kinds to questions the dev set does
 * not contain (see the README): their r, and the mean score by kind beside the human one.
 */
const ADVERSARIAL = [
  ['adversarial-grading.jsonl', '45 questions; the grader was tuned against it'],
  ['adversarial-grading-2.jsonl', '25 questions written on 2026-12-05 without sight of the grader (first measured r 0.215); tuned against since'],
  ['adversarial-grading-3.jsonl', '20 questions written on 2026-12-05 without sight of the grader; kept as a check only (first measured r 0.295)'],
  ['adversarial-grading-4.jsonl', '20 more, written on 2026-12-05 after the grader changes it checks; first measured r 0.387 (0.331 by the grader before them); tuned against since 2026-12-06'],
  ['adversarial-grading-5.jsonl', '20 questions written on 2026-12-06 without sight of the grader; kept as a check only (first measured r 0.441)'],
  ['adversarial-grading-6.jsonl', '20 more, written on 2026-12-06 without sight of the grader; kept as a check only (first measured r 0.458; 0.450 by the grader at the start of that day)'],
] as const;
for (const [name, about] of ADVERSARIAL) {
  const set = loadGradingDataset(fileURLToPath(new URL(`./datasets/${name}`, import.meta.url))) as Array<GradedAnswer & { kind: string }>;
  const graded = set.map((r) => grader.gradeSync(r).score);
  console.log(`${name} (${about}): ${set.length} answers; Pearson r ${pearson(graded, set.map((r) => r.score)).toFixed(4)}; mean score by kind (human's):`);
  for (const kind of [...new Set(set.map((r) => r.kind))].sort()) {
    const at = set.map((r, i) => (r.kind === kind ? i : -1)).filter((i) => i >= 0);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(`  ${kind}: ${mean(at.map((i) => graded[i]!)).toFixed(1)} (${mean(at.map((i) => set[i]!.score * 20)).toFixed(1)}; ${at.length} answers)`);
  }
}
/**
 * Answers graded per second on one core: the best of five rounds of `n` gradings each, after one
 * untimed round (on a shared machine, noise only ever slows a round down).
 */
function throughput(requests: readonly GradedAnswer[], n: number): { perSecond: number; seconds: number } {
  const fresh = new RubricAnswerGrader();
  for (let i = 0; i < n; i++) fresh.gradeSync(requests[i % requests.length]!);
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fresh.gradeSync(requests[i % requests.length]!);
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return { perSecond: Math.round(n / best), seconds: best };
}

/**
 * Long answers, as a candidate who writes at length sends them: for each question, the dataset's
 * answers to it (from every seventh one on) joined until the next would pass the API's 2,000 characters.
 */
function longAnswers(all: readonly GradedAnswer[]): GradedAnswer[] {
  const byQuestion = new Map<string, GradedAnswer[]>();
  for (const r of all) {
    const answers = byQuestion.get(r.question);
    if (answers) answers.push(r);
    else byQuestion.set(r.question, [r]);
  }
  const out: GradedAnswer[] = [];
  for (const answers of byQuestion.values()) {
    for (let first = 0; first < answers.length; first += 7) {
      let text = '';
      for (let i = first; i < first + answers.length; i++) {
        const next = answers[i % answers.length]!.answer.trim();
        if (text.length + 1 + next.length > 2000) break;
        text = text ? `${text} ${next}` : next;
      }
      out.push({ ...answers[first]!, answer: text });
    }
  }
  return out;
}

const N = 20_000;
const dev = throughput(rows, N);
console.log(`throughput: ${dev.perSecond} answers/s on one core (${N} gradings in ${dev.seconds.toFixed(2)} s, best of five rounds)`);
const long = longAnswers(rows);
const meanLength = long.reduce((sum, r) => sum + r.answer.length, 0) / long.length;
const slow = throughput(long, 4_000);
console.log(`long answers (${long.length}, ${Math.round(meanLength)} characters on average, the longest ${Math.max(...long.map((r) => r.answer.length))}): ` +
  `${slow.perSecond} answers/s on one core (4000 gradings in ${slow.seconds.toFixed(2)} s, best of five rounds)`);
