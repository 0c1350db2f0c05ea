/** SQLSTATE of a unique-constraint violation. */
export const UNIQUE_VIOLATION = '23505';

export const isUniqueViolation = (error: unknown, constraint?: string): boolean => {
  const e = error as { code?: string; constraint?: string; nativeError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.nativeError?.code;
  const name = e?.constraint ?? e?.nativeError?.constraint;
  return code === UNIQUE_VIOLATION && (!constraint || name === constraint);
};
