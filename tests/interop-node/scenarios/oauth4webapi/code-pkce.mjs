// Authorization code + PKCE for a public client (a SPA), with the RFC 9207 iss check: validateAuthResponse
// compares the response's iss with the discovered issuer. No DPoP.
import * as oauth from 'oauth4webapi';
import { browse, check, env, payload, refused, scenario } from '../../lib/harness.mjs';
import { discover, insecure } from '../../lib/oauth4webapi-config.mjs';

await scenario(async () => {
  const as = await discover();
  const client = { client_id: env('CLIENT_ID') };
  const redirect_uri = env('REDIRECT_URI');
  const code_verifier = oauth.generateRandomCodeVerifier();
  const code_challenge = await oauth.calculatePKCECodeChallenge(code_verifier);
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();

  const url = new URL(as.authorization_endpoint);
  for (const [name, value] of Object.entries({
    client_id: client.client_id, redirect_uri, response_type: 'code', scope: env('SCOPE'),
    code_challenge, code_challenge_method: 'S256', state, nonce,
  })) url.searchParams.set(name, value);
  const callback = await browse(url);

  const forged = new URL(callback);
  forged.searchParams.set('iss', 'https://attacker.example');
  const issRefused = await refused(() => oauth.validateAuthResponse(as, client, forged, state), 'a response with a foreign iss was accepted');
  const missing = new URL(callback);
  missing.searchParams.delete('iss');
  const issMissingRefused = await refused(() => oauth.validateAuthResponse(as, client, missing, state),
    'a response without iss was accepted from a server that advertises it');

  const params = oauth.validateAuthResponse(as, client, callback, state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirect_uri, code_verifier, insecure);
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: nonce, requireIdToken: true });
  const claims = oauth.getValidatedIdTokenClaims(result);
  check(claims.aud === client.client_id || claims.aud.includes?.(client.client_id), 'ID token aud');
  return {
    sub: claims.sub, scope: result.scope, iss_in_callback: callback.searchParams.get('iss'),
    iss_refused: issRefused, iss_missing_refused: issMissingRefused,
    access_token: result.access_token, id_token: result.id_token, access_token_claims: payload(result.access_token),
  };
});
