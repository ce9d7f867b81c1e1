// OpenID Connect Hybrid Flow (response_type=code id_token, OIDC Core §3.3), as openid-client's
// useCodeIdTokenResponseType sets it up: the front-channel ID token (c_hash, nonce, signature) is
// checked before the code is redeemed with PKCE.
import * as client from 'openid-client';
import { browse, check, env, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const config = await discover();
  client.useCodeIdTokenResponseType(config);
  const code_verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: env('REDIRECT_URI'), scope: env('SCOPE'), state, nonce,
    code_challenge: await client.calculatePKCECodeChallenge(code_verifier), code_challenge_method: 'S256',
  });
  check(url.searchParams.get('response_type') === 'code id_token', `response_type ${url.searchParams.get('response_type')}`);
  const callback = await browse(url);
  check(callback.hash.includes('id_token='), 'the response came in the fragment (OIDC Core §3.3.2.5)');
  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: code_verifier, expectedState: state, expectedNonce: nonce,
  });
  const claims = tokens.claims();
  check(claims.nonce === nonce, 'nonce');
  return { sub: claims.sub, scope: tokens.scope, front_channel: [...new URLSearchParams(callback.hash.slice(1)).keys()] };
});
