/**
 * `npm run estate -- [options]`: generate a synthetic estate.
 *
 *   --seed N            random seed (default 42)
 *   --persons N         true persons (default 5000)
 *   --out DIR           estate folder (default .estate)
 *   --postgres URL      load SQL sources into schemas of this PostgreSQL database
 *   --today YYYY-MM-DD  the estate's today (default 2017-03-01)
 *   --noise-scale F     multiply every default noise probability (default 1)
 *   --noise KNOB=P      set one noise knob (repeatable), e.g. --noise nameVariant=0.2
 *
 * Prints a summary; on failure prints one line naming the problem and exits 1.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { NoiseOptions } from './model.js';
import { DEFAULT_NOISE } from './noise.js';
import { DEFAULT_PERSONS, DEFAULT_SEED, DEFAULT_TODAY, generateEstate, type EstateManifest } from './generate.js';

export interface EstateCliOptions {
  readonly seed: number;
  readonly persons: number;
  readonly outDir: string;
  readonly postgresUrl?: string;
  readonly today: string;
  readonly noiseScale: number;
  readonly noise: Partial<NoiseOptions>;
  readonly help: boolean;
}

export const USAGE = `usage: npm run estate -- [--seed N] [--persons N] [--out DIR] [--postgres URL] [--today YYYY-MM-DD]
                        [--noise-scale F] [--noise KNOB=P ...]
noise knobs (default): ${Object.entries(DEFAULT_NOISE).map(([k, v]) => `${k}=${v}`).join(' ')}`;

const OPTION_NAMES = ['--seed', '--persons', '--out', '--postgres', '--today', '--noise-scale', '--noise', '--help'];

/** A usage error: reported as one line, without a stack trace. */
export class EstateCliError extends Error {}

function integer(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new EstateCliError(`--${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new EstateCliError(`--${name} must be a whole number of at least ${min}, got "${raw}"`);
  return n;
}

export function parseEstateArgs(argv: readonly string[]): EstateCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: 'string' },
        persons: { type: 'string' },
        out: { type: 'string' },
        postgres: { type: 'string' },
        today: { type: 'string' },
        'noise-scale': { type: 'string' },
        noise: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    const err = e as { code?: string; message: string };
    const option = /'(-[^']*)'/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new EstateCliError(`unknown option ${option ?? ''}; options: ${OPTION_NAMES.join(' ')}`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = option?.split(' ')[0] ?? '';
      throw new EstateCliError(`option ${name} needs a value (for a value starting with "-", write ${name}=VALUE)`);
    }
    if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new EstateCliError(`unexpected argument ${option ?? ''}; every value follows an option, e.g. --persons 5000`);
    throw new EstateCliError(err.message);
  }
  const v = parsed.values;
  const noise: Record<string, number> = {};
  for (const pair of v.noise ?? []) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(pair);
    if (!m) throw new EstateCliError(`--noise expects KNOB=PROBABILITY, got "${pair}"`);
    const [, knob, raw] = m as unknown as [string, string, string];
    if (!(knob in DEFAULT_NOISE)) throw new EstateCliError(`--noise: unknown knob "${knob}"; knobs: ${Object.keys(DEFAULT_NOISE).join(', ')}`);
    const p = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(p) || p < 0 || p > 1) throw new EstateCliError(`--noise ${knob} must be a probability between 0 and 1, got "${raw}"`);
    noise[knob] = p;
  }
  let noiseScale = 1;
  if (v['noise-scale'] !== undefined) {
    noiseScale = Number(v['noise-scale']);
    if (v['noise-scale'].trim() === '' || !Number.isFinite(noiseScale) || noiseScale < 0) {
      throw new EstateCliError(`--noise-scale must be a number of 0 or more, got "${v['noise-scale']}"`);
    }
  }
  const today = v.today ?? DEFAULT_TODAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`)) || new Date(`${today}T00:00:00Z`).toISOString().slice(0, 10) !== today) {
    throw new EstateCliError(`--today must be a real date as YYYY-MM-DD, got "${today}"`);
  }
  if (v.postgres !== undefined && !/^postgres(ql)?:\/\//.test(v.postgres)) throw new EstateCliError(`--postgres must be a postgres:// URL, got "${v.postgres}"`);
  if (v.out !== undefined && v.out.trim() === '') throw new EstateCliError('--out needs a folder');
  return {
    seed: integer('seed', v.seed, DEFAULT_SEED, 0),
    persons: integer('persons', v.persons, DEFAULT_PERSONS, 1),
    outDir: v.out ?? '.estate',
    ...(v.postgres !== undefined ? { postgresUrl: v.postgres } : {}),
    today,
    noiseScale,
    noise: noise as Partial<NoiseOptions>,
    help: v.help ?? false,
  };
}

export function formatSummary(manifest: EstateManifest, seconds: number, outDir: string): string {
  const lines = [
    `estate: ${manifest.persons} persons, seed ${manifest.seed}, today ${manifest.today}, SQL on ${manifest.sql} -> ${outDir}`,
    `  population: ${Object.entries(manifest.population).map(([k, v]) => `${k}=${v}`).join(' ')}`,
  ];
  for (const [source, counts] of Object.entries(manifest.counts)) {
    lines.push(`  ${source}: ${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  }
  lines.push(`  truth: ${manifest.truth.records} source records of ${manifest.truth.persons} persons`);
  lines.push(`  ${seconds.toFixed(1)} s, ${Math.round(manifest.persons / Math.max(seconds, 0.001))} persons/second`);
  return lines.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const o = parseEstateArgs(argv);
    if (o.help) {
      console.log(USAGE);
      return 0;
    }
    const started = performance.now();
    const manifest = await generateEstate({
      seed: o.seed,
      persons: o.persons,
      outDir: o.outDir,
      postgresUrl: o.postgresUrl,
      today: o.today,
      noise: o.noise,
      noiseScale: o.noiseScale,
      log: (line) => console.error(`  ${line}`),
    });
    console.log(formatSummary(manifest, (performance.now() - started) / 1000, o.outDir));
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`estate: ${message.split('\n')[0]}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
