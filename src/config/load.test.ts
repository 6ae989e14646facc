import { describe, expect, it } from 'vitest';
import { formatProblem, loadConfig, redactUrl } from './load.js';

describe('loadConfig', () => {
  it('gives the embedded defaults with an empty environment', () => {
    const r = loadConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.port).toBe(4000);
    expect(r.config.host).toBe('127.0.0.1');
    expect(r.config.estate).toEqual({ dir: '.estate', seed: 42, persons: 5000 });
    expect(r.config.databases.cid).toBe('sqlite:.estate/cid.sqlite');
    expect(r.config.databases.custody).toEqual({
      MPS: 'sqlite:.estate/custody_mps.sqlite',
      WMP: 'sqlite:.estate/custody_wmp.sqlite',
      WYP: 'sqlite:.estate/custody_wyp.sqlite',
    });
    expect(r.config.pathfinderDir).toBe('.estate/pathfinder');
    expect(r.config.services).toEqual({ pnc: null, acro: null, dva: null });
    expect(r.config.gatewayDatabaseUrl).toBe('sqlite:.data/gateway.sqlite');
    expect(r.config.playground).toBe(true);
    expect(r.config.introspection).toBe(true);
    expect(r.config.shutdownGraceMs).toBe(10_000);
  });

  it('derives estate paths from ESTATE_DIR and keeps explicit URLs', () => {
    const r = loadConfig({ ESTATE_DIR: '/srv/estate', PNC_URL: 'http://pnc.internal:8080/pnc/', CID_DATABASE_URL: 'postgres://u:secret@db:5432/x?schema=cid' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.databases.cid).toBe('postgres://u:secret@db:5432/x?schema=cid');
    expect(r.config.databases.custody.WYP).toBe('sqlite:/srv/estate/custody_wyp.sqlite');
    expect(r.config.pathfinderDir).toBe('/srv/estate/pathfinder');
    expect(r.config.services.pnc).toBe('http://pnc.internal:8080/pnc');
  });

  it('turns the playground and introspection off in production unless asked', () => {
    const r = loadConfig({ NODE_ENV: 'production' });
    expect(r.ok && r.config.playground).toBe(false);
    expect(r.ok && r.config.introspection).toBe(false);
    const r2 = loadConfig({ NODE_ENV: 'production', PLAYGROUND: 'true' });
    expect(r2.ok && r2.config.playground && r2.config.introspection).toBe(true);
  });

  it('reports every problem at once, one per variable, with an example', () => {
    const r = loadConfig({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      ESTATE_PERSONS: '0',
      PNC_URL: 'not a url',
      ACRO_URL: 'ftp://acro/',
      CID_DATABASE_URL: 'mysql://x',
      PLAYGROUND: 'maybe',
      SHUTDOWN_GRACE_MS: '-5',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.problems.map(formatProblem);
    expect(r.problems.map((p) => p.variable)).toEqual([
      'PORT', 'LOG_LEVEL', 'ESTATE_PERSONS', 'CID_DATABASE_URL', 'PNC_URL', 'ACRO_URL', 'PLAYGROUND', 'SHUTDOWN_GRACE_MS',
    ]);
    expect(lines[0]).toBe('configuration error: PORT: "abc" is not a whole number; example: PORT=4000');
    expect(lines[4]).toBe('configuration error: PNC_URL: "not a url" is not a URL; example: PNC_URL=http://127.0.0.1:4010/pnc');
    expect(lines[5]).toContain('is not an http(s) URL');
    for (const line of lines) {
      expect(line).not.toContain('\n');
      expect(line).toMatch(/; example: [A-Z_]+=\S+/);
    }
  });

  it('refuses a playground without introspection', () => {
    const r = loadConfig({ PLAYGROUND: 'on', INTROSPECTION: 'off' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([expect.objectContaining({ variable: 'INTROSPECTION' })]);
  });

  it('reads GATEWAY_TODAY as a date and names a bad one', () => {
    const good = loadConfig({ GATEWAY_TODAY: '2017-03-01' });
    expect(good.ok && good.config.today).toBe('2017-03-01');
    const none = loadConfig({});
    expect(none.ok && none.config.today).toBeNull();
    const bad = loadConfig({ GATEWAY_TODAY: '01/03/2017' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems).toEqual([expect.objectContaining({ variable: 'GATEWAY_TODAY' })]);
  });

  it('never prints a password from a URL', () => {
    expect(redactUrl('postgres://u:secret@db:5432/x')).toBe('postgres://u:***@db:5432/x');
    const r = loadConfig({ GATEWAY_DATABASE_URL: 'mysql://u:secret@db/x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblem(r.problems[0]!)).not.toContain('secret');
  });
});
