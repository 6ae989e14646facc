import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';
import { CONFIG_VARIABLES } from './variables.js';

const README = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe('configuration variables', () => {
  it.each(CONFIG_VARIABLES.map((v) => [v.name, v] as const))('%s is documented in the README table', (name, v) => {
    const row = README.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
    expect(row, `README has no table row for ${name}`).toBeDefined();
    expect(row).toContain(v.example);
  });

  it.each(CONFIG_VARIABLES.map((v) => [v.name, v.example] as const))('the example for %s is accepted', (name, example) => {
    const r = loadConfig({ [name]: example });
    expect(r.ok ? [] : r.problems).toEqual([]);
  });
});
