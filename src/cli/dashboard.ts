import path from 'node:path';
import { dashboardModel } from '../dashboard/model.js';
import { renderDashboard } from '../dashboard/html.js';
import { replaceFile } from '../write/text-file.js';
import type { Output } from './report.js';
import { collectProjectStatus, type StatusCommandOptions } from './status.js';

/** The built site as seen from the dashboard's folder: `build`'s default output, ROOT/dist. */
function defaultSiteBase(root: string, dir: string): string {
  const relative = path.relative(dir, path.join(root, 'dist')).split(path.sep).join('/');
  return `${relative}/`;
}

/** `status --html DIR`: writes DIR/index.html, the translation dashboard. */
export async function dashboardCommand(options: StatusCommandOptions, output: Output): Promise<number> {
  const { project, languages } = await collectProjectStatus(options);
  const dir = path.resolve(options.html!);
  const siteBase = options.siteBase ?? defaultSiteBase(path.resolve(options.root ?? '.'), dir);
  const file = path.join(dir, 'index.html');
  await replaceFile(file, renderDashboard(dashboardModel(project, languages, siteBase)));
  output.out(`wrote ${path.relative(process.cwd(), file) || file} (page links lead to ${siteBase})`);
  return 0;
}
