/**
 * What a failed CID call says about why, without personal data: the driver's error code when it
 * has one, else the last part of its message (knex prefixes the SQL text, which carries no values
 * but is noise), at most 200 characters.
 */
export function driverReason(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown };
  if (typeof err.code === 'string') return err.code;
  const msg = typeof err.message === 'string' ? err.message : String(e);
  const parts = msg.split(' - ');
  return (parts[parts.length - 1] ?? msg).slice(0, 200);
}
