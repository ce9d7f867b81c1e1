// The frames where request threads spent their time, from a dotnet-trace speedscope file: inclusive thread time per
// frame (counted once per outermost occurrence in a stack), the top N, optionally only frames matching a filter.
//
//   node hotframes.mjs trace.speedscope.json [--top=40] [--match=Latchkey|Sqlite]
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
const opts = Object.fromEntries(rest.map((a) => a.replace(/^--/, '').split('=')));
const trace = JSON.parse(readFileSync(file, 'utf8'));
const frames = trace.shared.frames.map((f) => f.name);
const filter = opts.match ? new RegExp(opts.match) : null;
const totals = new Map();
let all = 0;
for (const profile of trace.profiles) {
  const stack = [];
  const open = new Map();
  for (const e of profile.events ?? []) {
    if (e.type === 'O') {
      stack.push([e.frame, e.at]);
      open.set(e.frame, (open.get(e.frame) ?? 0) + 1);
      continue;
    }
    const [frame, at] = stack.pop();
    const n = open.get(frame) - 1;
    open.set(frame, n);
    if (stack.length === 0) all += e.at - at;
    if (n === 0 && (!filter || filter.test(frames[frame]))) totals.set(frame, (totals.get(frame) ?? 0) + (e.at - at));
  }
}
const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(opts.top ?? 40));
console.log(`| frame | thread time ms | share of all sampled thread time (${Math.round(all)} ms) |`);
console.log('| --- | ---: | ---: |');
for (const [frame, ms] of top) console.log(`| ${frames[frame].slice(0, 140)} | ${Math.round(ms)} | ${((100 * ms) / all).toFixed(1)} % |`);
