// The contract with tests/Latchkey.Interop.Tests (NodeScenario.cs): settings come from environment
// variables; every message is one JSON object on its own stdout line; the last one is the result,
// {"ok": true, ...} with exit code 0, or {"ok": false, "error": ...} with exit code 1.
import { createInterface } from 'node:readline';

let lines;

/** A required environment variable. */
export function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

/** Runs the scenario and prints its result line. */
export async function scenario(body) {
  try {
    const result = await body();
    console.log(JSON.stringify({ ok: true, ...result }));
  } catch (error) {
    console.log(JSON.stringify({ ok: false, ...describe(error) }));
    process.exitCode = 1;
  } finally {
    lines?.return?.();
    process.stdin.destroy();
  }
}

/**
 * The browser part of a flow: the harness opens `url` in Chromium, where a person signs in, and
 * answers with the URL at which the browser reached the client.
 */
export async function browse(url) {
  lines ??= createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  console.log(JSON.stringify({ browse: url.href }));
  const { value, done } = await lines.next();
  if (done) throw new Error('the harness closed stdin instead of answering a browse request');
  return new URL(value);
}

/** Asserts a condition of the scenario itself. */
export function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

/** Runs a call that the library must refuse, and returns what it said. */
export async function refused(call, message) {
  try {
    await call();
  } catch (error) {
    return describe(error);
  }
  throw new Error(`check failed: ${message}`);
}

/** The decoded payload of a JWT, for reporting (the libraries did the validating). */
export function payload(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

function describe(error) {
  const out = { error: String(error?.message ?? error) };
  for (const key of ['code', 'error', 'error_description', 'status']) {
    if (error?.[key] !== undefined && typeof error[key] !== 'object') out[key === 'error' ? 'oauth_error' : key] = error[key];
  }
  if (error?.cause instanceof Error) {
    out.cause = { message: error.cause.message, code: error.cause.code };
  } else if (error?.cause !== undefined) {
    try { out.cause = JSON.parse(JSON.stringify(error.cause)); } catch { out.cause = String(error.cause); }
  }
  return out;
}
