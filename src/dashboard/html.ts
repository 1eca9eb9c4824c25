import type { DiffPart } from '../cli/word-diff.js';
import { escapeHtml as e } from '../render/html.js';
import type { Count, Dashboard, DashboardEntry, DashboardLanguage, EntryPart } from './model.js';
import { DASHBOARD_CSS } from './style.js';
import { countText } from '../count-text.js';

const percent = (count: Count) => (count.total === 0 ? 100 : Math.floor((count.done / count.total) * 1000) / 10);

const plural = (n: number, one: string, many: string) => `${countText(n)} ${n === 1 ? one : many}`;

/** Text in the language of the entry, marked so screen readers and the bidi algorithm treat it as such. */
const own = (language: DashboardLanguage, text: string) => `<span lang="${e(language.tag)}" dir="${language.dir}">${e(text)}</span>`;

const anchor = (tag: string) => `lang-${tag.replace(/[^A-Za-z0-9-]/g, '_')}`;

function bar(language: DashboardLanguage, id: string, title: string, count: Count): string {
  const label = `${anchor(language.tag)}-${id}`;
  return `<span id="${label}">${e(title)}</span>
<meter min="0" max="${Math.max(count.total, 1)}" value="${count.total === 0 ? 1 : count.done}" aria-labelledby="${label}" aria-describedby="${label}-n"></meter>
<span id="${label}-n" class="count" data-done="${count.done}" data-total="${count.total}">${countText(count.done)} of ${countText(count.total)} (${percent(count)}%)</span>`;
}

function diff(parts: readonly DiffPart[]): string {
  return parts.map((p) => (p.kind === 'removed' ? `<del>${e(p.text)}</del>` : p.kind === 'added' ? `<ins>${e(p.text)}</ins>` : e(p.text))).join('');
}

function part(language: DashboardLanguage, item: EntryPart): string {
  const rows = [
    item.diff ? `<dd class="diff"><span class="label">English then → now:</span> ${diff(item.diff)}</dd>` : '',
    !item.diff && item.english !== undefined ? `<dd class="english"><span class="label">English:</span> ${e(item.english)}</dd>` : '',
    item.diff && item.english === undefined ? '<dd class="english"><span class="label">English now:</span> (removed)</dd>' : '',
    item.translation !== undefined ? `<dd class="translation"><span class="label">Translation now:</span> ${own(language, item.translation)}</dd>` : '',
  ];
  return `<dt>${e(item.part)}</dt>${rows.join('')}`;
}

function entry(language: DashboardLanguage, item: DashboardEntry): string {
  const where = item.line === undefined ? item.file : `${item.file}:${item.line}:${item.column}`;
  const unknown = item.englishThen === 'unknown' ? '<p class="note">English then: unknown (not recorded); the English now is shown.</p>' : '';
  const links = item.pages.map((p) => `<a href="${e(p.href)}">${e(p.name)}</a>`).join(', ');
  const pages = item.everyPage ? `Shown by the page templates wherever they use it, e.g. on ${links}` : `Shown on ${links}`;
  return `<li class="entry" data-kind="${item.kind}" data-id="${e(item.id)}">
<h4><code>${e(item.id)}</code> <span class="label">${item.kind}</span></h4>
<p class="where">Edit <code class="file">${e(where)}</code></p>${unknown}
<dl class="parts">${item.parts.map((p) => part(language, p)).join('\n')}</dl>
<p class="pages">${pages}</p>
</li>`;
}

/** Counted as `status` counts them: a stale label or text, a missing label or field of a text. */
const counted = (kind: 'stale' | 'missing', items: readonly DashboardEntry[]) => items.reduce((n, item) => n + (item.kind === 'label' || kind === 'stale' ? 1 : item.parts.length), 0);

function entries(language: DashboardLanguage, kind: 'stale' | 'missing', items: readonly DashboardEntry[]): string {
  const count = counted(kind, items);
  const heading = kind === 'stale' ? `Stale: the English changed since they were translated (${count})` : `Missing (${count})`;
  if (items.length === 0) return `<h3>${heading}</h3>\n<p class="note">None.</p>`;
  const list = `<ol class="entries ${kind}">\n${items.map((item) => entry(language, item)).join('\n')}\n</ol>`;
  // Long lists of missing strings are folded; the stale ones, fewer and more urgent, are open.
  return kind === 'stale' ? `<h3>${heading}</h3>\n${list}` : `<details class="missing"><summary><h3>${heading}</h3></summary>\n${list}\n</details>`;
}

function section(language: DashboardLanguage): string {
  const id = anchor(language.tag);
  const bars = [bar(language, 'labels', 'Labels', language.labels), bar(language, 'content', 'Content', language.content)];
  if (language.indexable) bars.push(bar(language, 'indexable', 'Indexable pages', language.indexable));
  const unrecorded = language.unrecordedLabels > 0 ? `<p class="note">${plural(language.unrecordedLabels, 'translated label has', 'translated labels have')} no English recorded yet: run <code>code-compare confirm --lang ${e(language.tag)}</code>.</p>` : '';
  return `<section id="${id}" class="language" data-tag="${e(language.tag)}" aria-labelledby="${id}-title">
<h2 id="${id}-title">${own(language, language.name)} <span class="tag">${e(language.tag)}</span></h2>
<div class="coverage">
${bars.join('\n')}
</div>
${unrecorded}
${entries(language, 'stale', language.stale)}
${entries(language, 'missing', language.missing)}
</section>`;
}

/** The translation dashboard: one self-contained HTML page, every text of the project escaped. */
export function renderDashboard(dashboard: Dashboard): string {
  const nav = dashboard.languages.map((l) => `<li><a href="#${anchor(l.tag)}">${own(l, l.name)} (${e(l.tag)})</a>: ${counted('stale', l.stale)} stale, ${counted('missing', l.missing)} missing</li>`);
  const body = dashboard.languages.length === 0 ? '<p>No language besides English has a locales/TAG.json yet.</p>' : dashboard.languages.map(section).join('\n');
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Translation status</title>
<style>${DASHBOARD_CSS}</style>
</head>
<body>
<header>
<h1>Translation status</h1>
<p class="note">Written by <code>code-compare status --html</code>. Page links lead to the built site at <code>${e(dashboard.siteBase)}</code>. In the word diffs, <del>struck-out</del> words were removed from the English and <ins>underlined</ins> ones added since the translation was made.</p>
<nav aria-label="Languages"><ul>
${nav.join('\n')}
</ul></nav>
</header>
<main>
${body}
</main>
</body>
</html>
`;
}
