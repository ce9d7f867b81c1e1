// Readiness and correctness probe for bench/run.sh (Node >= 20, no dependencies).
//
//   node probe.mjs --wait=URL [--post] [--timeout=60]
//       polls URL (GET, or POST with --post) until it answers 200.
//   node probe.mjs --discovery=URL --token=URL --auth=HEADER --alg=RS256|ES256 [--audience=bench-api]
//       asks for one client_credentials token, verifies its signature against the server's JWKS
//       (from discovery) and its typ/alg/aud/sub/exp, and prints {"token_bytes":…,"claims":[…],…}.
// Exits non-zero, with the reason on stderr, when the server is not ready or the token is wrong:
// a benchmark of a server that answers wrongly would measure nothing.
import { createPublicKey, verify } from 'node:crypto';

const opts = Object.fromEntries(process.argv.slice(2).map((a) => {
  const [k, ...v] = a.replace(/^--/, '').split('=');
  return [k, v.length ? v.join('=') : true];
}));
const fail = (why) => { console.error(`probe: ${why}`); process.exit(1); };
const b64json = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

async function waitFor(url, post, timeoutSeconds) {
  const until = Date.now() + timeoutSeconds * 1000;
  let last = 'no answer';
  while (Date.now() < until) {
    try {
      const res = await fetch(url, post ? { method: 'POST', body: '' } : {});
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.cause?.code ?? e.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  fail(`${url} not ready after ${timeoutSeconds}s (${last})`);
}

async function checkToken() {
  const discovery = await (await fetch(opts.discovery)).json();
  const jwks = await (await fetch(discovery.jwks_uri)).json();
  const res = await fetch(opts.token, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: opts.auth },
    body: 'grant_type=client_credentials&scope=api',
  });
  const text = await res.text();
  if (res.status !== 200) fail(`token endpoint answered ${res.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text);
  const parts = (body.access_token ?? '').split('.');
  if (parts.length !== 3) fail('access_token is not a compact JWS (encrypted or opaque?)');
  const header = b64json(parts[0]);
  const claims = b64json(parts[1]);
  if (header.alg !== opts.alg) fail(`alg ${header.alg}, expected ${opts.alg}`);
  if (!/^(application\/)?at\+jwt$/i.test(header.typ ?? '')) fail(`typ ${header.typ}, expected at+jwt (RFC 9068)`);
  const jwk = jwks.keys.find((k) => k.kid === header.kid) ?? fail(`kid ${header.kid} not in JWKS`);
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const ok = verify('sha256', signed, header.alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key,
    Buffer.from(parts[2], 'base64url'));
  if (!ok) fail('signature does not verify against the JWKS');
  const audience = opts.audience ?? 'bench-api';
  const aud = [].concat(claims.aud ?? []);
  if (!aud.includes(audience)) fail(`aud ${JSON.stringify(claims.aud)}, expected ${audience}`);
  if (claims.sub !== 'bench' && claims.client_id !== 'bench') fail('neither sub nor client_id is bench');
  if (!(claims.exp > Date.now() / 1000)) fail('exp is not in the future');
  if (res.headers.get('cache-control') !== 'no-store') console.error(`probe: note: Cache-Control ${res.headers.get('cache-control')}`);
  console.log(JSON.stringify({
    token_bytes: body.access_token.length,
    response_bytes: text.length,
    header,
    claims: Object.keys(claims),
    issuer: claims.iss,
  }));
}

if (opts.wait) await waitFor(opts.wait, opts.post === true, Number(opts.timeout ?? 60));
else await checkToken();
