/**
 * The playground page: GraphiQL 4 on React 18, all scripts from this gateway (playgroundAssets.ts),
 * example operations as tabs, and the header editor open and pre-filled with the identity and
 * purpose headers that later features read.
 */
import { ASSET_PREFIX } from './playgroundAssets.js';
import type { ExampleOperation } from './examples.js';

export interface PlaygroundPageOptions {
  /** Where GraphiQL posts operations, e.g. `/graphql`. */
  readonly endpoint: string;
  readonly examples: readonly ExampleOperation[];
}

/** The headers pre-filled in the header editor (placeholders, shown as such). */
export const PLAYGROUND_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  Authorization: 'Bearer <token>',
  'x-purpose': '<purpose>',
});

const FALLBACK_QUERY = '# Ask the gateway about its sources.\nquery Sources {\n  sources { name title reachable latencyMs lastError }\n}\n';

/** JSON safe to embed in a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function renderPlaygroundPage(options: PlaygroundPageOptions): string {
  const headers = JSON.stringify(PLAYGROUND_HEADERS, null, 2);
  const tabs = options.examples.length
    ? options.examples.map((e) => ({ query: e.query, variables: e.variables, headers }))
    : [{ query: FALLBACK_QUERY, headers }];
  const config = { endpoint: options.endpoint, tabs, headers };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pcv-gateway playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSET_PREFIX}graphiql.css">
<style>
  html, body { margin: 0; height: 100%; }
  body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  #pcv-note { padding: 6px 12px; font-size: 13px; background: #fff8e1; border-bottom: 1px solid #e0c97f; }
  #pcv-note code { background: #f3ead0; padding: 0 3px; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<div id="pcv-note" role="note">
  <strong>pcv-gateway playground.</strong>
  Example operations are open as tabs. Set who you are and why in the <em>Headers</em> editor below:
  <code>Authorization: Bearer &lt;token&gt;</code> and <code>x-purpose</code>. Replace the placeholders
  before sending; the gateway's identity and purpose checks come with later features.
</div>
<div id="graphiql">Loading the playground…</div>
<script src="${ASSET_PREFIX}react.js"></script>
<script src="${ASSET_PREFIX}react-dom.js"></script>
<script src="${ASSET_PREFIX}graphiql.js"></script>
<script id="pcv-config" type="application/json">${scriptJson(config)}</script>
<script>
  (function () {
    var config = JSON.parse(document.getElementById('pcv-config').textContent);
    var fetcher = GraphiQL.createFetcher({ url: config.endpoint, enableIncrementalDelivery: false });
    var root = ReactDOM.createRoot(document.getElementById('graphiql'));
    root.render(React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: config.tabs,
      defaultHeaders: config.headers,
      defaultEditorToolsVisibility: 'headers',
      shouldPersistHeaders: false,
    }));
  })();
</script>
</body>
</html>
`;
}
