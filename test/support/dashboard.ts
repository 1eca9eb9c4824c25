import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { makeSite, run, writeProjectFile } from './site.js';

// test/fixtures/stale: the SMTP codes 250 and 550; labels in de (renamed nl below), fr and vi; de and fr translate
// smtp/550 (de its title and description, fr its title). `site.home` is on line 4 of every label file.

function editEnglishLabels(root: string, edit: (labels: Record<string, Record<string, string>>) => void): void {
  const labels = JSON.parse(readFileSync(path.join(root, 'locales/en.json'), 'utf8'));
  edit(labels);
  writeFileSync(path.join(root, 'locales/en.json'), `${JSON.stringify(labels, null, 2)}\n`);
}

/**
 * The stale fixture with its translations' English recorded, then changed: the label `site.home`
 * (to `home`) and the title of smtp/550; and Hebrew labels, right to left, with one form of `home.codeCount`.
 */
export async function dashboardSite(home = 'Start page'): Promise<string> {
  // Dutch and Hebrew: languages code-compare has no labels of, so nothing of theirs is filled in by the tool's own.
  const root = makeSite({ fixture: 'stale' });
  renameSync(path.join(root, 'locales/de.json'), path.join(root, 'locales/nl.json'));
  renameSync(path.join(root, 'locales/de'), path.join(root, 'locales/nl'));
  const confirmed = await run('confirm', '--root', root);
  expect(confirmed.code, confirmed.stderr).toBe(0);
  editEnglishLabels(root, (labels) => (labels.site!.home = home));
  const code = path.join(root, 'codes/smtp/550.md');
  writeFileSync(code, readFileSync(code, 'utf8').replace('title: Mailbox unavailable', 'title: Mailbox unavailable or refused'));
  writeProjectFile(root, 'locales/he.json', `${JSON.stringify({ meta: { languageName: 'עברית' }, site: { home: 'דף הבית' }, home: { codeCount_other: '{{count}} קודים' } }, null, 2)}\n`);
  return root;
}
