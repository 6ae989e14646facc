/**
 * `npm start` with wrong configuration: one clear line per problem on stderr (variable, what is
 * wrong, an example), exit code 1, no stack trace. Runs the real entry point (tsx src/main.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testEstate } from '../support/gateway.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MAIN = join(ROOT, 'src/main.ts');
const work = mkdtempSync(join(tmpdir(), 'pcv-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function start(env: Record<string, string>, cwd = work): Promise<Run> {
  return new Promise((done, fail) => {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(HOST|PORT|LOG_LEVEL|NODE_ENV|ESTATE_|CID_|CUSTODY_|PATHFINDER_|PNC_|ACRO_|DVA_|MOCK_|GATEWAY_|PLAYGROUND|INTROSPECTION|SHUTDOWN_)/.test(k)),
    );
    const child = spawn(TSX, [MAIN], { cwd, env: { ...clean, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`gateway did not exit within 60 s; stderr: ${stderr}`));
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

function expectNoStack(run: Run): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stdout).not.toMatch(/^\s+at /m);
}

describe('configuration errors at start', () => {
  it('prints one line per invalid variable and exits 1', async () => {
    const run = await start({ PORT: 'abc', PNC_URL: 'not a url', LOG_LEVEL: 'loud', CID_DATABASE_URL: 'mysql://db/cid' });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      'configuration error: PORT: "abc" is not a whole number; example: PORT=4000',
      'configuration error: LOG_LEVEL: "loud" is not one of fatal, error, warn, info, debug, trace, silent; example: LOG_LEVEL=debug',
      expect.stringMatching(/^configuration error: CID_DATABASE_URL: "mysql:\/\/db\/cid" is not a database URL .*; example: CID_DATABASE_URL=postgres:/),
      'configuration error: PNC_URL: "not a url" is not a URL; example: PNC_URL=http://127.0.0.1:4010/pnc',
    ]);
    expectNoStack(run);
  });

  it('reads .env from the working directory (the environment wins over it)', async () => {
    const dir = mkdtempSync(join(work, 'dotenv-'));
    writeFileSync(join(dir, '.env'), 'SHUTDOWN_GRACE_MS=soon\nPORT=4000\n');
    const run = await start({ PORT: 'env-wins' }, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('SHUTDOWN_GRACE_MS: "soon" is not a whole number');
    expect(run.stderr).toContain('PORT: "env-wins" is not a whole number');
  });

  it('names an unreadable spreadsheet folder and an unreachable database, one line each', async () => {
    const estateDir = await testEstate();
    const run = await start({
      ESTATE_DIR: estateDir,
      PATHFINDER_DIR: join(work, 'no-such-folder'),
      CUSTODY_WMP_DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:1/test?schema=custody_wmp',
      GATEWAY_DATABASE_URL: `sqlite:${join(work, 'gw.sqlite')}`,
      PORT: '0',
    });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n').sort();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^configuration error: CUSTODY_WMP_DATABASE_URL: cannot open database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/test\?schema=custody_wmp: .*ECONNREFUSED.*; example: CUSTODY_WMP_DATABASE_URL=/);
    expect(lines[1]).toMatch(/^configuration error: PATHFINDER_DIR: cannot read the spreadsheet folder: folder .*no-such-folder does not exist; example: PATHFINDER_DIR=/);
    expect(run.stderr).not.toContain('hunter2');
    expectNoStack(run);
  });
});
