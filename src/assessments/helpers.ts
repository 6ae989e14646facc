import type { SourceRef } from '../domain/common.js';
import { isEea } from '../domain/nationality.js';
import { offenceByCode, type Offence } from '../domain/offences.js';
import type { Assessment, AssessmentKind, ConvictionFact } from './types.js';

export function assessment(
  kind: AssessmentKind,
  guidance: string,
  fields: { applies: boolean; value: string; reasons: string[]; evidence?: SourceRef[]; actions?: string[] },
): Assessment {
  return Object.freeze({
    kind,
    guidance,
    applies: fields.applies,
    value: fields.value,
    reasons: Object.freeze([...fields.reasons]),
    evidence: Object.freeze(uniqueRefs(fields.evidence ?? [])),
    actions: Object.freeze([...(fields.actions ?? [])]),
  });
}

export function uniqueRefs(refs: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const r of refs) {
    const k = `${r.source}:${r.key}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(r);
    }
  }
  return out;
}

/** Nationality known and neither British nor EEA. */
export function isNonEeaForeign(nationality: string | null): boolean {
  return nationality != null && nationality !== 'GBR' && !isEea(nationality);
}

export function describeNationality(nationality: string | null): string {
  if (nationality == null) return 'nationality unknown';
  if (nationality === 'GBR') return 'British';
  return isEea(nationality) ? `EEA national (${nationality})` : `non-EEA national (${nationality})`;
}

export function offenceOf(c: { offenceCode: string | null }): Offence | undefined {
  return c.offenceCode ? offenceByCode(c.offenceCode) : undefined;
}

export function describeConviction(c: ConvictionFact): string {
  const o = offenceOf(c);
  const what = o ? o.description.toLowerCase() : `offence ${c.offenceCode}`;
  const when = c.convictedOn ? ` on ${c.convictedOn}` : '';
  const where = c.country === 'GBR' ? '' : ` in ${c.country}`;
  const sentence = c.sentenceMonths != null ? `, ${c.sentenceMonths} months' custody` : ', non-custodial sentence';
  return `${what}${where}${when}${sentence}`;
}
