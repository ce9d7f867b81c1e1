// Refresh token grant; Latchkey rotates refresh tokens (RFC 9700 §4.14.2), so the old one must then be refused.
import * as client from 'openid-client';
import { check, env, refused, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const config = await discover();
  const old = env('REFRESH_TOKEN');
  const tokens = await client.refreshTokenGrant(config, old);
  check(typeof tokens.access_token === 'string', 'new access token');
  check(typeof tokens.refresh_token === 'string' && tokens.refresh_token !== old, 'rotated refresh token');
  const sub = tokens.claims()?.sub;
  check(sub === undefined || sub === env('EXPECTED_SUB'), `ID token sub ${sub} is the same user (OIDC Core §12.2)`);
  const reuse = await refused(() => client.refreshTokenGrant(config, old), 'the rotated-out refresh token still worked');
  check(reuse.oauth_error === 'invalid_grant', `reuse answered ${reuse.oauth_error}`);
  return { scope: tokens.scope, id_token_sub: sub ?? null, reuse };
});
