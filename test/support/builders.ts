import { randomUUID } from 'node:crypto';
import type { Account } from '../../src/domain/accounts/account.js';
import { type Resume, resumeStorageKey } from '../../src/domain/resumes/resume.js';
import { uniqueEmail } from './test-app.js';

export function anAccount(overrides: Partial<Account> = {}): Account {
  const at = new Date('2026-03-01T10:00:00.000Z');
  return {
    id: randomUUID(),
    email: uniqueEmail('acct'),
    fullName: 'Ada Lovelace',
    phone: '+61 400 000 000',
    role: 'candidate',
    status: 'active',
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA',
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

/** Inserts a fresh candidate account through the unit of work; resolves its id. */
export async function insertCandidate(uow: { repositories: { accounts: { insert(a: Account): Promise<void> } } }): Promise<string> {
  const account = anAccount();
  await uow.repositories.accounts.insert(account);
  return account.id;
}

/** A resume of `candidateId` as just uploaded (pending, active, not yet parsed). */
export function aResume(candidateId: string, overrides: Partial<Resume> = {}): Resume {
  const id = overrides.id ?? randomUUID();
  return {
    id, candidateId, fileName: 'cv.pdf', fileSize: 1234, type: 'pdf', storageKey: resumeStorageKey(candidateId, id, 'pdf'),
    uploadedAt: new Date('2026-06-01T12:00:00.000Z'), isActive: true, parsingStatus: 'pending', parsedAt: null, parsed: null,
    errorMessage: null, ...overrides,
  };
}
