import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import { dropSchema, pgStatus, pgUrlWithSchema, PG_TEST_URL } from '../../test/support/postgres.js';
import { estateExists, generateEstate, readManifest, resolveNoise } from './generate.js';
import { DEFAULT_NOISE } from './noise.js';
import type { Renderer } from './render/types.js';

const root = mkdtempSync(join(tmpdir(), 'pcv-generate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A small renderer of our own: one SQL table, one file, one truth row per person. */
const renderTiny: Renderer = async (ctx) => {
  const db = await ctx.openSql('tiny');
  await db.schema.dropTableIfExists('person');
  await db.schema.createTable('person', (t) => {
    t.string('id').primary();
    t.string('family');
  });
  const rows = ctx.population.persons.map((p) => ({ id: p.id, family: p.familyName }));
  await db.batchInsert('person', rows, 200);
  for (const p of ctx.population.persons) ctx.truth.add({ source: 'tiny', key: `K${p.id}`, personId: p.id });
  mkdirSync(join(ctx.outDir, 'tiny'), { recursive: true });
  writeFileSync(join(ctx.outDir, 'tiny', 'draw.txt'), `${ctx.rng.nextUint32()}\n`);
  return { source: 'tiny', counts: { person: rows.length } };
};

function failingAfterWriting(message: string): Renderer {
  return async function renderBroken(ctx) {
    const db = await ctx.openSql('h1_broken');
    await db.schema.createTable('half', (t) => t.string('x'));
    writeFileSync(join(ctx.outDir, 'half-written.txt'), 'x');
    throw new Error(message);
  };
}

function fingerprints(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('generateEstate with a test renderer', () => {
  it('writes sources, truth and a manifest without timestamps', async () => {
    const outDir = join(root, 'basic');
    const lines: string[] = [];
    const manifest = await generateEstate({ outDir, persons: 30, seed: 3, renderers: [renderTiny], log: (l) => lines.push(l) });
    expect(estateExists(outDir)).toBe(true);
    expect(readManifest(outDir)).toEqual(manifest);
    expect(Object.keys(manifest).sort()).toEqual(['counts', 'generator', 'noise', 'persons', 'population', 'seed', 'sql', 'today', 'truth', 'version']);
    expect(manifest).toMatchObject({ seed: 3, persons: 30, today: '2017-03-01', sql: 'sqlite', counts: { tiny: { person: 30 } }, truth: { records: 30, persons: 30 } });
    expect(manifest.noise).toEqual(DEFAULT_NOISE);
    const text = readFileSync(join(outDir, 'manifest.json'), 'utf8');
    expect(text).not.toMatch(/\d{2}:\d{2}|T\d{2}|Z"/); // no time of day anywhere
    expect(readdirSync(outDir).sort()).toEqual(['manifest.json', 'tiny', 'tiny.sqlite', 'truth']);
    const tsv = readFileSync(join(outDir, 'truth', 'records.tsv'), 'utf8').trimEnd().split('\n');
    expect(tsv[0]).toBe('source\tkey\tpersonId');
    expect(tsv.slice(1)).toEqual([...tsv.slice(1)].sort());
    const persons = readFileSync(join(outDir, 'truth', 'persons.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; showcase: string | null });
    expect(persons).toHaveLength(30);
    expect(persons[0]).toMatchObject({ id: 'TP0000001', showcase: 'FIGURE_1_LIFE' });
    const db = openDatabase(`sqlite:${join(outDir, 'tiny.sqlite')}`, { readonly: true });
    try {
      expect(await db('person').count({ n: '*' })).toEqual([{ n: 30 }]);
    } finally {
      await db.destroy();
    }
    expect(lines.some((l) => l.startsWith('renderTiny: tiny person=30'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/TP0000|RAHMAN/); // progress lines carry no personal data
  });

  it('is byte-identical for the same options and differs for another seed', async () => {
    const a = join(root, 'same-a');
    const b = join(root, 'same-b');
    const c = join(root, 'other');
    await generateEstate({ outDir: a, persons: 40, seed: 9, renderers: [renderTiny] });
    await generateEstate({ outDir: b, persons: 40, seed: 9, renderers: [renderTiny] });
    await generateEstate({ outDir: c, persons: 40, seed: 10, renderers: [renderTiny] });
    const fa = fingerprints(a);
    expect(fa).toEqual(fingerprints(b));
    expect(fingerprints(c)['tiny/draw.txt']).not.toBe(fa['tiny/draw.txt']);
  });

  it('leaves an existing estate untouched, and no temporary folder, when a renderer throws', async () => {
    const outDir = join(root, 'atomic');
    await generateEstate({ outDir, persons: 20, seed: 1, renderers: [renderTiny] });
    const before = fingerprints(outDir);
    await expect(generateEstate({ outDir, persons: 25, seed: 2, renderers: [renderTiny, failingAfterWriting('renderer exploded')] })).rejects.toThrow('renderer exploded');
    expect(fingerprints(outDir)).toEqual(before);
    expect(readdirSync(root).filter((n) => n.includes('.tmp-'))).toEqual([]);
    // A fresh folder that fails is never created at all.
    const fresh = join(root, 'never');
    await expect(generateEstate({ outDir: fresh, persons: 5, renderers: [failingAfterWriting('boom')] })).rejects.toThrow('boom');
    expect(readdirSync(root)).not.toContain('never');
  });

  it('replaces an existing estate on success', async () => {
    const outDir = join(root, 'replace');
    await generateEstate({ outDir, persons: 10, seed: 1, renderers: [renderTiny] });
    await generateEstate({ outDir, persons: 12, seed: 1, renderers: [renderTiny] });
    expect(readManifest(outDir).persons).toBe(12);
  });

  it('refuses to replace a folder that is not an estate', async () => {
    const outDir = join(root, 'not-an-estate');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'precious.txt'), 'keep me');
    await expect(generateEstate({ outDir, persons: 5, renderers: [renderTiny] })).rejects.toThrow(/refusing to replace .*not-an-estate/);
    expect(readFileSync(join(outDir, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  it('applies noise scale, then explicit knobs, and rejects unknown ones', () => {
    expect(resolveNoise({}, 2).nameVariant).toBeCloseTo(DEFAULT_NOISE.nameVariant * 2);
    expect(resolveNoise({ nameVariant: 0.5 }, 2).nameVariant).toBe(0.5);
    expect(() => resolveNoise({ bogus: 0.1 } as never)).toThrow(/unknown noise knob "bogus"/);
    expect(() => resolveNoise({ nameTypo: 1.5 })).toThrow(/nameTypo/);
  });
});

describe.skipIf(!pgStatus.available)('generateEstate on PostgreSQL', () => {
  const name = `tiny_${process.pid}_${Date.now().toString(36)}`;
  const renderNamed: Renderer = async function renderPgTiny(ctx) {
    const db = await ctx.openSql(name);
    await db.schema.createTable('person', (t) => t.string('id'));
    await db.batchInsert('person', ctx.population.persons.map((p) => ({ id: p.id })), 100);
    return { source: 'pgtiny', counts: { person: ctx.population.persons.length } };
  };
  afterAll(async () => {
    await dropSchema(name);
    await dropSchema(`${name}__staging`);
  });

  it('loads the schema named by the renderer, swaps it in only on success', async () => {
    const outDir = join(root, 'pg');
    const m = await generateEstate({ outDir, persons: 15, postgresUrl: PG_TEST_URL, renderers: [renderNamed] });
    expect(m.sql).toBe('postgres');
    const db = openDatabase(pgUrlWithSchema(name));
    try {
      expect(Number((await db('person').count({ n: '*' }))[0]!.n)).toBe(15);
      await expect(generateEstate({ outDir, persons: 20, postgresUrl: PG_TEST_URL, renderers: [renderNamed, failingAfterWriting('late failure')] })).rejects.toThrow('late failure');
      expect(Number((await db('person').count({ n: '*' }))[0]!.n)).toBe(15);
      const staging = await db.raw('select schema_name from information_schema.schemata where schema_name like ?', [`${name}%`]);
      expect((staging.rows as { schema_name: string }[]).map((r) => r.schema_name)).toEqual([name]);
    } finally {
      await db.destroy();
      await dropSchema('h1_broken__staging');
    }
  });
});

describe('generateEstate with every real renderer', () => {
  it('gives byte-identical files for the same seed (sha256 of every file, 200 persons)', async () => {
    const a = join(root, 'real-a');
    const b = join(root, 'real-b');
    await generateEstate({ outDir: a, persons: 200, seed: 5 });
    await generateEstate({ outDir: b, persons: 200, seed: 5 });
    const fa = fingerprints(a);
    const fb = fingerprints(b);
    expect(Object.keys(fa)).toEqual(
      expect.arrayContaining([
        'manifest.json', 'cid.sqlite', 'custody_mps.sqlite', 'custody_wmp.sqlite', 'custody_wyp.sqlite',
        'pathfinder/pathfinder-daily.xlsx', 'pathfinder/liverpool-master.xlsx', 'pathfinder/leeds-master.xlsx',
        'services/pnc.json', 'services/acro.json', 'services/dva.json', 'truth/persons.ndjson', 'truth/records.tsv',
      ]),
    );
    const differing = Object.keys(fa).filter((k) => fa[k] !== fb[k]);
    expect(differing).toEqual([]);
    expect(Object.keys(fb)).toEqual(Object.keys(fa));
  });
});
