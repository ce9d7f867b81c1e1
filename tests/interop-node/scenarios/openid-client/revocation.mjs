// RFC 7009 revocation of a refresh token; Latchkey revokes the whole grant, so the access token goes too.
import * as client from 'openid-client';
import { check, env, refused, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const config = await discover();
  await client.tokenRevocation(config, env('REFRESH_TOKEN'), { token_type_hint: 'refresh_token' });
  const refresh = await refused(() => client.refreshTokenGrant(config, env('REFRESH_TOKEN')), 'a revoked refresh token still worked');
  check(refresh.oauth_error === 'invalid_grant', `refresh after revocation answered ${refresh.oauth_error}`);
  const access = await client.tokenIntrospection(config, env('ACCESS_TOKEN'));
  check(access.active === false, 'access token of the revoked grant inactive');
  // RFC 7009 §2.2: an unknown token is not an error.
  await client.tokenRevocation(config, 'not-a-token-latchkey-issued');
  return { refresh, access };
});
