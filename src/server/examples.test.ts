import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadExamples, parseExample } from './examples.js';

describe('playground examples', () => {
  it('takes variables from a `# variables:` line and keeps other comments', () => {
    const e = parseExample('02-x', '# Look up a record.\n# variables: {"key": "A/1"}\nquery X($key: String!) { x(key: $key) }\n');
    expect(e).toEqual({ name: '02-x', query: '# Look up a record.\nquery X($key: String!) { x(key: $key) }\n', variables: '{\n  "key": "A/1"\n}' });
  });

  it('loads every examples/*.graphql as a parseable operation', () => {
    const examples = loadExamples();
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) expect(() => parse(e.query), e.name).not.toThrow();
  });
});
