/**
 * DerivedDataRule: no side doors. A value derived from records — a data-quality message, an identity
 * fragment or alias, a search match reason, an assessment or its reason — is visible only if every
 * record it came from is; if any source is withheld, so is the derived value (issue 6 "No side doors").
 */
import type { ValueRule } from '../rule.js';

export const DerivedDataRule: ValueRule = Object.freeze<ValueRule>({
  name: 'DerivedDataRule',
  cites: 'issue 6 "No side doors"; DOMAIN restriction 1 (001 §4.32)',
  summary: 'Derived values inherit the strictest decision of the records they came from.',
  appliesTo: ['DERIVED'],
  decide(_ctx, datum) {
    if (datum.kind !== 'DERIVED') return undefined;
    const withheld = datum.sources.find((s) => s.effect === 'WITHHOLD');
    if (withheld) return { effect: 'WITHHOLD', reason: 'Derived from a record the requester must not learn of.' };
    const denied = datum.sources.find((s) => s.effect === 'DENY');
    if (denied && denied.effect === 'DENY') {
      return { effect: 'DENY', reason: `Derived from a record you may not see: ${denied.refusal.reason}`, remedy: denied.refusal.remedy };
    }
    return { effect: 'ALLOW' };
  },
});
