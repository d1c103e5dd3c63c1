import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/lib/auth/server';

// better-auth's HTTP API (sign-up, sign-in, sign-out, session) under /api/auth. The instance
// is created on the first request, once the database is open.
export const { GET, POST } = toNextJsHandler(async (request: Request) => (await getAuth()).handler(request));
