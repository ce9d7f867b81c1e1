import * as client from 'openid-client';
import { check, env, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const config = await discover();
  const metadata = config.serverMetadata();
  check(metadata.issuer === env('LATCHKEY_ISSUER'), `issuer ${metadata.issuer}`);
  check(metadata.supportsPKCE('S256'), 'S256 PKCE advertised');
  for (const endpoint of ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'jwks_uri',
    'introspection_endpoint', 'revocation_endpoint', 'end_session_endpoint']) {
    check(typeof metadata[endpoint] === 'string', `${endpoint} present`);
  }
  check(metadata.authorization_response_iss_parameter_supported === true, 'RFC 9207 advertised');
  return { issuer: metadata.issuer, grant_types_supported: metadata.grant_types_supported };
});
