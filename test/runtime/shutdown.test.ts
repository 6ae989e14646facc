/**
 * Graceful shutdown: a request in flight when shutdown starts still gets its answer; meanwhile
 * `/readyz` says 503 and new work is refused; afterwards the listener, the sources and the mock
 * services are closed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestGateway, DEFAULT_TEST_IDENTITY, headersFor, testEstate } from '../support/gateway.js';

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return false;
  } catch {
    return true;
  }
}

describe('graceful shutdown', () => {
  it('finishes an in-flight request, reports not ready meanwhile, then closes everything', async () => {
    const gw = await createTestGateway();
    // Slow the mock services so a source probe is still running when shutdown starts.
    gw.mocks.faults.set('pnc', { latencyMs: 1500 });
    gw.mocks.faults.set('acro', { latencyMs: 1500 });
    gw.mocks.faults.set('dva', { latencyMs: 1500 });
    const started = performance.now();
    const inFlight = gw.request('query Slow { sources { name reachable } }');
    await new Promise((r) => setTimeout(r, 300));

    const stopping = gw.close();
    await new Promise((r) => setTimeout(r, 100));
    const ready = await fetch(`${gw.url}/readyz`);
    expect(ready.status).toBe(503);
    const refusedWork = await fetch(gw.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sources { name } }' }),
    });
    expect(refusedWork.status).toBe(503);
    expect(((await refusedWork.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('SHUTTING_DOWN');

    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThan(1000);
    await stopping;

    expect(await refused(`${gw.url}/healthz`)).toBe(true);
    expect(await refused(`${gw.mocks.url}/pnc`)).toBe(true);
    expect(gw.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
  });
});

describe('npm start and SIGTERM', () => {
  it('starts on the embedded estate, serves, and exits 0 after a graceful shutdown on SIGTERM', async () => {
    const estateDir = await testEstate();
    const root = resolve(import.meta.dirname, '../..');
    const work = mkdtempSync(join(tmpdir(), 'pcv-sigterm-'));
    const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/main.ts')], {
      cwd: work,
      env: { ...process.env, ESTATE_DIR: estateDir, PORT: '0', GATEWAY_DATABASE_URL: `sqlite:${join(work, 'gw.sqlite')}`, LOG_LEVEL: 'info' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      await expect.poll(() => out, { timeout: 60_000, interval: 200 }).toContain('"msg":"gateway ready"');
      const ready = JSON.parse(out.split('\n').find((l) => l.includes('"msg":"gateway ready"'))!) as { graphql: string };
      const anonymous = await fetch(ready.graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ sources { name reachable } }' }) });
      expect(anonymous.status).toBe(401);
      const res = await fetch(ready.graphql, { method: 'POST', headers: { 'content-type': 'application/json', ...(await headersFor(DEFAULT_TEST_IDENTITY)) }, body: JSON.stringify({ query: '{ sources { name reachable } }' }) });
      expect(res.status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('"msg":"shutting down"');
      expect(out).toContain('"msg":"stopped"');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(work, { recursive: true, force: true });
    }
  });
});
