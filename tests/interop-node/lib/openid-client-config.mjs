// openid-client set up as its README says: discovery from the issuer identifier, the client's id and
// secret (client_secret_post, the library's default). Latchkey runs on http://127.0.0.1 in the tests,
// so plain-http requests are allowed, and nothing else is loosened.
import * as client from 'openid-client';
import { env } from './harness.mjs';

export async function discover({ clientId = env('CLIENT_ID'), secret = process.env.CLIENT_SECRET, auth = undefined } = {}) {
  const config = await client.discovery(new URL(env('LATCHKEY_ISSUER')), clientId, secret, auth, {
    execute: [client.allowInsecureRequests],
  });
  // Verify ID token signatures against the JWKS too, not only trust the TLS channel (OIDC Core §3.1.3.7 allows either).
  client.enableNonRepudiationChecks(config);
  return config;
}
