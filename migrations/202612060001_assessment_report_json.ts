import type { Knex } from 'knex';

/**
 * A completed interview's report and completion record become `json`: written once, with the last
 * turn, and read back only whole by the application, which never queries inside them (its score and
 * recommendation have columns of their own). `json` keeps the text as sent (validated, not converted):
 * storing a report of ~11 kB took about a third less on the embedded database than building `jsonb`,
 * and the completing turn's statement was the costliest of an interview.
 */
const retype = (db: Knex, type: 'json' | 'jsonb') =>
  db.raw(`ALTER TABLE assessment_results ALTER COLUMN report TYPE ${type} USING report::${type},
    ALTER COLUMN completion TYPE ${type} USING completion::${type}`);

export const assessmentReportJson = {
  name: '202612060001_assessment_report_json',
  async up(db: Knex): Promise<void> {
    await retype(db, 'json');
  },
  async down(db: Knex): Promise<void> {
    await retype(db, 'jsonb');
  },
};
