// An authorization error response (RFC 6749 §4.1.2.1) carries state and iss too (RFC 9207 §2): prompt=none
// with max_age=0 needs a login the user cannot give silently, so Latchkey answers login_required
// (OIDC Core §3.1.2.6). validateAuthResponse checks iss and state first, then reports the error.
import * as oauth from 'oauth4webapi';
import { browse, check, env, refused, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/oauth4webapi-config.mjs';

await scenario(async () => {
  const as = await discover();
  const client = { client_id: env('CLIENT_ID') };
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint);
  for (const [name, value] of Object.entries({
    client_id: client.client_id, redirect_uri: env('REDIRECT_URI'), response_type: 'code', scope: 'openid', state,
    code_challenge: await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier()), code_challenge_method: 'S256',
    prompt: 'none', max_age: '0',
  })) url.searchParams.set(name, value);
  const callback = await browse(url);

  const forged = new URL(callback);
  forged.searchParams.set('iss', 'https://attacker.example');
  const issRefused = await refused(() => oauth.validateAuthResponse(as, client, forged, state), 'an error response with a foreign iss');
  check(issRefused.code === oauth.INVALID_RESPONSE, `forged iss: ${issRefused.code}`);

  let error;
  try {
    oauth.validateAuthResponse(as, client, callback, state);
  } catch (e) {
    error = e;
  }
  check(error instanceof oauth.AuthorizationResponseError, `expected an AuthorizationResponseError, got ${error}`);
  check(error.error === 'login_required', `error ${error.error}`);
  return { error: error.error, error_description: error.error_description ?? null, iss_in_callback: callback.searchParams.get('iss') };
});
