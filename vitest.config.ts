import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 has no "exports" map: Vite would load its ESM build (index.mjs) for our sources while
// Apollo Server and @graphql-tools load the CommonJS one, and graphql-js refuses objects from the
// other copy ("Cannot use GraphQLSchema from another module or realm"). Node itself (tsx, npm start)
// always loads the CommonJS build, so tests do the same.
const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['src/**/*.test.ts', 'adapters/**/*.test.ts', 'mocks/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['node_modules/**', '.estate/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
