import type { Knex } from 'knex';

/**
 * An Idempotency-Key is scoped to what the request acts on: `scope` joins the key of
 * `idempotency_keys` (an interview's id for its answers). Before, a key named one request of the
 * whole account, so a client sending `turn-1` to its second interview was told the key was reused.
 * Stored rows take their scope from the request fingerprint, which begins with the interview's id.
 * Going down keeps, for each account and key, only the first stored response.
 */
export const idempotencyScope = {
  name: '202612050001_idempotency_scope',
  async up(db: Knex): Promise<void> {
    await db.raw(`ALTER TABLE idempotency_keys ADD COLUMN scope varchar(64) NOT NULL DEFAULT ''`);
    await db.raw(`UPDATE idempotency_keys SET scope = split_part(request_hash, ':', 1) WHERE position(':' in request_hash) > 0`);
    await db.raw(`ALTER TABLE idempotency_keys ALTER COLUMN scope DROP DEFAULT,
      DROP CONSTRAINT idempotency_keys_pkey, ADD PRIMARY KEY (account_id, scope, key)`);
  },
  async down(db: Knex): Promise<void> {
    await db.raw(`DELETE FROM idempotency_keys k USING idempotency_keys e
      WHERE k.account_id = e.account_id AND k.key = e.key AND (k.created_at, k.scope) > (e.created_at, e.scope)`);
    await db.raw(`ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey, DROP COLUMN scope,
      ADD PRIMARY KEY (account_id, key)`);
  },
};
