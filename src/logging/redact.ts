/**
 * Keeps personal data out of logs. Request log lines are built from an allow-list of fields
 * (request id, operation name, timings, source call counts, error codes), so variables, queries
 * and error messages never reach them; pino's `redact` paths below are a second line of defence for
 * anything logged by hand. `scrubText` removes identifier-, date- and quote-shaped content from the
 * few free-text values that are reported (a source's last error).
 */

/** Object paths pino replaces with "[redacted]" wherever they appear (one or two levels deep). */
export const REDACT_PATHS: readonly string[] = Object.freeze(
  ['variables', 'query', 'body', 'args', 'authorization', 'headers.authorization', 'message', 'msgPersonal']
    .flatMap((p) => [p, `*.${p}`]),
);

export const REDACTED = '[redacted]';

const PATTERNS: readonly RegExp[] = [
  /"[^"]*"/g, // anything quoted (our error messages quote keys and names)
  /'[^']*'/g,
  /`[^`]*`/g,
  /\b\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?\b/g, // ISO dates and times
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g, // day/month/year in any order
  /\b\d{2,6}\/\d{2,7}[A-Z]?\b/gi, // PNC ids and CRO numbers (2014/0123456K, 123456/12A)
  /\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,}\b/gi, // letters+digits: passports, references
  /\b\d{5,}\b/g, // long digit runs
];

/** Free text with identifier-, date- and quote-shaped content replaced by "[redacted]". */
export function scrubText(text: string): string {
  let out = text;
  for (const p of PATTERNS) out = out.replace(p, REDACTED);
  return out;
}
