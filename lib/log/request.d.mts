// Types for request.mjs (plain JavaScript, run by the server before anything is compiled).
type NodeHeaders = Record<string, string | string[] | undefined>;

export const REQUEST_ID_HEADER: 'x-request-id';
export function settleRequestId(request: { headers: NodeHeaders; rawHeaders?: string[] }, peerTrusted: boolean): string;
export function loggablePath(target: string | undefined): string;
