// Both well-known locations: OIDC Discovery §4 ({issuer}/.well-known/openid-configuration) and RFC 8414 §3.1
// (/.well-known/oauth-authorization-server inserted before the issuer's path). processDiscoveryResponse
// checks that each document's issuer is exactly the one asked for (RFC 8414 §3.3).
import * as oauth from 'oauth4webapi';
import { check, env, scenario } from '../../lib/harness.mjs';
import { discover, insecure } from '../../lib/oauth4webapi-config.mjs';

await scenario(async () => {
  const as = await discover();
  check(as.issuer === env('LATCHKEY_ISSUER'), `issuer ${as.issuer}`);
  check(as.authorization_response_iss_parameter_supported === true, 'RFC 9207 advertised');
  check(as.code_challenge_methods_supported?.includes('S256'), 'S256 PKCE advertised');

  const issuer = new URL(env('LATCHKEY_ISSUER'));
  const rfc8414 = await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure });
  const oauth2 = await oauth.processDiscoveryResponse(issuer, rfc8414);
  check(oauth2.token_endpoint === as.token_endpoint, 'the RFC 8414 document names the same token endpoint');
  return { issuer: as.issuer, jwks_uri: as.jwks_uri, rfc8414_url: rfc8414.url };
});
