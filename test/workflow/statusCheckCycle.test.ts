/**
 * A status-check cycle on SQLite and PostgreSQL (issue 7 "Done when"): an arrest in the custody
 * database → the immigration officer's unchecked list (most urgent PACE clock first) → a check
 * recorded centrally → the list and the MI rates move; releases before an IO attended are counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForceCode } from '../../src/domain/common.js';
import type { WorkflowService } from '../../src/workflow/service.js';
import { pgStatus } from '../support/postgres.js';
import { caller, createWorkflowFixture, ESTATE_TODAY, type Engine, type WorkflowFixture, rejects } from './fixture.js';

/** Estate "now": 08:00 UTC on the estate's today (mocks/estate/calendar.ts). */
const NOW = new Date(`${ESTATE_TODAY}T08:00:00Z`);


function suite(engine: Engine): void {
  let fx: WorkflowFixture;
  let wf: WorkflowService;
  let force: ForceCode;

  beforeAll(async () => {
    fx = await createWorkflowFixture(engine);
    fx.clock = NOW;
    wf = await fx.service();
    // The force with someone unchecked in custody now (IOs may list MPS and WYP; WMP only via its sergeant).
    for (const f of ['MPS', 'WYP'] as const) {
      const list = await fx.custody.inCustodyWithoutStatusCheck(f, NOW.toISOString());
      if (list.length > 0) {
        force = f;
        break;
      }
    }
    if (!force) throw new Error('the test estate has nobody unchecked in MPS or WYP custody');
  }, 120_000);
  afterAll(async () => {
    await fx?.cleanup();
  });

  const io = () => caller({ role: 'EMBEDDED_IO', force }, 'STATUS_CHECK');
  const mi = () => caller({ role: 'MI_ANALYST' }, 'STATISTICS');

  it('walks arrest → unchecked list → check recorded → list and rates updated', async () => {
    const before = await wf.uncheckedInCustody(io(), force);
    expect(before.detainees.length).toBeGreaterThan(0);
    // Most urgent PACE clock first (unknown clocks lead), 36 h extension shown beside it (001 fn 17).
    const clocks = before.detainees.map((d) => d.paceClockExpiresAt).filter((c): c is string => c !== null);
    expect(clocks).toEqual([...clocks].sort());
    for (const d of before.detainees) {
      expect(d.whyForeignNational.length).toBeGreaterThan(0);
      if (d.arrestedAt) expect(Date.parse(d.extendedClockExpiresAt!) - Date.parse(d.paceClockExpiresAt!)).toBe(12 * 3_600_000);
    }
    const target = before.detainees[0]!;
    const arrested = target.arrestedAt ?? '2016-01-01T00:00:00Z';
    const from = new Date(Date.parse(arrested) - 86_400_000).toISOString().replace('.000Z', 'Z');
    const to = new Date(NOW.getTime() + 86_400_000).toISOString().replace('.000Z', 'Z');
    const ratesBefore = await wf.statusCheckRates(mi(), force, from, to);

    const recorded = await wf.recordStatusCheck(io(), { idempotencyKey: 'status-check-0001', force, custodyRecord: target.custodyRecord, route: 'EMBEDDED_IO', result: 'IMMIGRATION_OFFENDER' });
    expect(recorded).toMatchObject({ force, custodyRecord: target.custodyRecord, route: 'EMBEDDED_IO', checkedByRole: 'EMBEDDED_IO', replayed: false });
    const again = await wf.recordStatusCheck(io(), { idempotencyKey: 'status-check-0001', force, custodyRecord: target.custodyRecord, route: 'EMBEDDED_IO', result: 'IMMIGRATION_OFFENDER' });
    expect(again).toMatchObject({ id: recorded.id, replayed: true });

    const after = await wf.uncheckedInCustody(io(), force);
    expect(after.detainees.map((d) => d.custodyRecord)).not.toContain(target.custodyRecord);
    expect(after.detainees).toHaveLength(before.detainees.length - 1);
    expect(after.checkedCentrally).toBe(before.checkedCentrally + 1);

    const ratesAfter = await wf.statusCheckRates(mi(), force, from, to);
    expect(ratesAfter.foreignNationalArrests).toBe(ratesBefore.foreignNationalArrests);
    expect(ratesAfter.checked).toBe(ratesBefore.checked + 1);
    expect(ratesAfter.notChecked).toBe(ratesBefore.notChecked - 1);
    const route = (r: typeof ratesAfter) => r.byRoute.find((x) => x.route === 'EMBEDDED_IO')!.checks;
    expect(route(ratesAfter)).toBe(route(ratesBefore) + 1);
    expect(ratesAfter.checkRate).toBeCloseTo(ratesAfter.checked / ratesAfter.foreignNationalArrests, 4);
    // Aggregates only: no key of the result names a person or a record.
    expect(Object.keys(ratesAfter).sort()).toEqual(['arrests', 'byRoute', 'centralChecksWithoutCustodyRecord', 'checkRate', 'checked', 'force', 'foreignNationalArrests', 'from', 'notChecked', 'releasedBeforeIoAttended', 'to', 'undatedRecords']);

    // A release before an IO could attend (002 rec. 2) is counted in the rates.
    {
      const sergeant = caller({ role: 'CUSTODY_SERGEANT', organisation: force, force }, 'POLICING');
      await wf.recordReleaseBeforeIoAttended(sergeant, { idempotencyKey: 'release-00000001', force, custodyRecord: target.custodyRecord, releasedAt: NOW.toISOString().replace('.000Z', 'Z'), reason: 'NO_IO_AVAILABLE' });
      const withRelease = await wf.statusCheckRates(mi(), force, from, to);
      expect(withRelease.releasedBeforeIoAttended).toBe(ratesAfter.releasedBeforeIoAttended + 1);
    }
  }, 60_000);

  it('validates checks field by field and refuses the wrong people', async () => {
    const bad = await rejects(wf.recordStatusCheck(io(), { idempotencyKey: 'status-check-bad1', force, custodyRecord: 'XXX/1', route: 'CCU', result: 'MAYBE' }));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.problems.map((p) => p.field).sort()).toEqual(['result', 'route']);
    const unknown = await rejects(wf.recordStatusCheck(io(), { idempotencyKey: 'status-check-bad2', force, custodyRecord: `${force}/NO-SUCH-RECORD`, route: 'EMBEDDED_IO', result: 'NO_TRACE' }));
    expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', field: 'custodyRecord' });
    const police = await rejects(wf.uncheckedInCustody(caller({ role: 'CUSTODY_SERGEANT', organisation: force, force }, 'POLICING'), force));
    expect(police.code).toBe('FORBIDDEN');
    const wmp = await rejects(wf.uncheckedInCustody(caller({ role: 'EMBEDDED_IO', force: 'WMP' }, 'STATUS_CHECK'), 'WMP'));
    expect(wmp).toMatchObject({ code: 'FORBIDDEN', rule: 'CustodyArrangementRule' });
    const ioRates = await rejects(wf.statusCheckRates(io(), force, '2016-01-01T00:00:00Z', '2017-01-01T00:00:00Z'));
    expect(ioRates.code).toBe('FORBIDDEN');
  });
}

describe('status-check cycle on SQLite', () => suite('sqlite'));
describe.skipIf(!pgStatus.available)('status-check cycle on PostgreSQL', () => suite('postgres'));
