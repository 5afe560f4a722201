// Runs theme/static/js/search.js under node against a built site's search/ folder and prints
// the results of each query as JSON, so a Swift test can compare them with `opsdocs search`:
// the first ten, the next ten, and the number of matching pages.
// usage: node parity.mjs SEARCH_JS SITE_DIR QUERY...
import { readFileSync } from "node:fs";
import vm from "node:vm";
const [jsPath, site, ...queries] = process.argv.slice(2);
const context = {
  TextEncoder, TextDecoder, Uint8Array, Blob, Response, DecompressionStream, JSON, URL, Map, Promise, Math, Array,
  String, console,
  performance: { now: () => 0 },
  document: { currentScript: { getAttribute: () => "/" }, readyState: "complete", querySelector: () => null,
              getElementById: () => null, addEventListener: () => {} },
  fetch: async (url) => {
    // The bytes as a static host serves them (the index files are gzip-compressed JSON).
    try { const bytes = readFileSync(site + url); return { ok: true, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) }; }
    catch { return { ok: false, arrayBuffer: async () => null }; }
  },
};
context.window = context;
vm.createContext(context);
vm.runInContext(readFileSync(jsPath, "utf8"), context);
const out = {};
for (const q of queries) {
  const first = await context.window.opsdocsSearch.search(q, 10);
  const next = await context.window.opsdocsSearch.search(q, 10, 10);
  out[q] = { first: Array.from(first), next: Array.from(next), total: first.total };
}
console.log(JSON.stringify(out));
