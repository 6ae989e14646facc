/**
 * The gateway's pino logger: JSON lines on stdout (or a given stream), with the redaction paths
 * from redact.ts. One logger per process; per-request children add the request id.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/types.js';
import { REDACT_PATHS, REDACTED } from './redact.js';

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where lines go; stdout when omitted (tests pass a memory stream). */
  readonly destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    level: options.level,
    base: { service: 'pcv-gateway' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
