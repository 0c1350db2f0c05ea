import type { Knex } from 'knex';

export const aiUsage = {
  name: '202611240005_ai_usage',
  async up(db: Knex): Promise<void> {
    await db.schema.createTable('ai_usage', (t) => {
      t.bigIncrements('id').primary();
      t.uuid('interview_id').references('interviews.id').onDelete('CASCADE');
      t.string('port', 20).notNullable();
      t.string('provider', 50).notNullable();
      t.string('model', 100).notNullable();
      t.string('outcome', 10).notNullable();
      t.integer('input_tokens').notNullable().defaultTo(0);
      t.integer('output_tokens').notNullable().defaultTo(0);
      t.boolean('estimated').notNullable().defaultTo(false);
      t.decimal('cost_usd', 12, 6).notNullable().defaultTo(0);
      t.integer('latency_ms').notNullable();
      t.text('error');
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.index(['created_at']);
      t.index(['interview_id']);
    });
  },
  async down(db: Knex): Promise<void> {
    await db.schema.dropTable('ai_usage');
  },
};
