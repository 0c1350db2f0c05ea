import type { Knex } from 'knex';

export const resumes = {
  name: '202611240002_resumes',
  async up(db: Knex): Promise<void> {
    await db.schema.createTable('resumes', (t) => {
      t.uuid('id').primary();
      t.uuid('candidate_id').notNullable().references('accounts.id').onDelete('CASCADE');
      t.string('file_name', 255).notNullable();
      t.integer('file_size').notNullable();
      t.string('content_type', 100).notNullable();
      t.string('storage_key', 500).notNullable();
      t.timestamp('uploaded_at', { useTz: true }).notNullable();
      t.timestamp('parsed_at', { useTz: true });
      t.string('parsing_status', 20).notNullable().defaultTo('pending');
      t.jsonb('parsed_data');
      t.text('error_message');
      t.boolean('is_active').notNullable().defaultTo(true);
      t.index(['candidate_id', 'is_active']);
      t.index(['parsing_status']);
    });
    await db.raw(
      `ALTER TABLE resumes ADD CONSTRAINT resumes_parsing_status_ck CHECK (parsing_status IN ('pending','processing','completed','failed'))`,
    );
  },
  async down(db: Knex): Promise<void> {
    await db.schema.dropTable('resumes');
  },
};
