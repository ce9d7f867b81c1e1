// A resource server validates Latchkey's JWT access token (RFC 9068) with validateJwtAccessToken:
// signature from the discovered JWKS, typ at+jwt, iss, aud, exp, and the required claims.
import * as oauth from 'oauth4webapi';
import { check, env, refused, scenario } from '../../lib/harness.mjs';
import { discover, insecure } from '../../lib/oauth4webapi-config.mjs';

const request = (token) => new Request('https://api.interop.example/orders', { headers: { authorization: `Bearer ${token}` } });

await scenario(async () => {
  const as = await discover();
  const audience = env('API_AUDIENCE');
  const claims = await oauth.validateJwtAccessToken(as, request(env('ACCESS_TOKEN')), audience, insecure);
  check(claims.sub === env('EXPECTED_SUB'), `sub ${claims.sub}`);
  check(claims.client_id === env('CLIENT_ID'), `client_id ${claims.client_id}`);
  check(claims.scope?.split(' ').includes('api'), `scope ${claims.scope}`);
  // The checks bite: an ID token is not an access token (typ), and a token for another API is refused (aud).
  const idToken = await refused(() => oauth.validateJwtAccessToken(as, request(env('ID_TOKEN')), audience, insecure),
    'an ID token passed as an access token');
  const otherApi = await refused(() => oauth.validateJwtAccessToken(as, request(env('ACCESS_TOKEN')), 'another-api', insecure),
    'a token for another audience was accepted');
  return { claims, id_token_refused: idToken, other_audience_refused: otherApi };
});
