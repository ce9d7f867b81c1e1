// node-oidc-provider as a peer for bench/run.sh, configured for the same flows as Latchkey's bench realm:
//  - scenario 1: client `bench`, client_credentials with the resourceIndicators feature, so the access token is
//    a JWT (RFC 9068 at+jwt) with aud = bench-api, signed with ALG (RS256 or ES256);
//  - scenarios 2–4: client `bench-web`, authorization code with PKCE, a login form of ours (interactions.mjs) with
//    the bench user's PBKDF2 password (accounts.mjs), consent remembered, a JWT access token for bench-api when
//    `api` is requested, an ID token, and a refresh token with every code, rotated on every use;
//  - scenario 5: client `bench-ref`, client_credentials with an opaque (reference) access token, introspected by
//    itself; userinfo with the opaque token that node-oidc-provider issues for its userinfo endpoint (it does not
//    accept JWT access tokens there).
// The stock in-memory adapter, with room for the codes minted before a run (its default keeps only 1,000 entries).
// One process (node-oidc-provider's own shape; a cluster would need a shared adapter).
//
// usage: PORT=18092 ALG=RS256 SECRET=... node server.mjs
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import MemoryAdapter from 'oidc-provider/lib/adapters/memory_adapter.js';
import LRU from 'oidc-provider/lib/helpers/lru.js';
import { findAccount, setPassword } from './accounts.mjs';
import { handle, loadExistingGrant } from './interactions.mjs';

const port = Number(process.env.PORT ?? 18092);
const alg = process.env.ALG ?? 'RS256';
const secret = process.env.SECRET;
if (!secret) throw new Error('SECRET is required');
await setPassword(process.env.USER_PASSWORD ?? 'bench-password-not-secret');

// Same key types as Latchkey: RSA 2048 for RS256, P-256 for ES256.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
const resource = 'urn:bench-api';
const store = new LRU({ maxSize: 10_000_000 });
const confidential = { client_secret: secret, token_endpoint_auth_method: 'client_secret_basic' };

const provider = new Provider(`http://127.0.0.1:${port}`, {
  adapter: (model) => new MemoryAdapter(model, store),
  clients: [
    { ...confidential, client_id: 'bench', grant_types: ['client_credentials'], response_types: [], redirect_uris: [], scope: 'api' },
    { ...confidential, client_id: 'bench-ref', grant_types: ['client_credentials'], response_types: [], redirect_uris: [], scope: 'api' },
    {
      ...confidential, client_id: 'bench-web', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'],
      redirect_uris: ['http://127.0.0.1:9/cb'], scope: 'openid profile email api',
    },
  ],
  jwks: { keys: [{ ...rsa, alg: 'RS256', use: 'sig', kid: 'rs' }, { ...ec, alg: 'ES256', use: 'sig', kid: 'es' }] },
  scopes: ['api'],
  claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name'], email: ['email', 'email_verified'] },
  findAccount,
  loadExistingGrant,
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  // As Latchkey's bench-web client (alwaysIssueRefreshToken): a refresh token with every code, rotated on every use.
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  rotateRefreshToken: true,
  ttl: {
    ClientCredentials: 300, AccessToken: 900, AuthorizationCode: 600, IdToken: 300, RefreshToken: 86_400,
    Grant: 86_400, Session: 86_400, Interaction: 600,
  },
  cookies: { keys: ['bench-cookie-key-0123456789abcdef'] },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // No resource parameter in the requests: tokens carrying `api` are for bench-api, as Latchkey's scope audience
      // does; a code request without `api` gets node-oidc-provider's own userinfo token.
      defaultResource: (ctx) => (ctx.oidc.params?.scope ?? 'api').split(' ').includes('api') ? resource : undefined,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, indicator, client) => {
        if (indicator !== resource) throw new Provider.errors.InvalidTarget();
        return {
          scope: 'api',
          audience: 'bench-api',
          accessTokenTTL: 900,
          accessTokenFormat: client.clientId === 'bench-ref' ? 'opaque' : 'jwt',
          jwt: { sign: { alg } },
        };
      },
    },
  },
});
provider.proxy = false;

const callback = provider.callback();
createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    handle(provider, req, res, resource).catch((e) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(`interaction failed: ${e.message}`);
    });
  } else {
    callback(req, res);
  }
}).listen(port, '127.0.0.1', () => console.log(`node-oidc-provider ${alg} on http://127.0.0.1:${port}`));
