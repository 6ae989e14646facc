#!/usr/bin/env node
/**
 * `npm test`: the whole test command.
 *  1. codegen check: src/generated/graphql.ts matches schema/*.graphql (scripts/check-codegen.mjs)
 *  2. type check: tsc --noEmit
 *  3. vitest run (default output, plus a JSON report for the counts)
 * Ends with one plain line `N passed, N failed, N skipped` (vitest's test counts, plus the two
 * checks above counted as one test each) and exits non-zero if anything failed.
 * Extra arguments go to vitest: `npm test -- test/runtime`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);

function step(title, command, args) {
  console.log(`\n=== ${title}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const ok = result.status === 0;
  const why = result.error ? ` (${result.error.message})` : result.signal ? ` (signal ${result.signal})` : '';
  console.log(`=== ${title}: ${ok ? 'ok' : `FAILED${why}`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

for (const [title, command, args] of [
  ['codegen check', bin('tsx'), ['scripts/check-codegen.mjs']],
  ['type check', bin('tsc'), ['--noEmit']],
]) {
  if (step(title, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(title);
  }
}

const reportDir = mkdtempSync(join(tmpdir(), 'pcv-vitest-'));
const reportFile = join(reportDir, 'report.json');
const vitestOk = step('tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportFile}`,
  ...process.argv.slice(2),
]);

if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  let vitestFailed = report.numFailedTests ?? 0;
  passed += report.numPassedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that fails to load or whose hooks fail has no failed test of its own: count it.
  for (const file of report.testResults ?? []) {
    const anyFailedTest = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !anyFailedTest) {
      vitestFailed += 1;
      failures.push(`${file.name}: ${String(file.message || 'failed to run').split('\n')[0]}`);
    }
  }
  if (!vitestOk && vitestFailed === 0) {
    vitestFailed = 1;
    failures.push('vitest exited with an error');
  }
  failed += vitestFailed;
} else {
  failed += 1;
  failures.push('vitest wrote no report (it did not run)');
}
rmSync(reportDir, { recursive: true, force: true });

if (failures.length) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  - ${f}`);
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
