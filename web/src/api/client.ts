/**
 * The one way the staff app talks to the API: same-origin JSON over fetch, the session cookie sent by
 * the browser, the session's CSRF token on every write, and every failure turned into an ApiError.
 * Each module keeps its calls in its own file beside this one (auth.ts, users.ts, audit.ts, ...).
 */

export interface FieldError {
  field: string;
  message: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A refused or failed call: `code` is the API's error code, or 'network' when no answer came. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
    /** The server's reference for this request, to quote when reporting a fault. */
    readonly requestId?: string,
  ) {
    super(message);
  }

  /** What the API said about one field, if anything. */
  field(name: string): string | undefined {
    return this.fieldErrors.find((f) => f.field === name)?.message;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** A list value repeats the parameter (`status=new&status=assigned`). */
export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

let csrfToken: string | null = null;
let authProblemHandler: ((e: ApiError) => void) | null = null;

/** The token of the current session; auth.ts sets it whenever a session comes back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called for any answer that says the session has ended or is restricted, whichever page made the call. */
export function onAuthProblem(handler: ((e: ApiError) => void) | null): void {
  authProblemHandler = handler;
}

const AUTH_PROBLEMS = new Set(['unauthenticated', 'password_change_required', 'mfa_enrolment_required']);

function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (Array.isArray(v)) for (const item of v) params.append(k, item);
    else if (v !== undefined && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function toApiError(res: Response, body: unknown): ApiError {
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown } } | null)?.error;
  const code = typeof e?.code === 'string' ? e.code : `http_${res.status}`;
  const message = typeof e?.message === 'string' ? e.message : res.statusText;
  const fieldErrors = Array.isArray(e?.details)
    ? (e.details as unknown[]).filter((d): d is FieldError => typeof (d as FieldError)?.field === 'string' && typeof (d as FieldError)?.message === 'string')
    : [];
  const retryAfter = Number(res.headers.get('retry-after'));
  const requestId = typeof e?.requestId === 'string' ? e.requestId : undefined;
  return new ApiError(res.status, code, message, fieldErrors, e?.details, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined, requestId);
}

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** Sent as the Idempotency-Key header: a retry with the same key takes effect once. */
  idempotencyKey?: string;
  /** A CSV file sent as it is (text/csv) instead of a JSON body. */
  csv?: string;
  /** A file sent as it is under its own content type (a spreadsheet the server reads). */
  file?: { data: Blob; type: string };
}

/** A key for one intended change, kept across its retries: random, so no two forms share one. */
export function newIdempotencyKey(): string {
  // getRandomValues, unlike randomUUID, works on a plain-HTTP address inside the office network too.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const write = method !== 'GET';
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${queryString(opts.query)}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(write ? { 'content-type': opts.file?.type ?? (opts.csv === undefined ? 'application/json' : 'text/csv; charset=utf-8') } : {}),
        ...(write && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}),
      },
      // The server refuses an empty JSON body, so writes without one send {}.
      body: write ? (opts.file?.data ?? opts.csv ?? JSON.stringify(opts.body ?? {})) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return body as T;
  const error = toApiError(res, body);
  if (AUTH_PROBLEMS.has(error.code)) authProblemHandler?.(error);
  throw error;
}
