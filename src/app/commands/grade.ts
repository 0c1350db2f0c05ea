import type { AnswerGrader } from '../../ports/answer-grader.js';

interface GradeLine {
  id: unknown;
  question: unknown;
  referenceAnswer: unknown;
  answer: unknown;
}

const FIELDS = ['question', 'referenceAnswer', 'answer'] as const;

/**
 * Grades JSON lines `{id, question, referenceAnswer, answer}` into `{id, score, level}` lines. A bad
 * line yields `{id, error}` and the run goes on; blank lines are skipped.
 */
export async function gradeJsonLines(
  lines: AsyncIterable<string>,
  grader: AnswerGrader,
  write: (line: string) => void,
): Promise<{ graded: number; failed: number }> {
  let graded = 0;
  let failed = 0;
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    if (raw.trim() === '') continue;
    let id: unknown = null;
    try {
      let parsed: GradeLine;
      try {
        parsed = JSON.parse(raw) as GradeLine;
      } catch (error) {
        throw new Error(`line ${lineNumber}: invalid JSON (${(error as Error).message})`);
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`line ${lineNumber}: expected a JSON object`);
      id = parsed.id ?? null;
      const missing = FIELDS.filter((f) => typeof parsed[f] !== 'string');
      if (missing.length > 0) throw new Error(`line ${lineNumber}: missing or non-string field(s): ${missing.join(', ')}`);
      const grade = await grader.grade({
        question: parsed.question as string, referenceAnswer: parsed.referenceAnswer as string, answer: parsed.answer as string,
      });
      write(JSON.stringify({ id, score: grade.score, level: grade.level }));
      graded++;
    } catch (error) {
      write(JSON.stringify({ id, error: (error as Error).message }));
      failed++;
    }
  }
  return { graded, failed };
}
