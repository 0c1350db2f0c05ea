import { type AssessmentThresholds, initialProgression, type ProgressionState, recordAnswer } from '../../assessment/index.js';
import type { AskedQuestionRecord, InterviewMessage } from '../interview.js';
import { answerInput, askedOf, asksNewQuestion, storedGradeOf, withAnswer } from './turns.js';

/** The part of an interview its transcript implies. */
export interface TranscriptState {
  progression: ProgressionState;
  asked: AskedQuestionRecord[];
}

/**
 * Rebuilds an interview's progression and asked list from its messages (in sequence order), as
 * StartInterview and SubmitAnswer build them turn by turn: every question asked is listed (once: a
 * restatement after a clarification request is not a new question, nor are the closing words), and every graded answer is
 * recorded with the thresholds the turns ran with (a clarification request has no grade). So a repository need not
 * store what the transcript already says. An answer without a stored grade is skipped, as the
 * report skips it.
 */
export function transcriptState(messages: readonly InterviewMessage[], thresholds: AssessmentThresholds): TranscriptState {
  let progression = initialProgression();
  let asked: AskedQuestionRecord[] = [];
  for (const message of messages) {
    if (message.type === 'ai_question') {
      if (asksNewQuestion(message)) asked.push(askedOf(message));
      continue;
    }
    const stored = storedGradeOf(message);
    if (!stored) continue;
    progression = recordAnswer(progression, answerInput(stored, stored.grade, message.text), thresholds).state;
    asked = withAnswer(asked, stored.questionNumber, stored.grade);
  }
  return { progression, asked };
}
