import { ZodError } from 'zod';

export interface FieldProblem {
  field: string;
  message: string;
}

/** The one error type of the platform: becomes `{error: {code, message, details}}` with its status. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const unauthorized = (message = 'Sign in first.', code = 'unauthenticated') => new AppError(401, code, message);
export const forbidden = (message = 'You may not do this.', code = 'forbidden') => new AppError(403, code, message);
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found.`);
export const conflict = (message: string, code = 'conflict') => new AppError(409, code, message);

export function invalidFields(problems: FieldProblem[]): AppError {
  const names = [...new Set(problems.map((p) => p.field))];
  return new AppError(400, 'invalid_fields', `Invalid fields: ${names.join(', ')}.`, problems);
}

export function fieldProblemsOf(error: ZodError, prefix = ''): FieldProblem[] {
  return error.issues.map((i) => ({
    field: prefix + (i.path.length ? i.path.map(String).join('.') : '(body)'),
    message: i.message,
  }));
}

/** Parses with a Zod schema or throws a 400 naming every bad field. */
export function parseOr400<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown, prefix = ''): T {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw invalidFields(fieldProblemsOf(r.error, prefix));
  return r.data;
}
