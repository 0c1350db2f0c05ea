import type { Knex } from 'knex';

export const interviews = {
  name: '202611240003_interviews',
  async up(db: Knex): Promise<void> {
    await db.schema.createTable('interviews', (t) => {
      t.uuid('id').primary();
      t.uuid('candidate_id').notNullable().references('accounts.id').onDelete('CASCADE');
      t.uuid('resume_id').references('resumes.id').onDelete('SET NULL');
      t.uuid('job_posting_id');
      t.string('role_type', 50).notNullable();
      t.string('status', 20).notNullable();
      t.timestamp('started_at', { useTz: true });
      t.timestamp('completed_at', { useTz: true });
      t.integer('duration_seconds');
      t.string('ai_model_used', 100);
      t.integer('total_tokens_used').notNullable().defaultTo(0);
      t.decimal('cost_usd', 10, 4).notNullable().defaultTo(0);
      t.boolean('video_recording_consent').notNullable().defaultTo(false);
      t.string('video_recording_status', 20);
      t.jsonb('context').notNullable();
      t.jsonb('progression').notNullable();
      t.jsonb('asked').notNullable();
      t.jsonb('pending');
      t.integer('last_sequence').notNullable().defaultTo(0);
      t.timestamp('last_activity_at', { useTz: true }).notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.integer('version').notNullable().defaultTo(1);
      t.index(['candidate_id', 'created_at']);
      t.index(['status']);
    });
    await db.raw(
      `ALTER TABLE interviews ADD CONSTRAINT interviews_status_ck CHECK (status IN ('scheduled','in_progress','completed','abandoned'))`,
    );
    await db.schema.createTable('interview_messages', (t) => {
      t.uuid('id').primary();
      t.uuid('interview_id').notNullable().references('interviews.id').onDelete('CASCADE');
      t.integer('sequence_number').notNullable();
      t.string('message_type', 30).notNullable();
      t.text('content_text').notNullable();
      t.jsonb('metadata').notNullable().defaultTo('{}');
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.unique(['interview_id', 'sequence_number'], { indexName: 'interview_messages_sequence_uq' });
    });
    await db.raw(
      `ALTER TABLE interview_messages ADD CONSTRAINT interview_messages_type_ck CHECK (message_type IN ('ai_question','candidate_response'))`,
    );
    await db.schema.createTable('assessment_results', (t) => {
      t.uuid('interview_id').primary().references('interviews.id').onDelete('CASCADE');
      t.decimal('overall_score', 5, 2).notNullable();
      t.string('recommendation', 20).notNullable();
      t.jsonb('report').notNullable();
      t.jsonb('completion').notNullable();
      t.timestamp('generated_at', { useTz: true }).notNullable();
    });
    await db.schema.createTable('idempotency_keys', (t) => {
      t.uuid('account_id').notNullable().references('accounts.id').onDelete('CASCADE');
      t.string('key', 255).notNullable();
      t.string('request_hash', 128).notNullable();
      t.jsonb('response').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.primary(['account_id', 'key']);
    });
  },
  async down(db: Knex): Promise<void> {
    await db.schema.dropTable('idempotency_keys');
    await db.schema.dropTable('assessment_results');
    await db.schema.dropTable('interview_messages');
    await db.schema.dropTable('interviews');
  },
};
