import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeCorpus } from './corpus.js';
import { backgroundDone, formatTable, settleDisk, timedBuild } from './measure.js';

export interface ScalePoint {
  readonly codesPerFamily: number;
  readonly pages: number;
  readonly seconds: number;
  readonly pagesPerSecond: number;
  readonly peakRssMb: number;
}

/**
 * Full builds of three families in ten languages, growing from about 10,000 to about 75,000
 * pages (26 to 70 codes a family): how time and peak memory grow with the site. Each corpus is
 * built once, in a new folder, and removed after.
 */
export async function measureScale(cli: string, repo: string, dir: string, sizes: readonly number[] = [26, 46, 58, 70]): Promise<ScalePoint[]> {
  const points: ScalePoint[] = [];
  for (const codes of sizes) {
    const root = mkdtempSync(path.join(dir, 'code-compare-scale-'));
    try {
      writeCorpus(root, repo, { codes, languages: 10, families: 3, translated: 0.5 });
      settleDisk();
      const result = await timedBuild(cli, root, path.join(root, 'dist'), undefined);
      // Not removed under the copy the build left to a process of its own, nor measured beside it.
      await backgroundDone(path.join(root, 'dist'));
      const pages = Number(/built ([\d,]+) pages/.exec(result.stdout)?.[1]?.replace(/,/g, '') ?? NaN);
      points.push({ codesPerFamily: codes, pages, seconds: result.seconds, pagesPerSecond: Math.round(pages / result.seconds), peakRssMb: Math.round(result.rssKb / 1024) });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return points;
}

export function scaleTable(points: readonly ScalePoint[]): string {
  const header = ['codes/family', 'pages', 'seconds', 'pages/s', 'peak RSS MB'];
  const rows = points.map((p) => [String(p.codesPerFamily), p.pages.toLocaleString('en-US'), p.seconds.toFixed(2), String(p.pagesPerSecond), String(p.peakRssMb)]);
  return formatTable(header, rows);
}
