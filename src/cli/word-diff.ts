import { diffWords } from 'diff';

/** Unchanged words kept on each side of a change; longer unchanged stretches are cut to `…`. */
const CONTEXT_WORDS = 6;

function shorten(text: string, keepStart: boolean, keepEnd: boolean): string {
  const words = text.split(/(\s+)/);
  const limit = CONTEXT_WORDS * 2;
  const wordCount = Math.ceil(words.length / 2);
  if (wordCount <= (keepStart && keepEnd ? limit * 2 : limit)) return text;
  const head = keepStart ? words.slice(0, limit).join('') : '';
  const tail = keepEnd ? words.slice(-limit).join('') : '';
  return `${head}…${tail}`;
}

/**
 * The change from `then` to `now` word by word, marked as `git diff --word-diff=plain` marks it:
 * `[-removed-]{+added+}`. Long unchanged stretches are shortened to the words around each change.
 */
export function wordDiff(then: string | undefined, now: string | undefined): string {
  const parts = diffWords(then ?? '', now ?? '');
  return parts
    .map((part, index) => {
      if (part.removed) return `[-${part.value}-]`;
      if (part.added) return `{+${part.value}+}`;
      return shorten(part.value, index > 0, index < parts.length - 1);
    })
    .join('');
}
