// Client credentials with private_key_jwt (openid-client's PrivateKeyJwt): the library signs the
// assertion itself (ES256 from the key, aud = the issuer, a fresh jti, exp in 60 s).
import * as client from 'openid-client';
import { check, env, payload, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const jwk = JSON.parse(env('PRIVATE_JWK'));
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const config = await discover({ secret: undefined, auth: client.PrivateKeyJwt({ key, kid: jwk.kid }) });
  check(config.serverMetadata().token_endpoint_auth_methods_supported.includes('private_key_jwt'), 'discovery lists private_key_jwt');
  const tokens = await client.clientCredentialsGrant(config, { scope: 'api' });
  check(tokens.refresh_token === undefined, 'no refresh token for client credentials (RFC 6749 §4.4.3)');
  // A second grant signs a new assertion (new jti): both must work.
  const again = await client.clientCredentialsGrant(config, { scope: 'api' });
  check(again.access_token !== tokens.access_token, 'a second assertion gets a second token');
  return { scope: tokens.scope, access_token_claims: payload(tokens.access_token) };
});
