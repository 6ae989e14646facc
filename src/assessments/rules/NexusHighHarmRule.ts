/**
 * Nexus High Harm (001 fn 8, 004 fn 16): arrest on this occasion, or a previous conviction, for
 * grievous bodily harm or worse, human trafficking, sex offences, firearms offences, knife offences
 * or other weapons offences; or a "prolific robber or burglar" — convicted of robbery or burglary
 * 3 or more times. "This occasion" is the most recent arrest.
 */
import type { HighHarmCategory } from '../../domain/offences.js';
import type { SourceRef } from '../../domain/common.js';
import { assessment, describeConviction, offenceOf } from '../helpers.js';
import type { AssessmentRule } from '../types.js';

const DIRECT: ReadonlySet<HighHarmCategory> = new Set(['GBH_OR_WORSE', 'HUMAN_TRAFFICKING', 'SEXUAL', 'FIREARMS', 'KNIFE', 'OTHER_WEAPON']);
const PROLIFIC: ReadonlySet<HighHarmCategory> = new Set(['ROBBERY', 'BURGLARY']);
export const PROLIFIC_THRESHOLD = 3;

export const NexusHighHarmRule: AssessmentRule = {
  kind: 'NEXUS_HIGH_HARM',
  guidance: '001 fn 8; 004 fn 16',
  assess(facts) {
    const reasons: string[] = [];
    const evidence: SourceRef[] = [];
    for (const c of facts.convictions) {
      const o = offenceOf(c);
      if (o?.highHarm && DIRECT.has(o.highHarm)) {
        reasons.push(`Previous conviction for ${describeConviction(c)} is a High Harm offence.`);
        evidence.push(c.ref);
      }
    }
    const latest = [...facts.arrests].sort((a, b) => b.arrestedAt.localeCompare(a.arrestedAt))[0];
    const latestOffence = latest ? offenceOf(latest) : undefined;
    if (latest && latestOffence?.highHarm && DIRECT.has(latestOffence.highHarm)) {
      reasons.push(`Most recent arrest (${latest.arrestedAt.slice(0, 10)}) was for ${latestOffence.description.toLowerCase()}, a High Harm offence.`);
      evidence.push(latest.ref);
    }
    const prolific = facts.convictions.filter((c) => {
      const o = offenceOf(c);
      return o?.highHarm != null && PROLIFIC.has(o.highHarm);
    });
    if (prolific.length >= PROLIFIC_THRESHOLD) {
      reasons.push(`Convicted of robbery or burglary ${prolific.length} times: a prolific robber or burglar (${PROLIFIC_THRESHOLD} or more).`);
      evidence.push(...prolific.map((c) => c.ref));
    }
    const applies = reasons.length > 0;
    if (!applies) {
      reasons.push(
        prolific.length > 0
          ? `No High Harm offence; ${prolific.length} robbery/burglary conviction(s), below the ${PROLIFIC_THRESHOLD} that make a prolific offender.`
          : 'No arrest or conviction visible to you meets the High Harm criteria.',
      );
    } else {
      reasons.push('Case owners should contact the Nexus High Harm Team about this person (004 §6.18).');
    }
    return assessment('NEXUS_HIGH_HARM', this.guidance, { applies, value: applies ? 'HIGH_HARM' : 'NOT_HIGH_HARM', reasons, evidence });
  },
};
