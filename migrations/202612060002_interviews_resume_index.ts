import type { Knex } from 'knex';

/**
 * The interviews that name a resume, found by an index: deleting a resume finds them twice (the
 * repository detaches them, then the foreign key's ON DELETE SET NULL checks for any left), and
 * without one both read the whole table. Partial: most interviews name no resume.
 */
export const interviewsResumeIndex = {
  name: '202612060002_interviews_resume_index',
  async up(db: Knex): Promise<void> {
    await db.raw('CREATE INDEX interviews_resume_id_idx ON interviews (resume_id) WHERE resume_id IS NOT NULL');
  },
  async down(db: Knex): Promise<void> {
    await db.raw('DROP INDEX interviews_resume_id_idx');
  },
};
