/**
 * An expected failure with a stable code (`module.reason`). It never carries an HTTP status:
 * each module's routes map codes to statuses.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A resource does not exist, or the caller may not know it exists. */
export class NotFound extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}

/** An optimistic write met a newer version. */
export class VersionConflict extends DomainError {
  constructor(entity: string, id: string) {
    super('persistence.version_conflict', `${entity} ${id} was changed by another request`, { entity, id });
  }
}

/** Input that passed schema validation but breaks a business rule. */
export class InvalidInput extends DomainError {}

export class InvalidStorageKey extends DomainError {
  constructor(key: string) {
    super('storage.invalid_key', `Invalid storage key: ${JSON.stringify(key.slice(0, 100))}`);
  }
}
