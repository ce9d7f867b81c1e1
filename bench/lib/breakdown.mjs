// Where the token endpoint's time goes, from a dotnet-trace speedscope file (bench/profile.sh).
// Thread time (dotnet-sampled-thread-time): wall-clock time that request threads spent inside each
// part, counted once per outermost occurrence; shares are of ProtocolEndpoints.Token.
//
//   node breakdown.mjs trace.speedscope.json
import { readFileSync } from 'node:fs';

const trace = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const frames = trace.shared.frames.map((f) => f.name);
const parts = [
  ['the token endpoint (ProtocolEndpoints.Token)', 'ProtocolEndpoints+<Token>'],
  ['  realm lookup (IssuerResolver → EfDirectoryStore.FindAsync)', 'IssuerResolver+<ResolveAsync>'],
  ['  client lookup + secret check (ClientAuthentication)', 'ClientAuthentication+<AuthenticateAsync>'],
  ['    secret hash (ClientSecretHasher)', 'ClientSecretHasher'],
  ['  grant: scope lookups (ClientCredentialsGrant)', 'ClientCredentialsGrant+<HandleAsync>'],
  ['  mint (TokenService.MintAsync)', 'TokenService+<MintAsync>'],
  ['    signature (SigningKey.Sign: hash + RSA/ECDSA)', 'SigningKey.Sign'],
  ['    AccessTokenId.Create (random jti)', 'AccessTokenId.Create'],
  ['  form parsing (ReadFormAsync)', 'ReadFormAsync'],
  ['all EF Core directory reads (EfDirectoryStore)', 'EfDirectoryStore'],
  ['  SQLite connection pool (lock, get/return)', 'SqliteConnectionPool'],
  ['  sqlite3_create_function (per open and close)', 'sqlite3_create_function'],
  ['  AsNoTracking → MakeGenericMethod', 'EntityFrameworkQueryableExtensions.AsNoTracking'],
  ['any thread stopped for a GC (PollGC)', 'PollGCWorker'],
];
const totals = new Map(parts.map(([label]) => [label, 0]));
const matches = (name, pattern) => (typeof pattern === 'string' ? name.includes(pattern) : pattern.test(name));
for (const profile of trace.profiles) {
  const stack = [];
  for (const e of profile.events ?? []) {
    if (e.type === 'O') { stack.push([e.frame, e.at]); continue; }
    const [frame, at] = stack.pop();
    for (const [label, pattern] of parts) {
      if (matches(frames[frame], pattern) && !stack.some(([f]) => matches(frames[f], pattern))) {
        totals.set(label, totals.get(label) + (e.at - at));
      }
    }
  }
}
const whole = totals.get(parts[0][0]) || 1;
console.log('| part | thread time ms | share of the token endpoint |');
console.log('| --- | ---: | ---: |');
for (const [label] of parts) {
  const ms = totals.get(label);
  console.log(`| ${label.replace(/^ +/, (s) => '· '.repeat(s.length / 2))} | ${Math.round(ms).toLocaleString('en-US')} | ${((100 * ms) / whole).toFixed(1)} % |`);
}
