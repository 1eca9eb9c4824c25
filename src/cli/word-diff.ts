import { diffWords } from 'diff';

/** Unchanged words kept on each side of a change; longer unchanged stretches are cut to `…`. */
const CONTEXT_WORDS = 6;

/** One stretch of a word diff: text in both versions, removed from the English then, or added in the English now. */
export interface DiffPart {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
}

/** Tokens up to and including the `count`th word. */
function leadingWords(tokens: readonly string[], count: number): string[] {
  const taken: string[] = [];
  let words = 0;
  for (const token of tokens) {
    if (words === count) break;
    taken.push(token);
    if (/\S/.test(token)) words++;
  }
  return taken;
}

function shorten(text: string, keepStart: boolean, keepEnd: boolean): string {
  const tokens = text.match(/\s+|\S+/g) ?? [];
  const words = tokens.filter((t) => /\S/.test(t)).length;
  const kept = (keepStart ? CONTEXT_WORDS : 0) + (keepEnd ? CONTEXT_WORDS : 0);
  if (words <= kept + CONTEXT_WORDS) return text;
  const head = keepStart ? leadingWords(tokens, CONTEXT_WORDS).join('') : '';
  const tail = keepEnd ? leadingWords([...tokens].reverse(), CONTEXT_WORDS).reverse().join('') : '';
  return `${head}…${tail}`;
}

/** The change from `then` to `now` word by word; long unchanged stretches are shortened to the words around each change. */
export function wordDiffParts(then: string | undefined, now: string | undefined): DiffPart[] {
  const parts = diffWords(then ?? '', now ?? '');
  return parts.map((part, index): DiffPart => {
    if (part.removed) return { kind: 'removed', text: part.value };
    if (part.added) return { kind: 'added', text: part.value };
    return { kind: 'same', text: shorten(part.value, index > 0, index < parts.length - 1) };
  });
}

/**
 * The change from `then` to `now` word by word, marked as `git diff --word-diff=plain` marks it:
 * `[-removed-]{+added+}`. Long unchanged stretches are shortened to the words around each change.
 */
export function wordDiff(then: string | undefined, now: string | undefined): string {
  return wordDiffParts(then, now)
    .map((part) => (part.kind === 'removed' ? `[-${part.text}-]` : part.kind === 'added' ? `{+${part.text}+}` : part.text))
    .join('');
}
