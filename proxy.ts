import { NextResponse, type NextRequest } from 'next/server';
import { requestIsHttps } from '@/lib/net/client';
import { newNonce, pagePolicy } from '@/lib/security/content-security-policy';

// Every page gets a Content-Security-Policy of its own, around a nonce made for that response
// (issue 13, item 6; Next's documented way, "Content Security Policy" guide). The policy goes on
// the request too: Next reads the nonce from the request's policy while rendering and puts it on
// every script it writes; the home page puts it on its boot script (lib/security/nonce.ts).
// next.config.ts sends the other security headers and, on everything the matcher below leaves
// out, the non-page policy; on a page the proxy's policy replaces that one.

export function proxy(request: NextRequest): NextResponse {
  const policy = pagePolicy({
    nonce: newNonce(),
    https: requestIsHttps(request.headers),
    // Fixed when the app is built or `next dev` starts, not a setting read at run time.
    development: process.env.NODE_ENV === 'development',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API routes answer JSON, _next/static and _next/image are files, the icons
      // are images, robots.txt is text (the last two from public/); next.config.ts gives them the
      // non-page policy. Router prefetches render no HTML for a browser to run, so they need no
      // nonce either.
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
