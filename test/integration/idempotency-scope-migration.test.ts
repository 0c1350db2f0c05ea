import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { PgUnitOfWork } from '../../src/adapters/postgres/unit-of-work.postgres.js';
import { idempotencyScope } from '../../migrations/202612050001_idempotency_scope.js';
import { insertCandidate } from '../support/builders.js';
import { databaseLegs, inRolledBackTransaction } from '../support/databases.js';

for (const leg of databaseLegs()) {
  describe(`migration ${idempotencyScope.name}: ${leg.label}`, () => {
    it('scopes stored keys by the interview their fingerprint names, and going down keeps the first response per key', async () => {
      const { knex } = await leg.open();
      const account = await insertCandidate(new PgUnitOfWork(knex));
      const [first, second] = [randomUUID(), randomUUID()];
      const at = (s: number) => new Date(Date.UTC(2026, 11, 5, 0, 0, s));
      const rows = (db: typeof knex) =>
        db('idempotency_keys').where({ account_id: account }).orderBy(['key', 'created_at']).select('key', 'scope', 'request_hash');
      await inRolledBackTransaction(knex, async (trx) => {
        const save = (scope: string, key: string, hash: string, s: number) =>
          trx('idempotency_keys').insert({ account_id: account, scope, key, request_hash: hash, response: '{}', created_at: at(s) });
        await save(first, 'turn-1', `${first}:aaa`, 1);
        await save(second, 'turn-1', `${second}:bbb`, 2);
        await save(second, 'turn-2', `${second}:ccc`, 3);
        await idempotencyScope.down(trx);
        expect(await trx('idempotency_keys').where({ account_id: account }).orderBy('key').select('key', 'request_hash'))
          .to.deep.equal([{ key: 'turn-1', request_hash: `${first}:aaa` }, { key: 'turn-2', request_hash: `${second}:ccc` }]);
        await idempotencyScope.up(trx);
        expect(await rows(trx)).to.deep.equal([
          { key: 'turn-1', scope: first, request_hash: `${first}:aaa` },
          { key: 'turn-2', scope: second, request_hash: `${second}:ccc` },
        ]);
        // The key is the three columns: the same key in another interview is stored beside it.
        await save(second, 'turn-1', `${second}:ddd`, 4);
        expect((await rows(trx)).map((r: { scope: string }) => r.scope)).to.deep.equal([first, second, second]);
      });
    });
  });
}
