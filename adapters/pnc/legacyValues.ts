/**
 * Reading PNC's legacy value formats: `DDMMYYYY` dates (PNC writes `00` for a day it never knew)
 * and sentence text such as `18M IMP`, `2Y6M IMP`, `LIFE IMP`, `FINE`, `SUSPENDED 6M`.
 */

export type PncDate = { readonly ok: true; readonly iso: string } | { readonly ok: false; readonly reason: string };

/** `DDMMYYYY` → ISO date, or why it cannot be read. */
export function parsePncDate(raw: string): PncDate {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(raw.trim());
  if (!m) return { ok: false, reason: 'not a PNC date (DDMMYYYY)' };
  const [, d, mo, y] = m as unknown as [string, string, string, string];
  if (d === '00') return { ok: false, reason: 'day not known to PNC (written 00)' };
  const iso = `${y}-${mo}-${d}`;
  const t = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso) return { ok: false, reason: 'no such calendar date' };
  return { ok: true, iso };
}

export interface PncSentence {
  /** Null when the text could not be read. */
  readonly custodial: boolean | null;
  /** Months of custody in this one sentence; null when non-custodial, life or unreadable. */
  readonly months: number | null;
  readonly life: boolean;
  /** False when the text is not one PNC's formats. */
  readonly readable: boolean;
}

const NON_CUSTODIAL = /^(FINE|COMMUNITY ORDER|CONDITIONAL DISCHARGE|ABSOLUTE DISCHARGE|SUSPENDED(\s+\d+[MY])?)$/;

export function parsePncSentence(raw: string): PncSentence {
  const text = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  if (text === 'LIFE IMP') return { custodial: true, months: null, life: true, readable: true };
  const term = /^(?:(\d+)Y)?(?:(\d+)M)? (IMP|YOI)$/.exec(text);
  if (term && (term[1] || term[2])) {
    return { custodial: true, months: Number(term[1] ?? 0) * 12 + Number(term[2] ?? 0), life: false, readable: true };
  }
  if (NON_CUSTODIAL.test(text)) return { custodial: false, months: null, life: false, readable: true };
  return { custodial: null, months: null, life: false, readable: false };
}
