import type { Knex } from 'knex';

export const accounts = {
  name: '202611240001_accounts',
  async up(db: Knex): Promise<void> {
    await db.schema.createTable('accounts', (t) => {
      t.uuid('id').primary();
      t.string('email', 320).notNullable();
      t.string('full_name', 255).notNullable();
      t.string('phone', 50);
      t.string('role', 20).notNullable().defaultTo('candidate');
      t.string('status', 20).notNullable().defaultTo('active');
      t.string('password_hash', 255).notNullable();
      t.integer('version').notNullable().defaultTo(1);
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.index(['status']);
    });
    await db.raw('CREATE UNIQUE INDEX accounts_email_lower_uq ON accounts (lower(email))');
    await db.raw(`ALTER TABLE accounts ADD CONSTRAINT accounts_role_ck CHECK (role IN ('candidate','recruiter','admin'))`);
    await db.raw(`ALTER TABLE accounts ADD CONSTRAINT accounts_status_ck CHECK (status IN ('active','inactive','deleted'))`);
    await db.schema.createTable('login_throttle', (t) => {
      t.string('key', 320).primary();
      t.integer('failures').notNullable().defaultTo(0);
      t.timestamp('locked_until', { useTz: true });
    });
  },
  async down(db: Knex): Promise<void> {
    await db.schema.dropTable('login_throttle');
    await db.schema.dropTable('accounts');
  },
};
