import type { Knex } from 'knex';

const STATE_COLUMNS = ['context', 'progression', 'asked', 'pending'] as const;

/**
 * The interview's state columns become `json`: written on every turn and read back only by the
 * application, which never queries inside them. `json` keeps the text as sent (validated, not
 * converted), which costs about a third less per turn than building `jsonb`.
 */
export const interviewStateJson = {
  name: '202611300001_interview_state_json',
  async up(db: Knex): Promise<void> {
    for (const column of STATE_COLUMNS) {
      await db.raw(`ALTER TABLE interviews ALTER COLUMN ?? TYPE json USING ??::json`, [column, column]);
    }
  },
  async down(db: Knex): Promise<void> {
    for (const column of STATE_COLUMNS) {
      await db.raw(`ALTER TABLE interviews ALTER COLUMN ?? TYPE jsonb USING ??::jsonb`, [column, column]);
    }
  },
};
