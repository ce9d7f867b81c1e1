import { check, env, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/oauth4webapi-config.mjs';

await scenario(async () => {
  // processDiscoveryResponse checks that the document's issuer is exactly the one asked for (RFC 8414 §3.3).
  const as = await discover();
  check(as.issuer === env('LATCHKEY_ISSUER'), `issuer ${as.issuer}`);
  check(as.authorization_response_iss_parameter_supported === true, 'RFC 9207 advertised');
  check(as.code_challenge_methods_supported?.includes('S256'), 'S256 PKCE advertised');
  return { issuer: as.issuer, jwks_uri: as.jwks_uri };
});
