#!/usr/bin/env node
/**
 * The whole test suite, as `npm test` runs it: typecheck, unit tests, production build
 * (fixtures included), end-to-end tests in Chromium. Prints one closing line
 * "tests: N passed, N failed" and exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
let ok = true;

function run(label, cmd, args) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`=== ${label} failed (exit ${r.status ?? r.signal})`);
    ok = false;
  }
  return r.status === 0;
}

function vitest(project) {
  const out = `${results}/${project}.json`;
  run(`${project} tests`, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  try {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    passed += j.numPassedTests;
    failed += j.numFailedTests + (j.numTotalTestSuites > 0 && j.numTotalTests === 0 ? 1 : 0);
    if (j.numTotalTests === 0) {
      console.error(`=== ${project}: no test ran`);
      ok = false;
    }
  } catch {
    failed++;
    ok = false;
  }
}

const only = process.argv[2]; // optional: unit | e2e
if (!only || only === 'unit') {
  run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  vitest('unit');
}
if (!only || only === 'e2e') {
  if (run('build', 'npm', ['run', 'build', '--silent'])) vitest('e2e');
  else failed++;
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
