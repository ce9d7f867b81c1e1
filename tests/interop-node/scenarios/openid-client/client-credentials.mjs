// Client credentials with client_secret_basic (openid-client's ClientSecretBasic): the secret carries
// characters that RFC 6749 §2.3.1's form-urlencoding changes, so both sides must apply it.
import * as client from 'openid-client';
import { check, env, payload, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const config = await discover({ auth: client.ClientSecretBasic(env('CLIENT_SECRET')) });
  const tokens = await client.clientCredentialsGrant(config, { scope: 'api' });
  check(tokens.token_type.toLowerCase() === 'bearer', `token_type ${tokens.token_type}`);
  check(tokens.expiresIn() > 0, 'expires_in');
  check(tokens.refresh_token === undefined, 'no refresh token for client credentials (RFC 6749 §4.4.3)');
  return { scope: tokens.scope, access_token_claims: payload(tokens.access_token) };
});
