// node-oidc-provider as a peer for bench/run.sh: the same service account as Latchkey's bench realm.
// client_credentials with the resourceIndicators feature, so the access token is a JWT (RFC 9068
// at+jwt) with aud = bench-api, signed with ALG (RS256 or ES256). Stock in-memory adapter, one
// process (node-oidc-provider's own shape; a cluster would need a shared adapter).
//
// usage: PORT=18092 ALG=RS256 SECRET=... node server.mjs
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT ?? 18092);
const alg = process.env.ALG ?? 'RS256';
const secret = process.env.SECRET;
if (!secret) throw new Error('SECRET is required');

// Same key types as Latchkey: RSA 2048 for RS256, P-256 for ES256.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
const resource = 'urn:bench-api';

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: 'bench',
    client_secret: secret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: 'api',
  }],
  jwks: { keys: [{ ...rsa, alg: 'RS256', use: 'sig', kid: 'rs' }, { ...ec, alg: 'ES256', use: 'sig', kid: 'es' }] },
  scopes: ['api'],
  ttl: { ClientCredentials: 300 },
  cookies: { keys: ['bench-cookie-key-not-used-by-client-credentials'] },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // No resource parameter in the request: the token is for bench-api, as Latchkey's scope audience does.
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, indicator) => {
        if (indicator !== resource) throw new Provider.errors.InvalidTarget();
        return {
          scope: 'api',
          audience: 'bench-api',
          accessTokenTTL: 300,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg } },
        };
      },
    },
  },
});

provider.listen(port, '127.0.0.1', () => console.log(`node-oidc-provider ${alg} on http://127.0.0.1:${port}`));
