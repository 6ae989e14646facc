/**
 * The playground's static files, served from node_modules (no CDN): GraphiQL 4's UMD bundle and
 * stylesheet with React 18's UMD builds, resolved with createRequire so any install layout works.
 * Read once, on first use, and kept in memory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface StaticAsset {
  readonly body: Buffer;
  readonly contentType: string;
}

/** URL path prefix of the assets. */
export const ASSET_PREFIX = '/playground/assets/';

const require = createRequire(import.meta.url);

function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

const FILES: Readonly<Record<string, { pkg: string; file: string; contentType: string }>> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', contentType: 'text/javascript; charset=utf-8' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', contentType: 'text/javascript; charset=utf-8' },
  'graphiql.js': { pkg: 'graphiql', file: 'dist/index.umd.js', contentType: 'text/javascript; charset=utf-8' },
  'graphiql.css': { pkg: 'graphiql', file: 'dist/style.css', contentType: 'text/css; charset=utf-8' },
};

let cache: Map<string, StaticAsset> | null = null;

/** All assets by file name (`react.js`, …); throws at start if a package is missing. */
export function loadPlaygroundAssets(): ReadonlyMap<string, StaticAsset> {
  if (!cache) {
    cache = new Map();
    for (const [name, f] of Object.entries(FILES)) {
      cache.set(name, { body: readFileSync(packageFile(f.pkg, f.file)), contentType: f.contentType });
    }
  }
  return cache;
}
