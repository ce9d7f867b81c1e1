// Authorization code + PKCE (S256) with state and nonce, as openid-client's README shows it.
import * as client from 'openid-client';
import { browse, check, env, payload, refused, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const config = await discover();
  const redirect_uri = env('REDIRECT_URI');
  const code_verifier = client.randomPKCECodeVerifier();
  const code_challenge = await client.calculatePKCECodeChallenge(code_verifier);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri, scope: env('SCOPE'), code_challenge, code_challenge_method: 'S256', state, nonce,
  });
  const callback = await browse(url);

  // RFC 9207: the library must refuse a response whose iss names another server (before it spends the code).
  const forged = new URL(callback);
  forged.searchParams.set('iss', 'https://attacker.example');
  const issRefused = await refused(
    () => client.authorizationCodeGrant(config, forged, { pkceCodeVerifier: code_verifier, expectedState: state, expectedNonce: nonce }),
    'a response with a foreign iss was accepted');

  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: code_verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true,
  });
  const claims = tokens.claims();
  check(claims.nonce === nonce, 'nonce echoed in the ID token');
  check(tokens.token_type.toLowerCase() === 'bearer', `token_type ${tokens.token_type}`);
  check(typeof tokens.refresh_token === 'string', 'refresh token issued for offline_access');
  return {
    sub: claims.sub, iss: claims.iss, aud: claims.aud, scope: tokens.scope, iss_in_callback: callback.searchParams.get('iss'),
    iss_refused: issRefused, access_token: tokens.access_token, refresh_token: tokens.refresh_token, id_token: tokens.id_token,
    access_token_claims: payload(tokens.access_token),
  };
});
