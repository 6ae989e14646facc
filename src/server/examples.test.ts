import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadExamples, parseExample } from './examples.js';

describe('playground examples', () => {
  it('takes variables from a `# variables:` line and keeps other comments', () => {
    const e = parseExample('02-x', '# Look up a record.\n# variables: {"key": "A/1"}\nquery X($key: String!) { x(key: $key) }\n');
    expect(e).toEqual({ name: '02-x', query: '# Look up a record.\nquery X($key: String!) { x(key: $key) }\n', variables: '{\n  "key": "A/1"\n}' });
  });

  it('takes who may run it and the justification it needs from `# as:` and `# justification:` lines', () => {
    const e = parseExample('x', '# as: ccu-handler NATIONALITY_VERIFICATION\n# justification: reasonable doubt\nquery Q { sources { name } }\n');
    expect(e.actAs).toEqual({ identity: 'ccu-handler', purpose: 'NATIONALITY_VERIFICATION' });
    expect(e.justification).toBe('reasonable doubt');
    expect(e.query).toContain('query Q');
    expect(e.query).not.toContain('reasonable doubt');
  });

  it('loads every examples/*.graphql as a parseable operation', () => {
    const examples = loadExamples();
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) expect(() => parse(e.query), e.name).not.toThrow();
  });
});
