/**
 * PoliceAcroResultRule: ACRO results instigated by police may not be used for immigration purposes.
 * Home Office staff see them only where the offence is on the Home Office Serious Offence List
 * (then it is on PNC, 001 §4.32), or where the instigating force's local agreement lets immigration
 * officers view them (West Yorkshire, 001 §4.35) — and then only as not actionable for removal: a
 * removal decision needs a second, Home Office-instigated check (001 fn 20). Below that threshold
 * Home Office staff are not made aware of the offence at all: the result is withheld, and so is a
 * police check that has nothing they may see. Police see the checks their own force instigated:
 * ACRO data is owned by the instigator of the check (001 §4.35).
 * (DOMAIN restriction 1.)
 */
import { isHomeOfficeStaff, type Role } from '../../auth/principal.js';
import { ACRO_LOCAL_AGREEMENTS } from '../arrangements.js';
import type { AcroResultFacts } from '../datum.js';
import type { PolicyContext } from '../context.js';
import type { Verdict } from '../decision.js';
import type { ValueRule } from '../rule.js';

/** Home Office roles that are immigration officers (who a local agreement lets view police results). */
export const IMMIGRATION_OFFICER_ROLES: readonly Role[] = Object.freeze(['EMBEDDED_IO', 'CCU_CALL_HANDLER', 'JOC_IO']);

export const NOT_ACTIONABLE_FOR_REMOVAL = 'NOT_ACTIONABLE_FOR_REMOVAL';

function homeOfficeView(ctx: PolicyContext, r: AcroResultFacts): Verdict {
  if (r.instigator.kind !== 'POLICE') throw new Error('homeOfficeView on a Home Office result');
  if (r.hosol) return { effect: 'ALLOW' };
  const force = r.instigator.force;
  if ((ACRO_LOCAL_AGREEMENTS as readonly string[]).includes(force) && IMMIGRATION_OFFICER_ROLES.includes(ctx.principal.role)) {
    return {
      effect: 'ALLOW',
      mark: {
        code: NOT_ACTIONABLE_FOR_REMOVAL,
        message: `Viewable under the ${force} local agreement only: a removal decision needs a Home Office-instigated ACRO check (request an immigration-purpose ACRO check).`,
      },
    };
  }
  return { effect: 'WITHHOLD', reason: `Police-instigated (${force}) ACRO result below the Serious Offence List threshold: Home Office staff are not made aware of it.` };
}

export const PoliceAcroResultRule: ValueRule = Object.freeze<ValueRule>({
  name: 'PoliceAcroResultRule',
  cites: 'DOMAIN restriction 1; 001 §4.32, §4.35, fn 20',
  summary: 'Police-instigated ACRO results reach Home Office staff only on HOSOL or under a local agreement (not actionable); otherwise they are withheld.',
  appliesTo: ['ACRO_RESULT', 'ACRO_REQUEST'],
  decide(ctx, datum) {
    const instigator = datum.kind === 'ACRO_RESULT' ? datum.result.instigator : datum.kind === 'ACRO_REQUEST' ? datum.request.instigator : null;
    if (!instigator || instigator.kind !== 'POLICE') return undefined;
    if (!isHomeOfficeStaff(ctx.principal)) {
      if (ctx.principal.organisation === instigator.force) return { effect: 'ALLOW' };
      return {
        effect: 'DENY',
        reason: `This ACRO check was instigated by ${instigator.force}; ACRO data is owned by the instigator of the check.`,
        remedy: `Ask ${instigator.force}, or instigate your own ACRO check.`,
      };
    }
    if (datum.kind === 'ACRO_RESULT') return homeOfficeView(ctx, datum.result);
    if (datum.kind !== 'ACRO_REQUEST') return undefined;
    // A police check is visible to Home Office staff only if some result in it is; otherwise even
    // its existence (or a pending / no-trace answer) would tell them there is something to find.
    const views = datum.request.results.map((r) => homeOfficeView(ctx, { hosol: r.hosol, instigator }));
    const shown = views.filter((v) => v.effect === 'ALLOW');
    if (shown.length === 0) return { effect: 'WITHHOLD', reason: `Police-instigated (${instigator.force}) ACRO check with no result Home Office staff may see.` };
    const marked = shown.find((v) => v.effect === 'ALLOW' && v.mark);
    return marked ?? { effect: 'ALLOW' };
  },
});
