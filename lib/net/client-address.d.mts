// Types for client-address.mjs (plain JavaScript, run by the server before anything is compiled).
import type { BlockList } from 'node:net';

export interface TrustedProxies {
  entries: string[];
  list: BlockList;
}
type NodeHeaders = Record<string, string | string[] | undefined>;
interface RequestLike {
  socket?: { remoteAddress?: string; encrypted?: boolean };
  headers: NodeHeaders;
  rawHeaders?: string[];
}

export const FORWARDING_HEADERS: string[];
export function normaliseAddress(address: unknown): string | undefined;
export function parseAddressList(value: string | undefined, options?: { label?: string; example?: string }): TrustedProxies;
export function addressListHas(addresses: TrustedProxies, address: string | undefined): boolean;
export function parseTrustedProxies(value: string | undefined): TrustedProxies;
export function isTrustedProxy(trusted: TrustedProxies, address: string | undefined): boolean;
export function clientAddressOf(peer: string | undefined, headers: NodeHeaders, trusted: TrustedProxies): string;
export function protocolOf(encrypted: boolean, peer: string | undefined, headers: NodeHeaders, trusted: TrustedProxies): 'http' | 'https';
export function settleForwardingHeaders(request: RequestLike, trusted: TrustedProxies): { client: string; protocol: 'http' | 'https'; peerTrusted: boolean };
