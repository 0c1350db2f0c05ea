import type { Knex } from 'knex';

/**
 * A message's metadata becomes `json`: written with every turn (the question's details, or the grade
 * the report is rebuilt from) and read back only whole by the application, which never queries inside
 * it. `json` keeps the text as sent (validated, not converted), which makes appending a turn's two
 * messages ~20 µs cheaper on the embedded database than building `jsonb`. The default is dropped
 * around the change of type and set again, as a default does not follow a type change by itself.
 */
const retype = (db: Knex, type: 'json' | 'jsonb') =>
  db.raw(`ALTER TABLE interview_messages ALTER COLUMN metadata DROP DEFAULT,
    ALTER COLUMN metadata TYPE ${type} USING metadata::${type},
    ALTER COLUMN metadata SET DEFAULT '{}'::${type}`);

export const messageMetadataJson = {
  name: '202612040001_message_metadata_json',
  async up(db: Knex): Promise<void> {
    await retype(db, 'json');
  },
  async down(db: Knex): Promise<void> {
    await retype(db, 'jsonb');
  },
};
