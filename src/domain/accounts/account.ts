import { plainText } from '../shared/text.js';
import { BlankFullName } from './errors.js';
export const ROLES = ['candidate', 'recruiter', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACCOUNT_STATUSES = ['active', 'inactive', 'deleted'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface Account {
  id: string;
  /** Stored lower-cased and trimmed: emails are unique case-insensitively. */
  email: string;
  fullName: string;
  phone: string | null;
  role: Role;
  status: AccountStatus;
  passwordHash: string;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic concurrency version, bumped by every save. */
  version: number;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** A full name as it is kept: its display controls dropped (see plainText) and trimmed; one with nothing visible left is refused. */
export function visibleName(raw: string): string {
  const name = plainText(raw).trim();
  if (name === '') throw new BlankFullName();
  return name;
}

export const canSignIn = (account: Account): boolean => account.status === 'active';
