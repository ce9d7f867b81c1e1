// oauth4webapi set up as its README shows: discovery from the issuer identifier. Latchkey runs on
// http://127.0.0.1 in the tests, so each request allows plain http; DPoP is not used.
import * as oauth from 'oauth4webapi';
import { env } from './harness.mjs';

export const insecure = { [oauth.allowInsecureRequests]: true };

export async function discover() {
  const issuer = new URL(env('LATCHKEY_ISSUER'));
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecure }));
}
