import type { Knex } from 'knex';

/** Candidate profiles, resume analyses, the extracted resume text, and one active resume per candidate enforced by the database. */
export const profiles = {
  name: '202611290001_profiles',
  async up(db: Knex): Promise<void> {
    await db.schema.createTable('candidate_profiles', (t) => {
      t.uuid('candidate_id').primary().references('accounts.id').onDelete('CASCADE');
      t.jsonb('skills').notNullable().defaultTo('[]');
      t.integer('experience_years');
      t.jsonb('job_preferences').notNullable().defaultTo('{}');
      t.decimal('profile_completeness_score', 5, 2);
      t.integer('version').notNullable().defaultTo(1);
      t.timestamp('updated_at', { useTz: true }).notNullable();
    });
    await db.raw(
      `ALTER TABLE candidate_profiles ADD CONSTRAINT candidate_profiles_experience_ck CHECK (experience_years BETWEEN 0 AND 50)`,
    );
    await db.schema.createTable('resume_analyses', (t) => {
      t.uuid('id').primary();
      t.uuid('resume_id').notNullable().references('resumes.id').onDelete('CASCADE');
      t.integer('overall_score').notNullable();
      t.jsonb('strengths').notNullable().defaultTo('[]');
      t.jsonb('weaknesses').notNullable().defaultTo('[]');
      t.jsonb('suggestions').notNullable().defaultTo('[]');
      t.jsonb('keywords_missing').notNullable().defaultTo('[]');
      t.jsonb('breakdown');
      t.string('analysis_model', 200).notNullable();
      t.integer('tokens_used').notNullable().defaultTo(0);
      t.timestamp('analyzed_at', { useTz: true }).notNullable();
      t.index(['resume_id', 'analyzed_at'], 'idx_resume_analyses_resume_id');
    });
    await db.raw(`ALTER TABLE resume_analyses ADD CONSTRAINT check_score_range CHECK (overall_score BETWEEN 0 AND 100)`);
    await db.raw('CREATE UNIQUE INDEX resumes_one_active_uq ON resumes (candidate_id) WHERE is_active');
    // The text the parse read, so the review (a separate job) does not extract it again.
    await db.schema.alterTable('resumes', (t) => t.text('extracted_text'));
  },
  async down(db: Knex): Promise<void> {
    await db.schema.alterTable('resumes', (t) => t.dropColumn('extracted_text'));
    await db.raw('DROP INDEX IF EXISTS resumes_one_active_uq');
    await db.schema.dropTable('resume_analyses');
    await db.schema.dropTable('candidate_profiles');
  },
};
