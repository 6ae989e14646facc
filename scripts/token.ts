/**
 * Prints a signed bearer token for a demo identity (src/auth/demoIdentities.ts).
 *
 *   npx tsx scripts/token.ts <demo-id> [--ttl 8h]
 *   npx tsx scripts/token.ts --list
 *
 * Signs with AUTH_SIGNING_KEY among AUTH_HS256_KEYS, or the embedded development key when no keys
 * are configured (not in production). See src/auth/keys.ts for the variables.
 */
import { DEMO_IDENTITIES, demoIdentity } from '../src/auth/demoIdentities.js';
import { loadAuthConfig } from '../src/auth/keys.js';
import { signToken } from '../src/auth/sign.js';

function usage(): string {
  return `usage: tsx scripts/token.ts <demo-id> [--ttl 8h] | --list\ndemo ids: ${DEMO_IDENTITIES.map((d) => d.id).join(', ')}`;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--list')) {
    for (const d of DEMO_IDENTITIES) console.log(`${d.id.padEnd(16)} ${d.role.padEnd(26)} ${d.purposes.join(',')}  ${d.description}`);
    return 0;
  }
  const args = [...argv];
  let ttl = '8h';
  const t = args.indexOf('--ttl');
  if (t >= 0) {
    const v = args[t + 1];
    if (!v) {
      console.error(usage());
      return 2;
    }
    ttl = v;
    args.splice(t, 2);
  }
  const id = args[0];
  if (!id || args.length !== 1) {
    console.error(usage());
    return 2;
  }
  const identity = demoIdentity(id);
  if (!identity) {
    console.error(`unknown demo id "${id}"\n${usage()}`);
    return 2;
  }
  const config = await loadAuthConfig();
  if (config.usingDevelopmentKey) console.error('note: signed with the embedded development key (set AUTH_HS256_KEYS for real keys)');
  const { id: _id, description: _d, ...principal } = identity;
  console.log(await signToken(principal, config, { ttl }));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error((e as Error).message);
    process.exit(2);
  },
);
