import type { Knex } from 'knex';
import { type AssessmentThresholds, DEFAULT_THRESHOLDS } from '../src/domain/assessment/index.js';
import { MESSAGE_COLUMNS, toMessage } from '../src/adapters/postgres/interview-repository.postgres.js';
import { transcriptState } from '../src/domain/interviews/use-cases/transcript-state.js';

/**
 * Stores the progression and asked list the transcript implies on every interview row that left
 * them NULL, rebuilt with `thresholds` (those the turns ran with).
 */
export async function storeDerivedInterviewState(db: Knex, thresholds: AssessmentThresholds): Promise<number> {
  const ids: string[] = await db('interviews').whereNull('progression').orWhereNull('asked').pluck('id');
  for (const id of ids) {
    const rows = await db('interview_messages').where({ interview_id: id }).orderBy('sequence_number').select(MESSAGE_COLUMNS.split(', '));
    const state = transcriptState(rows.map(toMessage), thresholds);
    await db.raw(
      `update interviews set progression = coalesce(progression, ?::json), asked = coalesce(asked, ?::json) where id = ?`,
      [JSON.stringify(state.progression), JSON.stringify(state.asked), id],
    );
  }
  return ids.length;
}

/**
 * The interview's progression and asked list are no longer written on every turn: the repository
 * rebuilds them from the transcript when a row leaves them NULL (rows written before keep theirs).
 * Down stores them again first, rebuilt with the default thresholds; a deployment that ran with
 * other thresholds should call storeDerivedInterviewState with those before going down.
 */
export const interviewStateDerived = {
  name: '202611300002_interview_state_derived',
  async up(db: Knex): Promise<void> {
    await db.raw(`ALTER TABLE interviews ALTER COLUMN progression DROP NOT NULL, ALTER COLUMN asked DROP NOT NULL`);
  },
  async down(db: Knex): Promise<void> {
    await storeDerivedInterviewState(db, DEFAULT_THRESHOLDS);
    await db.raw(`ALTER TABLE interviews ALTER COLUMN progression SET NOT NULL, ALTER COLUMN asked SET NOT NULL`);
  },
};
