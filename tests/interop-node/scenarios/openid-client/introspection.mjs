// A confidential client asks about its own tokens (RFC 7662).
import * as client from 'openid-client';
import { check, env, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const config = await discover();
  const access = await client.tokenIntrospection(config, env('ACCESS_TOKEN'));
  check(access.active === true, 'access token active');
  check(access.sub === env('EXPECTED_SUB'), `sub ${access.sub}`);
  check(access.client_id === env('CLIENT_ID'), `client_id ${access.client_id}`);
  const refresh = await client.tokenIntrospection(config, env('REFRESH_TOKEN'), { token_type_hint: 'refresh_token' });
  check(refresh.active === true, 'refresh token active');
  const unknown = await client.tokenIntrospection(config, 'not-a-token-latchkey-issued');
  check(unknown.active === false && Object.keys(unknown).length === 1, `unknown token: ${JSON.stringify(unknown)}`);
  return { access, refresh_active: refresh.active, unknown };
});
