import type { Knex } from 'knex';

export const jobs = {
  name: '202611240004_jobs',
  async up(db: Knex): Promise<void> {
    await db.schema.createTable('jobs', (t) => {
      t.uuid('id').primary();
      t.string('type', 100).notNullable();
      t.jsonb('payload').notNullable();
      t.string('status', 20).notNullable().defaultTo('queued');
      t.integer('attempt').notNullable().defaultTo(0);
      t.integer('max_attempts').notNullable().defaultTo(5);
      t.timestamp('run_at', { useTz: true }).notNullable();
      t.timestamp('locked_until', { useTz: true });
      t.text('last_error');
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
    });
    await db.raw(`CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status IN ('queued','running')`);
  },
  async down(db: Knex): Promise<void> {
    await db.schema.dropTable('jobs');
  },
};
