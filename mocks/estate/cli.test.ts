import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main, parseEstateArgs } from './cli.js';

describe('parseEstateArgs', () => {
  it('applies defaults', () => {
    expect(parseEstateArgs([])).toEqual({ seed: 42, persons: 5000, outDir: '.estate', today: '2017-03-01', noiseScale: 1, noise: {}, help: false });
  });

  it('reads every option', () => {
    expect(
      parseEstateArgs(['--seed', '7', '--persons', '300', '--out', 'x', '--postgres', 'postgres://p@h/db', '--today', '2017-01-02', '--noise-scale', '2', '--noise', 'nameVariant=0.2', '--noise', 'twinRate=0']),
    ).toEqual({ seed: 7, persons: 300, outDir: 'x', postgresUrl: 'postgres://p@h/db', today: '2017-01-02', noiseScale: 2, noise: { nameVariant: 0.2, twinRate: 0 }, help: false });
  });

  it.each([
    [['--bogus'], /unknown option --bogus/],
    [['--persons', 'many'], /--persons must be a whole number, got "many"/],
    [['--persons', '0'], /--persons must be a whole number of at least 1/],
    [['--seed', '1.5'], /--seed must be a whole number/],
    [['--today', '2017-02-30'], /--today must be a real date/],
    [['--noise', 'nameVariant'], /--noise expects KNOB=PROBABILITY/],
    [['--noise', 'colour=0.1'], /unknown knob "colour"/],
    [['--noise', 'nameTypo=2'], /--noise nameTypo must be a probability/],
    [['--noise-scale=-1'], /--noise-scale must be a number of 0 or more/],
    [['--noise-scale', '-1'], /option --noise-scale needs a value \(for a value starting with "-", write --noise-scale=VALUE\)/],
    [['--out'], /option --out needs a value/],
    [['--postgres', 'mysql://x'], /--postgres must be a postgres:\/\/ URL/],
    [['stray'], /unexpected argument/],
  ])('rejects %j naming the problem', (argv, message) => {
    expect(() => parseEstateArgs(argv)).toThrow(message);
  });
});

describe('main', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pcv-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails with exit code 1 and one line, without a stack trace', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await main(['--persons', 'x'])).toBe(1);
      expect(err.mock.calls).toEqual([['estate: --persons must be a whole number, got "x"']]);
      err.mockClear();
      expect(await main(['--today', '2015-06-01', '--out', join(dir, 'e')])).toBe(1);
      expect(err.mock.calls).toHaveLength(1);
      expect(String(err.mock.calls[0]![0])).toMatch(/^estate: today must be on or after 2016-10-01/);
    } finally {
      err.mockRestore();
    }
  });
});
