// OpenID Connect RP-Initiated Logout 1.0 with id_token_hint, post_logout_redirect_uri and state.
import * as client from 'openid-client';
import { browse, check, env, scenario } from '../../lib/harness.mjs';
import { discover } from '../../lib/openid-client-config.mjs';

await scenario(async () => {
  const config = await discover();
  const state = client.randomState();
  const url = client.buildEndSessionUrl(config, {
    id_token_hint: env('ID_TOKEN'), post_logout_redirect_uri: env('POST_LOGOUT_REDIRECT_URI'), state,
  });
  const reached = await browse(url);
  check(reached.href.startsWith(env('POST_LOGOUT_REDIRECT_URI')), `reached ${reached.href}`);
  check(reached.searchParams.get('state') === state, 'state returned');
  return { reached: reached.href };
});
