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
  /** Where the demo identities (with tokens) are listed, or null when real keys are configured. */
  readonly identitiesUrl: string | null;
}

/**
 * The headers pre-filled in the header editor (placeholders, shown as such). While they are left as
 * placeholders, the identity chosen in the switcher above the editor fills them in.
 */
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
    ? options.examples.map((e) => ({
        query: e.query,
        variables: e.variables,
        headers: e.justification ? JSON.stringify({ ...PLAYGROUND_HEADERS, 'x-justification': e.justification }, null, 2) : headers,
      }))
    : [{ query: FALLBACK_QUERY, headers }];
  const config = { endpoint: options.endpoint, tabs, headers, identitiesUrl: options.identitiesUrl };
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
  #pcv-note select { margin: 0 6px; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<div id="pcv-note" role="note">
  <strong>pcv-gateway playground.</strong>
  Example operations are open as tabs. Every request says who you are and why:
  <code>Authorization: Bearer &lt;token&gt;</code> and <code>x-purpose</code>.
  <span id="pcv-switcher" hidden>
    Act as <select id="pcv-identity" aria-label="Demo identity"></select>
    for <select id="pcv-purpose" aria-label="Purpose"></select>
    <span id="pcv-identity-note"></span>
  </span>
  <span id="pcv-no-demo" hidden>Paste a token and a purpose into the <em>Headers</em> editor below.</span>
</div>
<div id="graphiql">Loading the playground…</div>
<script src="${ASSET_PREFIX}react.js"></script>
<script src="${ASSET_PREFIX}react-dom.js"></script>
<script src="${ASSET_PREFIX}graphiql.js"></script>
<script id="pcv-config" type="application/json">${scriptJson(config)}</script>
<script>
  (function () {
    var config = JSON.parse(document.getElementById('pcv-config').textContent);
    var base = GraphiQL.createFetcher({ url: config.endpoint, enableIncrementalDelivery: false });
    var identities = [];
    var idSelect = document.getElementById('pcv-identity');
    var purposeSelect = document.getElementById('pcv-purpose');
    function current() {
      for (var i = 0; i < identities.length; i++) if (identities[i].id === idSelect.value) return identities[i];
      return null;
    }
    function fillPurposes() {
      var who = current();
      purposeSelect.innerHTML = '';
      (who ? who.purposes : []).forEach(function (p) {
        var o = document.createElement('option'); o.value = p; o.textContent = p; purposeSelect.appendChild(o);
      });
      document.getElementById('pcv-identity-note').textContent = who ? who.description : '';
    }
    function placeholder(v) { return v === undefined || v === null || v === '' || /<[a-z]+>/.test(v); }
    // The switcher's identity fills the headers the editor leaves as placeholders; a token typed
    // into the editor wins.
    var fetcher = function (params, opts) {
      var headers = Object.assign({}, (opts && opts.headers) || {});
      var who = current();
      if (who) {
        if (placeholder(headers.Authorization) && placeholder(headers.authorization)) { delete headers.authorization; headers.Authorization = 'Bearer ' + who.token; }
        if (placeholder(headers['x-purpose'])) headers['x-purpose'] = purposeSelect.value;
      }
      return base(params, Object.assign({}, opts, { headers: headers }));
    };
    if (config.identitiesUrl) {
      fetch(config.identitiesUrl, { headers: { accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { identities: [] }; })
        .then(function (body) {
          identities = body.identities || [];
          identities.forEach(function (d) {
            var o = document.createElement('option'); o.value = d.id; o.textContent = d.displayName; idSelect.appendChild(o);
          });
          idSelect.addEventListener('change', fillPurposes);
          fillPurposes();
          document.getElementById('pcv-switcher').hidden = identities.length === 0;
          document.getElementById('pcv-no-demo').hidden = identities.length > 0;
        });
    } else {
      document.getElementById('pcv-no-demo').hidden = false;
    }
    var root = ReactDOM.createRoot(document.getElementById('graphiql'));
    // An example tab names the identity that may run it ("Run as the demo identity ..."): switching
    // to that tab switches the identity too; editing within a tab never does.
    var lastTab = -1;
    function onTabChange(state) {
      if (!state || state.activeTabIndex === lastTab) return;
      lastTab = state.activeTabIndex;
      var tab = state.tabs[state.activeTabIndex];
      var m = tab && tab.query && /Run as the demo identity "([a-z0-9-]+)"(?: for the purpose ([A-Z_]+))?/.exec(tab.query);
      if (!m || !identities.some(function (d) { return d.id === m[1]; })) return;
      idSelect.value = m[1];
      fillPurposes();
      if (m[2]) purposeSelect.value = m[2];
    }
    root.render(React.createElement(GraphiQL, {
      fetcher: fetcher,
      onTabChange: onTabChange,
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
