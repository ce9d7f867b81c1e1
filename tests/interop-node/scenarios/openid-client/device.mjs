// The device authorization grant (RFC 8628) with openid-client's initiateDeviceAuthorization /
// pollDeviceAuthorizationGrant, as a public client (a TV): the person opens verification_uri_complete
// and approves (the harness's browse step); openid-client waits the interval, polls, and validates the ID token.
import * as client from 'openid-client';
import { browse, check, env, payload, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const config = await discover({ auth: client.None() });
  const start = await client.initiateDeviceAuthorization(config, { scope: 'openid profile' });
  check(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/.test(start.user_code), `user_code ${start.user_code}`);
  check(start.verification_uri_complete.includes(encodeURIComponent(start.user_code)), 'verification_uri_complete carries the code');
  await browse(new URL(start.verification_uri_complete));
  const tokens = await client.pollDeviceAuthorizationGrant(config, start);
  const claims = tokens.claims();
  check(claims.preferred_username === env('USERNAME'), `ID token names ${claims.preferred_username}`);
  return { interval: start.interval, id_token_claims: claims, access_token_claims: payload(tokens.access_token) };
});
