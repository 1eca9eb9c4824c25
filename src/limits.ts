/**
 * Bounds on what one input file may hold, so a broken or hostile file gets a clear error instead
 * of a build that takes memory without limit. Each is far above what real content needs: the
 * largest bundled code file has 3.4 KB, en.json 5 KB with 91 labels, nested 3 deep.
 */

/** Bytes of a Markdown file (code, family, translation) or a template. */
export const MAX_TEXT_BYTES = 1024 * 1024;

/** Bytes of a label file. */
export const MAX_LABEL_FILE_BYTES = 2 * 1024 * 1024;

/** Bytes of an asset (templates/assets/). */
export const MAX_ASSET_BYTES = 4 * 1024 * 1024;

/** Labels in one label file. */
export const MAX_LABELS = 10_000;

/** Levels of nesting in a label file. */
export const MAX_NESTING = 32;

/** Alias expansions in one front matter: `yaml`'s guard against a "billion laughs". */
export const MAX_YAML_ALIASES = 100;

/** Diagnostics of one rule in one file; the rest are counted in one more. */
export const MAX_REPEATED_DIAGNOSTICS = 20;
