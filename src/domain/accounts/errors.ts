import { DomainError } from '../shared/domain-error.js';

export class EmailAlreadyRegistered extends DomainError {
  constructor() {
    super('accounts.email_taken', 'Email already registered');
  }
}

/** One message for an unknown email, a wrong password and a disabled account alike. */
export class InvalidCredentials extends DomainError {
  constructor() {
    super('auth.invalid_credentials', 'Invalid email or password');
  }
}

export class LoginLocked extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'auth.locked',
      `Too many failed login attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      { retryAfterSeconds },
    );
  }
}

/** Missing, malformed, tampered or expired token, or an account that can no longer sign in. */
export class NotAuthenticated extends DomainError {
  constructor() {
    super('auth.not_authenticated', 'Could not validate credentials');
  }
}

export class NotPermitted extends DomainError {
  constructor() {
    super('auth.forbidden', 'You do not have permission to perform this action');
  }
}

/** A full name with nothing visible left once the characters that only change how text displays are dropped (see plainText). */
export class BlankFullName extends DomainError {
  constructor() {
    super('accounts.blank_name', 'Full name must contain visible characters');
  }
}

export class WeakPassword extends DomainError {
  constructor(reason: string) {
    super('accounts.weak_password', reason);
  }
}

export class AccountNotFound extends DomainError {
  constructor() {
    super('accounts.not_found', 'Account not found');
  }
}
