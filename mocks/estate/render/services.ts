/**
 * Renders the three HTTP legacy services' data from the ground truth: `services/pnc.json`,
 * `services/acro.json` and `services/dva.json`, which the msw handlers (mocks/<service>/handlers.ts)
 * serve. Each service draws from its own fork of the renderer's Rng, and the JSON is written with
 * sorted keys, so the same seed gives byte-identical files. PNC records and ACRO requests are
 * reported to the truth sink (`pnc:<pncId>`, `acro:<reference>`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Renderer } from './types.js';
import { buildPncData } from '../../pnc/data.js';
import { buildAcroData } from '../../acro/data.js';
import { buildDvaData } from '../../dva/data.js';

/** JSON with object keys sorted at every level, one trailing newline: stable bytes for stable data. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  })}\n`;
}

export const renderServices: Renderer = async (ctx) => {
  const dir = join(ctx.outDir, 'services');
  await mkdir(dir, { recursive: true });
  const add = (r: Parameters<typeof ctx.truth.add>[0]) => ctx.truth.add(r);
  const pnc = buildPncData(ctx.population, ctx.rng.fork('pnc'), add);
  const acro = buildAcroData(ctx.population, ctx.rng.fork('acro'), add);
  const dva = buildDvaData(ctx.population, ctx.rng.fork('dva'));
  await writeFile(join(dir, 'pnc.json'), canonicalJson(pnc));
  await writeFile(join(dir, 'acro.json'), canonicalJson(acro));
  await writeFile(join(dir, 'dva.json'), canonicalJson(dva));
  return {
    source: 'services',
    counts: {
      'pnc.subjects': pnc.subjects.length,
      'pnc.convictions': pnc.subjects.reduce((n, s) => n + s.convictions.length, 0),
      'pnc.circulations': pnc.subjects.reduce((n, s) => n + s.circulations.length, 0),
      'acro.requests': acro.requests.length,
      'acro.neverAnswered': acro.requests.filter((r) => r.answerAt == null).length,
      'dva.passports': dva.passports.length,
    },
  };
};
