import { APIError } from 'better-auth/api';

// The one answer every limit of this app gives through the auth library, and the one way it is
// read back: the library's own rate-limit refusal (429, its words, X-Retry-After in seconds), so
// a client reads ours as it reads the library's.

const DEFAULT_BODY = { message: 'Too many requests. Please try again later.' };

/** A 429 refusal asking to wait `retryAfterSeconds`; `body` for a refusal with its own code and words. */
export function tooManyRequests(retryAfterSeconds: number, body: { code?: string; message: string } = DEFAULT_BODY): APIError {
  return new APIError('TOO_MANY_REQUESTS', body, { 'X-Retry-After': String(retryAfterSeconds) });
}

/** The whole seconds a refusal's X-Retry-After asks to wait; undefined when it names none. */
export function retryAfterIn(headers: Pick<Headers, 'get'> | undefined): number | undefined {
  const seconds = Number(headers?.get('x-retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}
