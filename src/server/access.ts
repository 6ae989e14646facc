/**
 * Access control for the running gateway, assembled once at start: who is asking (signed bearer
 * token, src/auth), for which purpose (x-purpose, x-justification), the policy plugins that refuse
 * denied fields before anything is read (src/policy/plugin.ts), and the audit store that every
 * request's one audit event is written to before its response leaves (src/audit/plugin.ts).
 *
 * With the embedded development key (no AUTH_* keys configured), demo tokens for every demo
 * identity can be minted for the playground's identity switcher (`/playground/identities`); with
 * real keys that route does not exist.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { createAuditCollector, type AuditCollector } from '../audit/collector.js';
import { createAuditPlugin } from '../audit/plugin.js';
import { openAuditStore, type AuditStore } from '../audit/store.js';
import { DEMO_IDENTITIES } from '../auth/demoIdentities.js';
import { loadAuthConfig, type AuthConfig } from '../auth/keys.js';
import { authenticateRequest, type HeaderReader } from '../auth/request.js';
import { signToken } from '../auth/sign.js';
import { createTokenVerifier, type TokenVerifier } from '../auth/verify.js';
import type { GatewayContext } from '../context/types.js';
import type { PolicyContext } from '../policy/context.js';
import { createFieldPolicyPlugin } from '../policy/plugin.js';

export interface DemoToken {
  readonly id: string;
  readonly displayName: string;
  readonly role: string;
  readonly purposes: readonly string[];
  readonly description: string;
  readonly token: string;
}

export interface AccessControl {
  /** Verifies the request's token and purpose; throws 401/403 GraphQL errors. */
  authenticate(headers: HeaderReader): Promise<PolicyContext>;
  /** A fresh audit collector for one request, already bound to its requester. */
  collector(requestId: string, policy: PolicyContext): AuditCollector;
  /** Plugins in order: field policy first (before anything can answer), audit last. */
  readonly firstPlugins: ReadonlyArray<ApolloServerPlugin<GatewayContext>>;
  readonly lastPlugins: ReadonlyArray<ApolloServerPlugin<GatewayContext>>;
  /** Demo tokens for the playground, or null when real keys are configured. */
  demoTokens(): Promise<readonly DemoToken[]> | null;
  readonly auditStore: AuditStore;
  close(): Promise<void>;
}

export interface AccessOptions {
  /** URL of the gateway's own store (the audit trail lives there). */
  readonly storeUrl: string;
  readonly logger: Logger;
  /** Environment to read AUTH_* variables from (defaults to process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

export async function openAccessControl(options: AccessOptions): Promise<AccessControl> {
  const authConfig: AuthConfig = await loadAuthConfig(options.env);
  if (authConfig.usingDevelopmentKey) {
    options.logger.warn('authentication uses the embedded development key: set AUTH_HS256_KEYS or AUTH_PUBLIC_KEYS_FILE outside development');
  }
  const verifier: TokenVerifier = createTokenVerifier(authConfig);
  const auditStore = await openAuditStore(options.storeUrl);
  // Demo tokens live 12 hours; they are minted again when half of that has passed.
  let tokens: { readonly at: number; readonly list: Promise<readonly DemoToken[]> } | null = null;

  return {
    authenticate: (headers) => authenticateRequest(verifier, headers),
    collector(requestId, policy) {
      const c = createAuditCollector({ requestId });
      c.setPolicy(policy);
      return c;
    },
    firstPlugins: [createFieldPolicyPlugin<GatewayContext & { policy: PolicyContext; audit: AuditCollector }>() as unknown as ApolloServerPlugin<GatewayContext>],
    lastPlugins: [
      createAuditPlugin<GatewayContext & { audit: AuditCollector }>({
        store: auditStore,
        onFailure: (error, requestId) => options.logger.error({ requestId, errorClass: error.constructor.name }, 'audit store unavailable: response refused (fail closed)'),
      }) as unknown as ApolloServerPlugin<GatewayContext>,
    ],
    demoTokens() {
      if (!authConfig.usingDevelopmentKey || authConfig.signingKid === null) return null;
      if (tokens && Date.now() - tokens.at < 6 * 3600_000) return tokens.list;
      const list = Promise.all(
        DEMO_IDENTITIES.map(async (d) => ({
          id: d.id,
          displayName: d.displayName,
          role: d.role,
          purposes: d.purposes,
          description: d.description,
          token: await signToken(d, authConfig, { ttl: '12h' }),
        })),
      );
      tokens = { at: Date.now(), list };
      return list;
    },
    auditStore,
    close: () => auditStore.close(),
  };
}
