// Types for logger.mjs (plain JavaScript, run by the server before anything is compiled).
import type { Logger } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type { Logger };

export const LOG_LEVELS: LogLevel[];
export function parseLogLevel(value: string | undefined): LogLevel;
export const SECRET_FIELDS: string[];
export function redactPaths(fields?: readonly string[]): string[];
export const REDACTED: '[redacted]';
export function runWithRequestContext<T>(context: { requestId: string }, work: () => T): T;
export function currentRequestId(): string | undefined;
export function defaultInstanceId(port?: string | number): string;
export function createLogger(options?: {
  level?: LogLevel;
  instance?: string;
  destination?: NodeJS.WritableStream;
  pretty?: boolean;
}): Logger;
export function installProcessLogger(logger: Logger): Logger;
export function processLogger(): Logger;
export function logger(component: string): Logger;
