/**
 * Where a translation's English origin is recorded (docs/translation-sources.md). Content is named
 * by its id, `<family>/<code>`, `<family>/_family` or `<family>/pairs/<a>-vs-<b>`.
 */

/** `locales/<tag>.source.json`: label key → the English text the label was translated from. */
export const LABEL_SOURCES_SUFFIX = '.source.json';

/** `locales/_sources/`: the English versions of code, family and pair texts that translations were made from. */
export const CONTENT_SOURCES_DIR = '_sources';

export const labelSourcesPath = (tag: string): string => `locales/${tag}${LABEL_SOURCES_SUFFIX}`;

export const contentSourcesPath = (id: string): string => `locales/${CONTENT_SOURCES_DIR}/${id}.json`;

export const translationPath = (tag: string, id: string): string => `locales/${tag}/${id}.md`;

export const englishPath = (id: string): string => `codes/${id}.md`;
