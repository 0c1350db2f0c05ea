import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads a versioned prompt file (`prompts/<name>.v<N>.md`). The compiled build does not copy .md
 * files, so from dist/ the source tree's copy is used.
 */
export function loadPrompt(file: string): string {
  for (const candidate of [`./prompts/${file}`, `../../../../src/adapters/llm/prompts/${file}`]) {
    try {
      return readFileSync(fileURLToPath(new URL(candidate, import.meta.url)), 'utf8');
    } catch {
      /* try the next location */
    }
  }
  throw new Error(`Prompt file ${file} not found`);
}

export const PROMPTS = {
  answerGrader: 'answer-grader.v1.md',
  interviewer: 'interviewer.v1.md',
} as const;
