import { Model } from 'objection';

/** Row shape of `accounts`. Bound per instance with bindKnex: never leaves the postgres adapter. */
export class AccountModel extends Model {
  static override tableName = 'accounts';
  id!: string;
  email!: string;
  full_name!: string;
  phone!: string | null;
  role!: string;
  status!: string;
  password_hash!: string;
  version!: number;
  created_at!: Date;
  updated_at!: Date;
}
