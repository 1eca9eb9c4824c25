import { Worker, isMainThread, workerData, parentPort } from 'node:worker_threads';
import { validateProject } from '/work/main/lib/project.js';
import { allPages } from '/work/main/lib/model/pages.js';
import { Renderer } from '/work/main/lib/render/renderer.js';
if (isMainThread) {
  const project = await validateProject({ root: process.argv[2], baseUrl: 'https://x.example/' });
  const n = Number(process.argv[3]);
  const ws = Array.from({ length: n }, (_, i) => new Worker(new URL(import.meta.url), { workerData: { site: project.site, i, n } }));
  await Promise.all(ws.map((w) => new Promise((res) => w.on('exit', res))));
} else {
  const { site, i, n } = workerData; const r = new Renderer(site); const pages = allPages(site);
  for (const [a, b] of [[0, 2000], [20000, 22000], [30000, 32000]]) { const s = performance.now(); for (let k = a + i; k < b; k += n) r.render(pages[k]); console.log(`w${i}`, a, ((performance.now() - s) * 1000 / ((b - a) / n)).toFixed(0), 'µs/page'); }
}
