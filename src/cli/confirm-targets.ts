import { promises as fs } from 'node:fs';
import path from 'node:path';
import { flattenLabels, splitPluralKey } from '../i18n/labels.js';
import { translationPath } from '../i18n/source-paths.js';
import { SOURCE_LANGUAGE } from '../i18n/tags.js';
import type { ValidatedProject } from '../project.js';
import { englishSource } from '../validate/english-source.js';
import { translationOf } from '../validate/translations.js';
import { UsageError } from './options.js';

/** What `confirm` was asked to record: label keys and content ids, per language. */
export interface ConfirmTargets {
  /** tag → label keys (a plural group by its base key). */
  readonly labels: Map<string, Set<string>>;
  /** tag → content ids (`smtp/553`). */
  readonly content: Map<string, Set<string>>;
  /** Items that name nothing that can be confirmed, one message each. */
  readonly faults: string[];
}

const exists = (file: string) => fs.stat(file).then(() => true, () => false);

function add(map: Map<string, Set<string>>, tag: string, item: string): void {
  (map.get(tag) ?? map.set(tag, new Set()).get(tag)!).add(item);
}

/**
 * Resolves each item: a path relative to the root (a translation `locales/<tag>/<family>/<code>.md`,
 * or an English file under codes/ for the languages of --lang), a content id (`smtp/553`), or a
 * label key (`site.home`, or any form of a plural label). `tags` are the languages of --lang.
 */
export async function resolveTargets(root: string, project: ValidatedProject, items: readonly string[], tags: readonly string[] | undefined): Promise<ConfirmTargets> {
  const targets: ConfirmTargets = { labels: new Map(), content: new Map(), faults: [] };
  const needTags = (item: string) => {
    if (!tags) throw new UsageError(`which language is ${item} confirmed for? add --lang TAG`);
    return tags;
  };
  const addContent = async (tag: string, id: string) => {
    if (translationOf(project.translations, tag, id)) add(targets.content, tag, id);
    else if (!(await exists(path.join(root, translationPath(tag, id))))) targets.faults.push(`no such file: ${translationPath(tag, id)}`);
    else targets.faults.push(`${translationPath(tag, id)} is not a usable translation; see \`code-compare check\``);
  };
  const english = new Set(flattenLabels(project.labelReports.find((r) => r.tag === SOURCE_LANGUAGE)?.labels ?? {}).flatMap(([key]) => [key, splitPluralKey(key).base]));
  for (const item of items) {
    if (item.endsWith('.md')) {
      const rel = path.relative(root, path.resolve(root, item)).split(path.sep).join('/');
      if (!(await exists(path.join(root, rel)))) {
        targets.faults.push(`no such file: ${rel} (paths are relative to --root, ${root})`);
        continue;
      }
      const translation = /^locales\/([^/]+)\/(.+)\.md$/.exec(rel);
      const english = /^codes\/(.+)\.md$/.exec(rel);
      if (translation && (!tags || tags.includes(translation[1]!))) await addContent(translation[1]!, translation[2]!);
      else if (translation) targets.faults.push(`${rel} is a translation into ${translation[1]}, not into ${tags!.join(', ')} (--lang)`);
      else if (english && englishSource(project.families, english[1]!)) for (const tag of needTags(rel)) await addContent(tag, english[1]!);
      else targets.faults.push(`${rel}: not a translation (locales/<tag>/<family>/<code>.md) or an English code, family or pair file under codes/`);
    } else if (item.includes('/')) {
      if (!englishSource(project.families, item)) targets.faults.push(`no English content ${item} (codes/${item}.md)`);
      else for (const tag of needTags(item)) await addContent(tag, item);
    } else if (!english.has(item)) {
      targets.faults.push(`no label \`${item}\` in locales/en.json`);
    } else {
      for (const tag of needTags(item)) {
        const report = project.labelSources.find((r) => r.tag === tag)!;
        const base = report.current.has(item) ? item : splitPluralKey(item).base;
        if (report.current.has(base)) add(targets.labels, tag, base);
        else targets.faults.push(`\`${item}\` is not translated in locales/${tag}.json yet; nothing to confirm`);
      }
    }
  }
  return targets;
}
