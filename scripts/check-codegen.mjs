#!/usr/bin/env node
/**
 * Checks that src/generated/graphql.ts matches the SDL: runs codegen (codegen.ts) into memory,
 * writes the result to a temp file and compares. Run with tsx (it imports codegen.ts):
 *   npx tsx scripts/check-codegen.mjs
 * Exit 0 when equal; 1 with the first differing line and the fix (`npm run codegen`) otherwise.
 */
import { generate } from '@graphql-codegen/cli';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config from '../codegen.ts';

const TARGET = 'src/generated/graphql.ts';

const outputs = await generate({ ...config, silent: true, verbose: false }, false);
const output = outputs.find((o) => o.filename.endsWith(TARGET));
if (!output) {
  console.error(`codegen check: codegen.ts produced no ${TARGET}`);
  process.exit(1);
}
const tmp = join(mkdtempSync(join(tmpdir(), 'pcv-codegen-')), 'graphql.ts');
writeFileSync(tmp, output.content);

let committed = '';
try {
  committed = readFileSync(TARGET, 'utf8');
} catch {
  console.error(`codegen check: ${TARGET} is missing; run \`npm run codegen\``);
  process.exit(1);
}
const norm = (s) => s.replace(/\r\n/g, '\n').trimEnd();
if (norm(committed) === norm(output.content)) {
  console.log(`codegen check: ${TARGET} matches schema/*.graphql`);
  process.exit(0);
}
const a = norm(committed).split('\n');
const b = norm(output.content).split('\n');
let line = 0;
while (line < Math.max(a.length, b.length) && a[line] === b[line]) line += 1;
console.error(`codegen check: ${TARGET} does not match schema/*.graphql (first difference at line ${line + 1}).`);
console.error(`  committed: ${a[line] ?? '<end of file>'}`);
console.error(`  generated: ${b[line] ?? '<end of file>'}`);
console.error(`  fresh output: ${tmp}`);
console.error('  fix: run `npm run codegen` and commit src/generated/graphql.ts');
process.exit(1);
