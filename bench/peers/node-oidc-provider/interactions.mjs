// node-oidc-provider's interaction (login and consent) for the bench: a login form driven by plain form posts,
// as Latchkey's login page is. Consent is remembered per user and client (the grant from the first consent is
// found again by loadExistingGrant, which is node-oidc-provider's documented way to skip the consent prompt),
// and given with the first login, as the bench user of Latchkey gives it on the consent page before the runs.
import { authenticate } from './accounts.mjs';

const remembered = new Map(); // `${accountId} ${clientId}` → grantId

export async function loadExistingGrant(ctx) {
  const grantId = ctx.oidc.result?.consent?.grantId
    || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId)
    || remembered.get(`${ctx.oidc.session.accountId} ${ctx.oidc.client.clientId}`);
  return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
}

const page = (uid, message = '') => `<!doctype html><html><head><title>Sign in</title></head><body>
<h1>Sign in</h1>${message}<form method="post" action="/interaction/${uid}/login">
<input type="hidden" name="uid" value="${uid}" />
<label>Username <input type="text" name="username" /></label>
<label>Password <input type="password" name="password" /></label>
<button type="submit">Sign in</button></form></body></html>`;

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
}

/** Handles GET /interaction/:uid and POST /interaction/:uid/login; answers true when it did. */
export async function handle(provider, req, res, resource) {
  const [, , uid, action] = req.url.split('?')[0].split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (req.method === 'GET' && !action) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page(uid));
    return;
  }
  const form = await readForm(req);
  const accountId = await authenticate(form.username, form.password);
  if (!accountId) {
    res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(uid, '<p>Invalid username or password.</p>'));
    return;
  }
  const { params } = details;
  if (process.env.BENCH_TRACE) console.log(JSON.stringify(details.prompt), JSON.stringify(details.session));
  const key = `${accountId} ${params.client_id}`;
  let grant = remembered.has(key) ? await provider.Grant.find(remembered.get(key)) : undefined;
  if (!grant) {
    grant = new provider.Grant({ accountId, clientId: params.client_id });
    // 'api' is also one of the provider's own scopes (`scopes`), so the consent prompt asks for it as one.
    grant.addOIDCScope('openid profile email api');
    grant.addResourceScope(resource, 'api');
    remembered.set(key, await grant.save());
  }
  await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId: remembered.get(key) } },
    { mergeWithLastSubmission: false });
}
