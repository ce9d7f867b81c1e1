// OpenID Connect Implicit Flow (response_type=id_token, OIDC Core §3.2) for a public client, as
// openid-client's useIdTokenResponseType and implicitAuthentication set it up.
import * as client from 'openid-client';
import { browse, check, env, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const config = await discover({ secret: undefined, auth: client.None() });
  client.useIdTokenResponseType(config);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, { redirect_uri: env('REDIRECT_URI'), scope: 'openid profile', state, nonce });
  const callback = await browse(url);
  const claims = await client.implicitAuthentication(config, callback, nonce, { expectedState: state });
  check(claims.nonce === nonce, 'nonce');
  const fragment = new URLSearchParams(callback.hash.slice(1));
  check(!fragment.has('access_token') && !fragment.has('code'), 'only the ID token was sent');
  return { sub: claims.sub, name: claims.name ?? null, iss_in_fragment: fragment.get('iss') };
});
