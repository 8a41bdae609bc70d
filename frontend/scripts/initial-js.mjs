// What a first visit must download before the app can start: the entry script of index.html and
// every module it preloads. Shared by the build's size check (bundle-size.mjs, reading dist/) and
// the benchmark (lighthouse.mjs, reading what a server sends).
import { gzipSync } from 'node:zlib';

/** The script URLs index.html loads up front, in document order: module scripts and modulepreloads. */
export function initialScripts(html) {
  const urls = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
    if (/^<script/i.test(tag) && attr('type') === 'module' && attr('src')) urls.push(attr('src'));
    if (/^<link/i.test(tag) && attr('rel') === 'modulepreload' && attr('href')) urls.push(attr('href'));
  }
  return [...new Set(urls)];
}

/** Bytes after gzip at the level a server would typically use. */
export function gzipSize(content) {
  return gzipSync(content, { level: 9 }).length;
}

export function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
