import { languageSlug, textDirection } from '../i18n/tags.js';
import { compareCodes } from '../model/order.js';
import { escapeHtml } from '../render/html.js';
import type { AnchorCode, AnchorData, AnchorPage, Labels, PagesOf } from './anchor-data.js';

/**
 * The Eleventy anchor's render functions, called from its .11ty.js templates: plain template
 * literals, every text escaped, Markdown already rendered by the data file. The pages carry the
 * same sections as code-compare's, without its layout's navigation, search and scripts.
 */

type Page<K extends AnchorPage['kind']> = PagesOf<K>[number];

const esc = (text: string): string => escapeHtml(text);

function lookup(labels: Labels, key: string): string | undefined {
  let node: unknown = labels;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** A label with `{{name}}` filled in, escaped; English where the language lacks it. */
function t(data: AnchorData, lang: string, key: string, values: Readonly<Record<string, string | number>> = {}): string {
  const template = lookup(data.labels[lang]!, key) ?? lookup(data.labels.en ?? {}, key) ?? key;
  return esc(template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)));
}

const plurals = new Map<string, Intl.PluralRules>();
const directions = new Map<string, string>();

function direction(lang: string): string {
  let dir = directions.get(lang);
  if (!dir) directions.set(lang, (dir = textDirection(lang)));
  return dir;
}

function count(data: AnchorData, lang: string, key: string, n: number): string {
  let rules = plurals.get(lang);
  if (!rules) plurals.set(lang, (rules = new Intl.PluralRules(lang)));
  const form = lookup(data.labels[lang]!, `${key}_${rules.select(n)}`) !== undefined ? rules.select(n) : 'other';
  return t(data, lang, `${key}_${form}`, { count: n });
}

function code(data: AnchorData, lang: string, family: string, c: string): AnchorCode {
  return data.codes[`${lang}/${family}/${c}`]!;
}

function familyName(data: AnchorData, id: string): string {
  return data.families.find((f) => f.id === id)?.name ?? id;
}

const href = (lang: string, ...parts: string[]) => `/${[languageSlug(lang), ...parts].join('/')}/`;

/** The document around a page: head with title, description and the page in every language, then the content. */
function documentOf(data: AnchorData, lang: string | undefined, title: string, description: string, path: (lang: string) => string, main: string): string {
  const pageLang = lang ?? 'en';
  const alternates = data.languages.map((l) => `<link rel="alternate" hreflang="${esc(l)}" href="${path(l)}">`).join('\n');
  const switcher = lang ? `<nav class="languages"><ul>${data.languages.map((l) => `<li><a href="${path(l)}" hreflang="${esc(l)}" lang="${esc(l)}">${t(data, l, 'meta.languageName')}</a></li>`).join('')}</ul></nav>` : '';
  return `<!doctype html>
<html lang="${esc(pageLang)}" dir="${direction(pageLang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
${alternates}
</head>
<body>
<header><a href="${lang ? href(lang) : '/'}">${t(data, pageLang, 'site.name')}</a>${switcher}</header>
<main id="main">
${main}
</main>
<footer><p>${t(data, pageLang, 'site.footer')}</p></footer>
</body>
</html>
`;
}

function references(data: AnchorData, lang: string, c: AnchorCode): string {
  const items = c.references.map((r) => {
    const label = r.section ? t(data, lang, 'reference.rfcSection', { rfc: r.rfc, section: r.section }) : t(data, lang, 'reference.rfc', { rfc: r.rfc });
    return `<li><a href="https://www.rfc-editor.org/rfc/rfc${r.rfc}${r.section ? `#section-${esc(r.section)}` : ''}">${label}</a></li>`;
  });
  return `<ul class="references">${items.join('')}</ul>`;
}

function transcript(data: AnchorData, lang: string, c: AnchorCode): string {
  const lines = c.example.map((l) => `<span class="line ${l.who === 'C' ? 'client' : 'server'}">${l.who ? `<span class="who">${l.who}:</span> ` : ''}${esc(l.line)}</span>`);
  return `<figure class="transcript"><pre dir="ltr" lang="en"><code>${lines.join('\n')}</code></pre><figcaption>${t(data, lang, 'code.exampleLegend')}</figcaption></figure>`;
}

export function chooserPage(data: AnchorData): string {
  const items = data.languages.map((l) => `<li><a href="${href(l)}" lang="${esc(l)}">${t(data, l, 'meta.languageName')}</a></li>`).join('\n');
  const main = `<h1>${t(data, 'en', 'chooser.heading')}</h1>\n<ul class="languages">\n${items}\n</ul>`;
  return documentOf(data, undefined, t(data, 'en', 'chooser.title'), t(data, 'en', 'chooser.description', { count: data.languages.length }), (l) => href(l), main);
}

export function notFoundPage(data: AnchorData): string {
  return documentOf(data, undefined, t(data, 'en', 'notFound.title'), t(data, 'en', 'notFound.text'), (l) => href(l), `<h1>${t(data, 'en', 'notFound.title')}</h1>\n<p>${t(data, 'en', 'notFound.text')}</p>`);
}

export function homePage(data: AnchorData, page: Page<'home'>): string {
  const { lang } = page;
  const families = data.families.map((f) => {
    const pairs = (f.codes.length * (f.codes.length - 1)) / 2;
    return `<li><a href="${href(lang, f.id)}">${esc(f.title)}</a> <span>${count(data, lang, 'home.codeCount', f.codes.length)}, ${count(data, lang, 'home.comparisonCount', pairs)}</span></li>`;
  });
  const main = `<h1>${t(data, lang, 'home.title')}</h1>\n<p>${t(data, lang, 'home.intro')}</p>\n<h2>${t(data, lang, 'home.families')}</h2>\n<ul>${families.join('\n')}</ul>`;
  return documentOf(data, lang, t(data, lang, 'home.title'), t(data, lang, 'home.description'), (l) => href(l), main);
}

export function familyPage(data: AnchorData, page: Page<'family'>): string {
  const { lang, family } = page;
  const meta = data.families.find((f) => f.id === family)!;
  const byClass = new Map<string, AnchorCode[]>();
  for (const c of meta.codes.map((c) => code(data, lang, family, c))) byClass.set(c.classPrefix, [...(byClass.get(c.classPrefix) ?? []), c]);
  const sections = [...byClass].map(([prefix, codes]) => {
    const items = codes.map((c) => `<li><a href="${href(lang, family, c.code)}"><span class="code" dir="ltr">${esc(c.code)}</span> ${esc(c.title)}</a></li>`);
    return `<section><h2>${t(data, lang, 'family.classHeading', { prefix, className: codes[0]!.className })}</h2>\n<ul class="code-list">\n${items.join('\n')}\n</ul></section>`;
  });
  const main = `<h1>${esc(meta.title)}</h1>\n${meta.introHtml}\n<p>${count(data, lang, 'family.codeCount', meta.codes.length)}</p>\n${sections.join('\n')}`;
  return documentOf(data, lang, t(data, lang, 'family.titleBare', { family: meta.name }), t(data, lang, 'family.description', { family: meta.name }), (l) => href(l, family), main);
}

export function codePage(data: AnchorData, page: Page<'code'>): string {
  const { lang, family } = page;
  const c = code(data, lang, family, page.code);
  const name = familyName(data, family);
  const others = data.families.find((f) => f.id === family)!.codes.filter((o) => o !== c.code);
  const related = c.related.map((r) => code(data, lang, family, r)).filter(Boolean);
  const pairHref = (o: string) => href(lang, family, compareCodes(o, c.code) < 0 ? `${o}-vs-${c.code}` : `${c.code}-vs-${o}`);
  const main = `<article class="code-page">
<header><p class="code-badge class-${esc(c.classPrefix)}" dir="ltr">${esc(name)} ${esc(c.code)}</p>
<h1>${esc(c.title)}</h1>
<p class="class-line">${t(data, lang, 'code.classLine', { family: name, code: c.code, className: c.className })}</p></header>
<section><h2 id="desc">${t(data, lang, 'code.description')}</h2><p>${c.descriptionHtml}</p></section>
<section><h2 id="when">${t(data, lang, 'code.when')}</h2><p>${c.whenHtml}</p></section>
<section><h2 id="fix">${t(data, lang, 'code.fix')}</h2>
<dl class="fix"><dt>${t(data, lang, 'code.fixSender')}</dt><dd>${c.fixHtml}</dd><dt>${t(data, lang, 'code.fixAdmin')}</dt><dd>${c.fixAdminHtml}</dd></dl></section>
<section><h2 id="details">${t(data, lang, 'code.details')}</h2>
${c.bodyHtml}</section>
<section><h2 id="example">${t(data, lang, 'code.example')}</h2>
${transcript(data, lang, c)}</section>
<section><h2 id="related">${t(data, lang, 'code.related')}</h2>
<ul class="code-list">${related.map((r) => `<li><a href="${href(lang, family, r.code)}"><span class="code" dir="ltr">${esc(r.code)}</span> ${esc(r.title)}</a></li>`).join('\n')}</ul></section>
<section><h2 id="comparisons">${t(data, lang, 'code.compareWith', { code: c.code })}</h2>
<ul class="chips" dir="ltr">${others.map((o) => `<li><a href="${pairHref(o)}">${esc(o)}</a></li>`).join('')}</ul></section>
<section><h2 id="references">${t(data, lang, 'code.references')}</h2>
${references(data, lang, c)}</section>
</article>`;
  return documentOf(data, lang, t(data, lang, 'code.title', { family: name, code: c.code, title: c.title }), t(data, lang, 'code.descriptionBare', { family: name, code: c.code }), (l) => href(l, family, c.code), main);
}

export function pairPage(data: AnchorData, page: Page<'pair'>): string {
  const { lang, family } = page;
  const [a, b] = [code(data, lang, family, page.a), code(data, lang, family, page.b)];
  const name = familyName(data, family);
  const both = [a, b];
  const vars = { family: name, a: a.code, b: b.code, titleA: a.title, titleB: b.title };
  const verdict = a.classPrefix === b.classPrefix ? t(data, lang, 'compare.verdictAlike', { ...vars, className: a.className }) : t(data, lang, 'compare.verdictDifferentClass', { ...vars, classA: a.className, classB: b.className });
  const row = (label: string, cell: (c: AnchorCode) => string) => `<tr><th scope="row">${label}</th>${both.map((c) => `<td data-code="${esc(c.code)}">${cell(c)}</td>`).join('')}</tr>`;
  const main = `<article class="pair-page">
<header><h1>${t(data, lang, 'compare.heading', vars)}</h1>
<p class="verdict">${verdict}</p></header>
<section><h2 id="side-by-side">${t(data, lang, 'compare.sideBySide')}</h2>
<table class="side-by-side"><thead><tr><th scope="col">${t(data, lang, 'compare.aspect')}</th>${both.map((c) => `<th scope="col" dir="ltr">${esc(c.code)}</th>`).join('')}</tr></thead>
<tbody>
${row(t(data, lang, 'compare.row.class'), (c) => esc(c.className))}
${row(t(data, lang, 'compare.row.meaning'), (c) => esc(c.title))}
${row(t(data, lang, 'compare.row.outcome'), (c) => t(data, lang, `outcome.${c.outcome}`))}
${row(t(data, lang, 'compare.row.actor'), (c) => t(data, lang, `actor.${c.actor}`))}
</tbody></table></section>
<section><h2 id="when-to-use">${t(data, lang, 'compare.whenToUse')}</h2>
${both.map((c) => `<h3>${t(data, lang, 'compare.ifYouGot', { code: c.code })}</h3>\n<p>${c.fixHtml}</p>\n<p>${c.fixAdminHtml}</p>`).join('\n')}</section>
<section><h2 id="the-codes">${t(data, lang, 'compare.theCodes')}</h2>
${both
  .map(
    (c) => `<section class="code-card"><h3><a href="${href(lang, family, c.code)}"><span class="code-badge" dir="ltr">${esc(name)} ${esc(c.code)}</span> ${esc(c.title)}</a></h3>
<h4>${t(data, lang, 'code.description')}</h4><p>${c.descriptionHtml}</p>
<h4>${t(data, lang, 'code.when')}</h4><p>${c.whenHtml}</p></section>`,
  )
  .join('\n')}</section>
<section><h2 id="examples">${t(data, lang, 'compare.examples')}</h2>
${both.map((c) => `<h3 dir="ltr">${esc(name)} ${esc(c.code)}</h3>\n${transcript(data, lang, c)}`).join('\n')}</section>
<section><h2 id="learn-more">${t(data, lang, 'compare.learnMore')}</h2>
<h3>${t(data, lang, 'code.references')}</h3>
${both.map((c) => references(data, lang, c)).join('\n')}</section>
</article>`;
  return documentOf(data, lang, t(data, lang, 'compare.title', vars), t(data, lang, 'compare.description', vars), (l) => href(l, family, `${a.code}-vs-${b.code}`), main);
}
