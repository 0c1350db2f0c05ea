/** SQLSTATE of a unique-constraint violation. */
export const UNIQUE_VIOLATION = '23505';

/** SQLSTATE of a foreign-key violation (a row naming one that does not exist). */
export const FOREIGN_KEY_VIOLATION = '23503';

/** Whether `error` is the database's `sqlstate`, of `constraint` when one is given. */
const isViolation = (error: unknown, sqlstate: string, constraint?: string): boolean => {
  const e = error as { code?: string; constraint?: string; nativeError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.nativeError?.code;
  const name = e?.constraint ?? e?.nativeError?.constraint;
  return code === sqlstate && (!constraint || name === constraint);
};

export const isUniqueViolation = (error: unknown, constraint?: string): boolean => isViolation(error, UNIQUE_VIOLATION, constraint);

export const isForeignKeyViolation = (error: unknown, constraint?: string): boolean => isViolation(error, FOREIGN_KEY_VIOLATION, constraint);
