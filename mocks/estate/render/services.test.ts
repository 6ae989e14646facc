import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderServices } from './services.js';
import { servicesFixturePopulation } from './services.fixture.js';
import { Rng } from '../rng.js';
import { DEFAULT_NOISE, scaleNoise } from '../noise.js';
import type { Population, TruthRecord } from '../model.js';
import type { PncData } from '../../pnc/data.js';
import type { AcroData } from '../../acro/data.js';
import type { DvaData } from '../../dva/data.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function render(population: Population, seed = 42) {
  const outDir = mkdtempSync(join(tmpdir(), 'pcv-services-'));
  dirs.push(outDir);
  const truth: TruthRecord[] = [];
  const summary = await renderServices({
    population,
    rng: new Rng(seed),
    outDir,
    truth: { add: (r) => truth.push(r) },
    openSql: () => Promise.reject(new Error('services renderer must not open SQL')),
  });
  const read = (f: string) => readFileSync(join(outDir, 'services', f), 'utf8');
  return {
    summary,
    truth,
    raw: { pnc: read('pnc.json'), acro: read('acro.json'), dva: read('dva.json') },
    pnc: JSON.parse(read('pnc.json')) as PncData,
    acro: JSON.parse(read('acro.json')) as AcroData,
    dva: JSON.parse(read('dva.json')) as DvaData,
  };
}

describe('renderServices', () => {
  it('writes byte-identical files for the same seed, and different noise for another seed', async () => {
    const noisy = servicesFixturePopulation(scaleNoise(DEFAULT_NOISE, 4));
    const a = await render(noisy, 42);
    const b = await render(noisy, 42);
    expect(b.raw).toEqual(a.raw);
    const c = await render(noisy, 43);
    expect(c.raw.pnc).not.toEqual(a.raw.pnc);
  });

  it('writes a PNC subject per person with a PNC id, in legacy forms, and reports it to the truth', async () => {
    const { pnc, truth, summary } = await render(servicesFixturePopulation());
    expect(pnc.subjects.map((s) => s.pncId)).toEqual(['2009/0123456K', '2011/0654321Z', '2015/0777777M']);
    const okafor = pnc.subjects[0]!;
    expect(okafor).toMatchObject({ name: 'OKAFOR/CHUKWUEMEKA JOHN', dob: '15031985', cro: '123456/09A', nationality: 'NIGERIA', sex: 'M' });
    expect(okafor.convictions).toEqual([
      { date: '12062012', offenceCode: 'TH68023', court: 'LEEDS CROWN COURT', sentence: '18M IMP' },
      expect.objectContaining({ date: '20012014', offenceCode: 'TH68151' }),
      { date: '01092016', offenceCode: 'OF61018', court: 'BRADFORD CROWN COURT', sentence: '2Y6M IMP' },
    ]);
    expect(okafor.convictions[1]!.sentence).not.toMatch(/IMP/);
    expect(okafor.circulations).toEqual([{ type: 'ABSCONDER', date: '01022019', owner: 'HOME OFFICE', ref: 'HO/ABS/0001' }]);
    expect(pnc.subjects[2]!.convictions[0]!.sentence).toBe('4Y IMP');
    expect(truth.filter((t) => t.source === 'pnc')).toEqual([
      { source: 'pnc', key: '2009/0123456K', personId: 'TP0000001' },
      { source: 'pnc', key: '2011/0654321Z', personId: 'TP0000002' },
      { source: 'pnc', key: '2015/0777777M', personId: 'TP0000003' },
    ]);
    expect(summary.counts['pnc.subjects']).toBe(3);
    expect(summary.counts['pnc.convictions']).toBe(5);
  });

  it('writes every ACRO check with instigator, answer time and HOSOL flags', async () => {
    const { acro, truth } = await render(servicesFixturePopulation());
    const byRef = new Map(acro.requests.map((r) => [r.reference, r]));
    expect(acro.requests).toHaveLength(5);
    expect(byRef.get('ACRO/17/000101')).toMatchObject({
      instigator: 'HOME_OFFICE',
      purpose: 'IMMIGRATION',
      answer: 'RESULTS',
      answerAt: '2017-04-12T09:30:00Z',
      subject: { surname: 'OKAFOR', forenames: 'CHUKWUEMEKA JOHN', dateOfBirth: '1985-03-15', nationality: 'NG', pncId: '2009/0123456K' },
      results: [{ country: 'NG', convictionDate: '2004-07-01', ukOffenceCode: 'RAPE', offenceText: 'Rape', sentence: '7 years imprisonment', hosol: true }],
    });
    expect(byRef.get('ACRO/18/000202')).toMatchObject({ instigator: 'WYP', purpose: 'CRIMINAL_INVESTIGATION', instigatingOrganisation: 'WEST YORKSHIRE POLICE' });
    expect(byRef.get('ACRO/18/000202')!.results[0]!.hosol).toBe(false);
    expect(byRef.get('ACRO/19/000303')).toMatchObject({ answerAt: null, answer: null });
    const pending = byRef.get('ACRO/20/000404')!;
    expect(pending.answer).toBe('NO_TRACE');
    expect(Date.parse(pending.answerAt!)).toBeGreaterThan(Date.parse('2021-06-30T23:59:59Z'));
    expect(byRef.get('ACRO/20/000505')).toMatchObject({ answer: 'NO_TRACE', answerAt: '2020-03-20T10:00:00Z' });
    expect(truth.filter((t) => t.source === 'acro').map((t) => `${t.key}=${t.personId}`)).toEqual([
      'ACRO/17/000101=TP0000001',
      'ACRO/18/000202=TP0000001',
      'ACRO/19/000303=TP0000001',
      'ACRO/20/000404=TP0000003',
      'ACRO/20/000505=TP0000004',
    ]);
  });

  it('gives British passports only to genuinely British persons', async () => {
    const { dva } = await render(servicesFixturePopulation());
    expect(dva.passports.map((p) => p.passportNumber)).toEqual(['512345678', '598765432']);
    expect(dva.passports.map((p) => p.passportNumber)).not.toContain('PK1234567');
    for (const p of dva.passports) {
      expect(['VALID', 'LOST', 'STOLEN', 'CANCELLED']).toContain(p.status);
      expect(p.expiresOn > p.issuedOn).toBe(true);
    }
  });

  it('injects PNC legacy quirks at the noise rate', async () => {
    const many: Population = {
      ...servicesFixturePopulation({ ...DEFAULT_NOISE, dobTypo: 0.5 }),
    };
    const persons = Array.from({ length: 40 }, (_, i) => ({ ...many.persons[0]!, id: `TP${i}`, pncId: `2009/${String(i).padStart(7, '0')}K` }));
    const { pnc } = await render({ ...many, persons });
    const unknownDay = pnc.subjects.filter((s) => s.dob.startsWith('00')).length;
    const retired = pnc.subjects.flatMap((s) => s.convictions).filter((c) => ['XX99001', 'OF61099', 'TH68999'].includes(c.offenceCode)).length;
    expect(unknownDay).toBeGreaterThan(5);
    expect(retired).toBeGreaterThan(5);
  });
});
