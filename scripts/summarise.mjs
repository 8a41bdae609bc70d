#!/usr/bin/env node
// Test-result summariser for scripts/test.sh. No dependencies.
//
//   node scripts/summarise.mjs OUTDIR
//     Reads OUTDIR/steps.tsv, go.json (go test -json), vitest.json (vitest
//     json reporter) and playwright.json (Playwright json reporter); prints
//     failure details, a per-suite breakdown and, as the very last line,
//     exactly `N passed, M failed`. Exit 0 when nothing failed, 3 otherwise.
//
//   go test -json ./... | node scripts/summarise.mjs --go-progress
//     Streams a human-readable progress view (package results, failing test
//     names, build errors) of go test -json output read from stdin.
//
// Counting rules:
//   go:         every pass/fail event that has a Test field (subtests count);
//               a package that fails with no failed test (build error,
//               TestMain, panic, timeout) counts 1 failure.
//   vitest:     numPassedTests / numFailedTests; a test file that failed
//               without a failed test (import or syntax error) counts 1.
//   playwright: stats.expected + stats.flaky passed, stats.unexpected failed;
//               each top-level error counts 1.
//   Any suite whose result file is missing or unreadable counts 1 failure, as
//   does a suite whose command failed with no failure recorded, and every
//   other step (go vet, npm ci, builds, setup) that failed or was skipped.

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const EXIT_FAILED = 3;
const MAX_LINES_PER_FAILURE = 80;

const stripAnsi = (s) => String(s ?? '').replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '');

function tail(lines, max = MAX_LINES_PER_FAILURE) {
  if (lines.length <= max) return lines;
  return [`... (${lines.length - max} earlier lines omitted)`, ...lines.slice(-max)];
}

function indent(text, pad = '    ') {
  return text
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

function readJSONFile(file) {
  if (!fs.existsSync(file)) return { missing: true };
  const text = fs.readFileSync(file, 'utf8');
  if (!text.trim()) return { error: 'file is empty' };
  try {
    return { data: JSON.parse(text) };
  } catch (e) {
    return { error: `not valid JSON (${e.message})` };
  }
}

// ---------------------------------------------------------------- go stream

function parseGoLine(line) {
  if (!line.startsWith('{')) return null;
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

async function goProgress() {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    const ev = parseGoLine(line);
    if (!ev) {
      if (line.trim()) console.log(line);
      continue;
    }
    const { Action, Package, Test, Elapsed } = ev;
    if (Action === 'build-output') {
      process.stdout.write(ev.Output ?? '');
    } else if (Test && Action === 'fail') {
      console.log(`    --- FAIL: ${Test} (${Package})`);
    } else if (!Test && Package && ['pass', 'fail', 'skip'].includes(Action)) {
      const t = Elapsed != null ? `\t${Elapsed.toFixed(2)}s` : '';
      if (Action === 'pass') console.log(`ok  \t${Package}${t}`);
      else if (Action === 'fail') console.log(`FAIL\t${Package}${t}${ev.FailedBuild ? ' [build failed]' : ''}`);
      else console.log(`?   \t${Package}\t[no test files]`);
    }
  }
}

// ---------------------------------------------------------------- summaries

function readSteps(outDir) {
  const file = path.join(outDir, 'steps.tsv');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [name, suite, status] = l.split('\t');
      return { name, suite: suite || '-', status: (status ?? '').trim() };
    });
}

const isRunNoise = (l) => /^\s*=== (RUN|PAUSE|CONT|NAME)\b/.test(l);
const isResultLine = (l) => /^\s*--- (FAIL|PASS|SKIP):/.test(l);

function summariseGo(outDir, step) {
  const res = { name: 'go test', passed: 0, failed: 0, skipped: 0, details: [], note: '' };
  const file = path.join(outDir, 'go.json');
  if (!step) {
    res.failed = 1;
    res.note = 'did not run';
    return res;
  }
  if (step.status === 'skipped' || !fs.existsSync(file)) {
    res.failed = 1;
    res.note = step.status === 'skipped' ? 'skipped' : 'go.json missing';
    return res;
  }
  const tests = new Map(); // key pkg\x00test -> {pkg, test, action, output[]}
  const pkgOut = new Map(); // pkg -> output lines without a Test
  const pkgResult = new Map(); // pkg -> action
  const pkgFailedBuild = new Map();
  const buildOutput = new Map(); // import path -> lines
  const order = [];
  let events = 0;
  const stray = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const ev = parseGoLine(line);
    if (!ev) {
      stray.push(line);
      continue;
    }
    events++;
    const pkg = ev.Package ?? '';
    if (ev.Action === 'build-output') {
      const k = ev.ImportPath ?? pkg;
      if (!buildOutput.has(k)) buildOutput.set(k, []);
      buildOutput.get(k).push(...String(ev.Output ?? '').replace(/\n$/, '').split('\n'));
      continue;
    }
    if (ev.Test) {
      const key = `${pkg}\x00${ev.Test}`;
      let t = tests.get(key);
      if (!t) {
        t = { pkg, test: ev.Test, action: '', output: [] };
        tests.set(key, t);
      }
      if (ev.Action === 'output') t.output.push(String(ev.Output ?? '').replace(/\n$/, ''));
      else if (['pass', 'fail', 'skip'].includes(ev.Action)) {
        t.action = ev.Action;
        if (ev.Action === 'pass') res.passed++;
        else if (ev.Action === 'fail') {
          res.failed++;
          order.push(t);
        } else res.skipped++;
      }
    } else if (pkg) {
      if (ev.Action === 'output') {
        if (!pkgOut.has(pkg)) pkgOut.set(pkg, []);
        pkgOut.get(pkg).push(String(ev.Output ?? '').replace(/\n$/, ''));
      } else if (['pass', 'fail', 'skip'].includes(ev.Action)) {
        pkgResult.set(pkg, ev.Action);
        if (ev.FailedBuild) pkgFailedBuild.set(pkg, ev.FailedBuild);
      }
    }
  }

  // Failed tests: print each failing test's own output (subtests carry their
  // own lines), skipping parents whose only content is their children's.
  for (const t of order) {
    const lines = t.output.filter((l) => !isRunNoise(l) && !isResultLine(l));
    const prefix = `${t.test}/`;
    const hasFailedChild = order.some((o) => o.pkg === t.pkg && o.test.startsWith(prefix));
    if (!lines.some((l) => l.trim()) && hasFailedChild) continue;
    res.details.push(
      `--- FAIL: ${t.test}  (${t.pkg})\n` +
        (lines.length ? indent(tail(lines).join('\n')) : '    (no output)')
    );
  }

  // Packages that failed without any failed test.
  const failedTestPkgs = new Set(order.map((t) => t.pkg));
  for (const [pkg, action] of pkgResult) {
    if (action !== 'fail' || failedTestPkgs.has(pkg)) continue;
    res.failed++;
    const why = pkgFailedBuild.has(pkg) ? 'build failed' : 'failed outside any test (TestMain, init, panic or timeout)';
    const lines = [];
    const buildKeys = [...buildOutput.keys()].filter(
      (k) => k === pkg || k.startsWith(`${pkg} `) || k === pkgFailedBuild.get(pkg)
    );
    for (const k of buildKeys) lines.push(...buildOutput.get(k));
    lines.push(...(pkgOut.get(pkg) ?? []).filter((l) => !isRunNoise(l)));
    res.details.push(`--- FAIL: package ${pkg}: ${why}\n` + indent(tail(lines).join('\n') || '(no output)'));
  }

  if (events === 0) {
    res.failed = Math.max(res.failed, 1);
    res.note = 'go.json has no test events';
  }
  if (step.status !== '0' && res.failed === 0) {
    res.failed = 1;
    res.note = `go test exited ${step.status} without a failed test`;
  }
  if (res.failed > 0) {
    const stderrFile = path.join(outDir, 'go.stderr');
    const errText = fs.existsSync(stderrFile) ? fs.readFileSync(stderrFile, 'utf8').trim() : '';
    const extra = [...stray, ...(errText ? errText.split('\n') : [])];
    if (extra.length) res.details.push(`go test stderr:\n${indent(tail(extra).join('\n'))}`);
  }
  return res;
}

function relPath(p) {
  if (!p) return '';
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  if (!path.isAbsolute(p)) return p;
  const rel = path.relative(root, p);
  return rel.startsWith('..') ? p : rel;
}

function summariseVitest(outDir, step) {
  const res = { name: 'vitest', passed: 0, failed: 0, skipped: 0, details: [], note: '' };
  if (!step || step.status === 'skipped') {
    res.failed = 1;
    res.note = step ? 'skipped' : 'did not run';
    return res;
  }
  const { data, missing, error } = readJSONFile(path.join(outDir, 'vitest.json'));
  if (!data) {
    res.failed = 1;
    res.note = missing ? 'vitest.json missing' : `vitest.json ${error}`;
    return res;
  }
  res.passed = Number(data.numPassedTests ?? 0);
  res.failed = Number(data.numFailedTests ?? 0);
  res.skipped = Number(data.numPendingTests ?? 0) + Number(data.numTodoTests ?? 0);
  for (const file of data.testResults ?? []) {
    const name = relPath(file.name);
    const failedAssertions = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failedAssertions) {
      const title = a.fullName || [...(a.ancestorTitles ?? []), a.title].join(' > ');
      const msg = stripAnsi((a.failureMessages ?? []).join('\n'))
        .split('\n')
        .filter((l) => !/^\s+at (.*node_modules|new Promise \(<anonymous>\))/.test(l))
        .join('\n')
        .trim();
      res.details.push(`✗ ${name} > ${title}\n` + indent(tail(msg.split('\n'), 30).join('\n') || '(no message)'));
    }
    if (file.status === 'failed' && failedAssertions.length === 0) {
      res.failed++;
      const msg = stripAnsi(file.message ?? '').trim();
      res.details.push(`✗ ${name} (test file failed to run)\n` + indent(tail(msg.split('\n'), 30).join('\n') || '(no message)'));
    }
  }
  if (step.status !== '0' && res.failed === 0) {
    res.failed = 1;
    res.note = `vitest exited ${step.status} without a failed test`;
  }
  return res;
}

function walkPlaywright(suite, titles, visit) {
  const here = suite.title ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? []) visit(spec, here);
  for (const child of suite.suites ?? []) walkPlaywright(child, here, visit);
}

function summarisePlaywright(outDir, step) {
  const res = { name: 'playwright', passed: 0, failed: 0, skipped: 0, flaky: 0, details: [], note: '' };
  if (!step || step.status === 'skipped') {
    res.failed = 1;
    res.note = step ? 'skipped' : 'did not run';
    return res;
  }
  const { data, missing, error } = readJSONFile(path.join(outDir, 'playwright.json'));
  if (!data) {
    res.failed = 1;
    res.note = missing ? 'playwright.json missing' : `playwright.json ${error}`;
    return res;
  }
  const stats = data.stats ?? {};
  res.flaky = Number(stats.flaky ?? 0);
  res.passed = Number(stats.expected ?? 0) + res.flaky;
  res.failed = Number(stats.unexpected ?? 0);
  res.skipped = Number(stats.skipped ?? 0);
  for (const top of data.suites ?? []) {
    walkPlaywright(top, [], (spec, titles) => {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
        const where = `${spec.file ?? ''}${spec.line ? `:${spec.line}` : ''}`;
        const project = t.projectName ? `[${t.projectName}] ` : '';
        const title = `${project}${where} › ${[...titles.slice(1), spec.title].join(' › ')}`;
        if (t.status === 'flaky') {
          res.details.push(`~ flaky (passed on retry): ${title}`);
          continue;
        }
        const results = t.results ?? [];
        const last = results[results.length - 1] ?? {};
        const errs = (last.errors?.length ? last.errors : last.error ? [last.error] : []).map((e) =>
          stripAnsi(e.message ?? e.value ?? JSON.stringify(e)).trim()
        );
        res.details.push(`✗ ${title}\n` + indent(tail(errs.join('\n').split('\n'), 30).join('\n') || '(no message)'));
      }
    });
  }
  for (const e of data.errors ?? []) {
    res.failed++;
    res.details.push(`✗ playwright error\n` + indent(tail(stripAnsi(e.message ?? e.value ?? JSON.stringify(e)).split('\n'), 30).join('\n')));
  }
  if (step.status !== '0' && res.failed === 0) {
    res.failed = 1;
    res.note = `playwright exited ${step.status} without a failed test`;
  }
  return res;
}

function summarise(outDir) {
  const steps = readSteps(outDir);
  const stepFor = (suite) => {
    const s = steps.filter((x) => x.suite === suite);
    return s[s.length - 1];
  };
  const suites = [
    summariseGo(outDir, stepFor('go')),
    summariseVitest(outDir, stepFor('vitest')),
    summarisePlaywright(outDir, stepFor('playwright')),
  ];
  const otherSteps = steps.filter((s) => s.suite === '-');
  const failedSteps = otherSteps.filter((s) => s.status !== '0');

  let passed = 0;
  let failed = 0;
  for (const s of suites) {
    passed += s.passed;
    failed += s.failed;
  }
  failed += failedSteps.length;

  const anyDetails = suites.some((s) => s.details.some((d) => !d.startsWith('~'))) || failedSteps.length;
  if (anyDetails || suites.some((s) => s.details.length)) {
    console.log('');
    console.log(anyDetails ? '================ failures ================' : '============== flaky tests ===============');
    for (const st of failedSteps) {
      console.log(
        st.status === 'skipped'
          ? `✗ step "${st.name}" was skipped`
          : `✗ step "${st.name}" failed (exit ${st.status}; its output is above)`
      );
    }
    for (const s of suites) {
      if (!s.details.length) continue;
      console.log(`\n---------------- ${s.name} ----------------`);
      for (const d of s.details) console.log(d);
    }
  }

  console.log('');
  console.log('================ summary =================');
  const pad = (s) => s.padEnd(12);
  for (const s of suites) {
    const bits = [`${s.passed} passed`, `${s.failed} failed`];
    if (s.skipped) bits.push(`${s.skipped} skipped`);
    if (s.flaky) bits.push(`${s.flaky} flaky`);
    console.log(`${pad(s.name)}${bits.join(', ')}${s.note ? `  (${s.note})` : ''}`);
  }
  if (otherSteps.length) {
    const desc = otherSteps
      .map((s) => `${s.name}: ${s.status === '0' ? 'ok' : s.status === 'skipped' ? 'SKIPPED' : `FAILED (exit ${s.status})`}`)
      .join(', ');
    console.log(`${pad('steps')}${desc}`);
  }
  console.log(`${pad('results')}${outDir}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : EXIT_FAILED;
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--go-progress') {
    await goProgress();
    return 0;
  }
  if (args.length !== 1) {
    console.error('usage: summarise.mjs OUTDIR | summarise.mjs --go-progress < go-test.json');
    return 2;
  }
  try {
    return summarise(path.resolve(args[0]));
  } catch (e) {
    console.log(`summarise.mjs: internal error: ${e?.stack ?? e}`);
    console.log('0 passed, 1 failed');
    return EXIT_FAILED;
  }
}

process.exitCode = await main();
