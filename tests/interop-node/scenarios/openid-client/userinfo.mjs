import * as client from 'openid-client';
import { check, env, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const config = await discover();
  // The library checks that userinfo's sub is the ID token's (OIDC Core §5.3.2).
  const userinfo = await client.fetchUserInfo(config, env('ACCESS_TOKEN'), env('EXPECTED_SUB'));
  check(userinfo.email === `${env('USERNAME')}@example.com`, `email ${userinfo.email}`);
  return { userinfo };
});
