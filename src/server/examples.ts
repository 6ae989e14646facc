/**
 * Example operations for the playground: every `examples/*.graphql` file becomes a GraphiQL tab.
 * A file may start with comment lines `# variables: {...}` (JSON) giving the tab's variables and
 * `# as: <demo identity> <PURPOSE>` naming who may run it (src/auth/demoIdentities.ts) and
 * `# justification: <text>` for operations a rule wants justified (DVA); the rest of its leading
 * comments stay in the query as its explanation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples');

export interface ExampleOperation {
  /** File name without extension, e.g. `01-sources`. */
  readonly name: string;
  readonly query: string;
  /** JSON text of the variables, or undefined. */
  readonly variables?: string;
  /** Demo identity and purpose that may run it, from `# as:`. */
  readonly actAs?: { readonly identity: string; readonly purpose: string | null };
  /** The `x-justification` it needs (e.g. a DVA check), from `# justification:`. */
  readonly justification?: string;
}

const VARIABLES_LINE = /^#\s*variables:\s*(\{.*\})\s*$/;
const AS_LINE = /^#\s*as:\s*([a-z0-9-]+)(?:\s+([A-Z_]+))?\s*$/;
const JUSTIFICATION_LINE = /^#\s*justification:\s*(.+?)\s*$/;

export function parseExample(name: string, text: string): ExampleOperation {
  const lines = text.split('\n');
  let variables: string | undefined;
  let actAs: ExampleOperation['actAs'];
  let justification: string | undefined;
  const kept: string[] = [];
  for (const line of lines) {
    const m = VARIABLES_LINE.exec(line);
    const as = AS_LINE.exec(line);
    const why = JUSTIFICATION_LINE.exec(line);
    if (why && why[1]) {
      justification = why[1];
      kept.push('# It sends the x-justification header set in the Headers editor of this tab.');
    } else if (as && as[1]) {
      actAs = { identity: as[1], purpose: as[2] ?? null };
      kept.push(`# Run as the demo identity "${as[1]}"${as[2] ? ` for the purpose ${as[2]}` : ''} (identity switcher above).`);
    } else if (m && m[1]) {
      const parsed: unknown = JSON.parse(m[1]);
      variables = JSON.stringify(parsed, null, 2);
    } else {
      kept.push(line);
    }
  }
  return { name, query: kept.join('\n').trim() + '\n', ...(variables ? { variables } : {}), ...(actAs ? { actAs } : {}), ...(justification ? { justification } : {}) };
}

export function loadExamples(dir: string = EXAMPLES_DIR): ExampleOperation[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.graphql')).sort();
  } catch {
    return [];
  }
  return names.map((n) => parseExample(n.replace(/\.graphql$/, ''), readFileSync(join(dir, n), 'utf8')));
}
