// Client credentials with client_secret_jwt (openid-client's ClientSecretJwt): an HS256 assertion
// MACed with the client secret, which itself never crosses the wire.
import * as client from 'openid-client';
import { check, env, payload, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const config = await discover({ secret: undefined, auth: client.ClientSecretJwt(env('CLIENT_SECRET')) });
  check(config.serverMetadata().token_endpoint_auth_signing_alg_values_supported.includes('HS256'), 'discovery lists HS256');
  const tokens = await client.clientCredentialsGrant(config, { scope: 'api' });
  check(tokens.token_type.toLowerCase() === 'bearer', `token_type ${tokens.token_type}`);
  const introspected = await client.tokenIntrospection(config, tokens.access_token);
  check(introspected.active === true, 'the client introspects its own token, authenticated by client_secret_jwt');
  return { scope: tokens.scope, access_token_claims: payload(tokens.access_token) };
});
