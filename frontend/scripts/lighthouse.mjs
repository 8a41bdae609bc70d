#!/usr/bin/env node
// Lighthouse (performance only) against a running Peerbridge: the public catalogue, anonymous, and
// a programme's dashboard, signed in as a coordinator. Part of the benchmark, not of the tests: the
// scores depend on the machine and on how fast the API answers.
//
//   node scripts/lighthouse.mjs BASE_URL [--preset desktop|mobile] [--runs N] [--json FILE]
//
// Environment:
//   PEERBRIDGE_BENCH_EMAIL, PEERBRIDGE_BENCH_PASSWORD  a coordinator's account (required for the dashboard)
//   PEERBRIDGE_BENCH_PROGRAMME  the programme whose dashboard to open (default: the first the account coordinates)
//   CHROME_PATH                 the browser (default /usr/bin/chromium); never downloaded
//
// The web app keeps its session as a refresh token in localStorage (peerbridge.refresh) and the
// access token in memory, so the script signs in through the API, stores the refresh token on the
// app's origin, empties the HTTP cache, and lets Lighthouse load the dashboard without resetting
// storage: a cold load of a signed-in page. With several runs the median run (by score) is shown.
import { writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { gzipSize, initialScripts, kB } from './initial-js.mjs';

const REFRESH_TOKEN_KEY = 'peerbridge.refresh';

function usage(message) {
  if (message) console.error(message);
  console.error('usage: lighthouse.mjs BASE_URL [--preset desktop|mobile] [--runs N] [--json FILE]');
  process.exit(2);
}

const args = process.argv.slice(2);
let base = '';
let preset = 'desktop';
let runs = 1;
let jsonOut = '';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--preset') preset = args[++i];
  else if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--json') jsonOut = args[++i];
  else if (!base) base = args[i];
  else usage(`unexpected argument ${args[i]}`);
}
if (!base) usage();
if (!['desktop', 'mobile'].includes(preset)) usage(`unknown preset ${preset}`);
if (!(runs >= 1)) usage('--runs wants a number ≥ 1');
base = base.replace(/\/+$/, '');

async function api(path, { token, body } = {}) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${body ? 'POST' : 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function signIn() {
  const email = process.env.PEERBRIDGE_BENCH_EMAIL;
  const password = process.env.PEERBRIDGE_BENCH_PASSWORD;
  if (!email || !password) return null;
  return api('/auth/login', { body: { email, password } });
}

async function dashboardPath(pair) {
  let id = process.env.PEERBRIDGE_BENCH_PROGRAMME;
  if (!id) {
    const list = await api('/programmes', { token: pair.access_token });
    id = list.items.find((p) => p.my_roles?.includes('coordinator'))?.id;
    if (!id) throw new Error(`${pair.user.email} coordinates no programme; set PEERBRIDGE_BENCH_PROGRAMME`);
  }
  return `/programmes/${id}/dashboard`;
}

/** The initial JavaScript as this server sends it (entry + modulepreloads), gzipped here. */
async function initialJavaScript() {
  const html = await (await fetch(`${base}/catalogue`)).text();
  let total = 0;
  const urls = initialScripts(html);
  for (const url of urls) total += gzipSize(Buffer.from(await (await fetch(new URL(url, `${base}/`))).arrayBuffer()));
  return { files: urls.length, gzip: total };
}

const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check'];

async function measure(chrome, path, { signedIn }) {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  try {
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    // Any same-origin file that is not the app: the app must first run with the session in place.
    await page.goto(`${base}/favicon.svg`);
    if (signedIn) {
      const pair = await signIn();
      await page.evaluate((key, token) => window.localStorage.setItem(key, token), REFRESH_TOKEN_KEY, pair.refresh_token);
    } else {
      await page.evaluate(() => window.localStorage.clear());
    }
    await page.close();
  } finally {
    browser.disconnect();
  }
  const result = await lighthouse(
    `${base}${path}`,
    // The dashboard's API can take many seconds at full size: give the load a minute.
    { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: signedIn, maxWaitForLoad: 60_000 },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audit = (id) => lhr.audits[id];
  // The API requests of the load and the longest of them: the server's share of the wait.
  const apiRequests = (audit('network-requests').details?.items ?? [])
    .filter((r) => r.url.includes('/api/'))
    .map((r) => ({ url: r.url.replace(base, ''), status: r.statusCode, ms: Math.round((r.networkEndTime ?? 0) - (r.networkRequestTime ?? r.rendererStartTime ?? 0)) }));
  const apiWait = Math.max(0, ...apiRequests.map((r) => r.ms));
  // A request still open when Lighthouse stopped (status -1) or an error: the page never showed its data.
  const apiFailed = apiRequests.filter((r) => !(r.status >= 200 && r.status < 400));
  if (process.env.PEERBRIDGE_LIGHTHOUSE_REPORT_DIR) {
    writeFileSync(`${process.env.PEERBRIDGE_LIGHTHOUSE_REPORT_DIR}/${path.replace(/\W+/g, '_')}.json`, result.report);
  }
  const scripts = audit('resource-summary').details?.items?.find((i) => i.resourceType === 'script');
  const finalUrl = lhr.finalDisplayedUrl ?? lhr.finalUrl;
  if (signedIn && !finalUrl.includes(path)) throw new Error(`the dashboard redirected to ${finalUrl}: the session was not restored`);
  return {
    page: path,
    finalUrl,
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcp: audit('first-contentful-paint').numericValue,
    lcp: audit('largest-contentful-paint').numericValue,
    tbt: audit('total-blocking-time').numericValue,
    cls: audit('cumulative-layout-shift').numericValue,
    mainThread: audit('mainthread-work-breakdown').numericValue,
    bootup: audit('bootup-time').numericValue,
    jsTransferred: scripts?.transferSize ?? 0,
    apiWait,
    apiRequests,
    cpuIndex: Math.round(lhr.environment?.benchmarkIndex ?? 0),
    apiStatus: apiFailed.length === 0 ? 'ok' : apiFailed.map((r) => `${r.url.split('?')[0].split('/').pop()} ${r.status < 0 ? 'unfinished' : r.status}`).join(', '),
  };
}

function median(results) {
  // Runs where the page never got its data measure something else: only when all are like that.
  const complete = results.filter((r) => r.apiStatus === 'ok');
  const sorted = [...(complete.length ? complete : results)].sort((a, b) => a.score - b.score);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const ms = (v) => `${Math.round(v)} ms`;
const s = (v) => `${(v / 1000).toFixed(2)} s`;

const pair = await signIn();
const pages = [{ name: 'public catalogue', path: '/catalogue', signedIn: false }];
if (pair) pages.push({ name: 'dashboard (coordinator)', path: await dashboardPath(pair), signedIn: true });
else console.error('PEERBRIDGE_BENCH_EMAIL / PEERBRIDGE_BENCH_PASSWORD not set: the dashboard is skipped');

const initialJS = await initialJavaScript();
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || '/usr/bin/chromium', chromeFlags });
const rows = [];
try {
  for (const p of pages) {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await measure(chrome, p.path, p));
    rows.push({ name: p.name, runs: all, ...median(all) });
  }
} finally {
  await chrome.kill();
}

console.log(`Lighthouse ${preset} preset (performance), ${base}, ${runs} run(s) per page, median shown`);
const header = ['page', 'score', 'FCP', 'LCP', 'TBT', 'CLS', 'main-thread work', 'JS execution', 'JS transferred', 'API wait', 'API', 'CPU index'];
const table = rows.map((r) => [r.name, String(r.score), s(r.fcp), s(r.lcp), ms(r.tbt), r.cls.toFixed(3), s(r.mainThread), s(r.bootup), kB(r.jsTransferred), ms(r.apiWait), r.apiStatus, String(r.cpuIndex)]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table) console.log(line(row));
console.log(`initial JavaScript: ${kB(initialJS.gzip)} gzip in ${initialJS.files} files (entry + modulepreloads, as served)`);
console.log('API wait: the longest API request of the load (server time, not the page\'s own work; it delays LCP)');
console.log('API: "ok" when every API request of the load answered; otherwise the page measured is not the finished page');
console.log('CPU index: Lighthouse\'s benchmarkIndex during the run; a low value means a busy machine and inflated TBT and main-thread figures');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ preset, base, runs, initialJS, pages: rows }, null, 2));
