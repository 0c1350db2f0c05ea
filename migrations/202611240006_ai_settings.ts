import type { Knex } from 'knex';

export const aiSettings = {
  name: '202611240006_ai_settings',
  async up(db: Knex): Promise<void> {
    await db.schema.createTable('ai_settings', (t) => {
      t.string('key', 50).primary();
      t.jsonb('value').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.string('updated_by', 320).notNullable();
    });
    await db.schema.createTable('ai_settings_audit', (t) => {
      t.bigIncrements('id').primary();
      t.string('key', 50).notNullable();
      t.jsonb('from_value').notNullable();
      t.jsonb('to_value').notNullable();
      t.string('changed_by', 320).notNullable();
      t.timestamp('changed_at', { useTz: true }).notNullable();
    });
  },
  async down(db: Knex): Promise<void> {
    await db.schema.dropTable('ai_settings_audit');
    await db.schema.dropTable('ai_settings');
  },
};
