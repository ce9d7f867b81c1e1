// CIBA in poll mode with openid-client's initiateBackchannelAuthentication / pollBackchannelAuthenticationGrant:
// the client names the user (login_hint) and a binding message; the person approves on Latchkey's approval
// page (the harness's browse step); openid-client waits the interval, polls, and validates the ID token.
import * as client from 'openid-client';
import { browse, check, env, payload, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const config = await discover();
  const metadata = config.serverMetadata();
  check(metadata.backchannel_token_delivery_modes_supported?.includes('poll'), 'discovery offers poll mode');
  const request = await client.initiateBackchannelAuthentication(config, {
    scope: 'openid profile', login_hint: env('USERNAME'), binding_message: env('BINDING_MESSAGE'),
  });
  check(typeof request.auth_req_id === 'string' && request.auth_req_id.length >= 22, 'auth_req_id with at least 128 bits');
  await browse(new URL(`${env('LATCHKEY_ISSUER')}/ciba`));
  const tokens = await client.pollBackchannelAuthenticationGrant(config, request);
  const claims = tokens.claims();
  check(claims.preferred_username === env('USERNAME'), `ID token names ${claims.preferred_username}`);
  return { expires_in: request.expires_in, interval: request.interval, id_token_claims: claims, access_token_claims: payload(tokens.access_token) };
});
