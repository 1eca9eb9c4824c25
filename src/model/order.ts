/**
 * Orders codes component by component, numerically where both components are numbers:
 * compareCodes('550', '553') < 0, compareCodes('5.1.2', '5.1.10') < 0, compareCodes('4xx', '5xx') < 0.
 */
export function compareCodes(a: string, b: string): number {
  const left = a.split(/[.\-_]/);
  const right = b.split(/[.\-_]/);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const order = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return order;
  }
  return 0;
}

/** Every unordered pair of distinct items, each pair ordered so that `a` sorts before `b`. */
export function unorderedPairs(codes: readonly string[]): Array<readonly [string, string]> {
  const sorted = [...codes].sort(compareCodes);
  const pairs: Array<readonly [string, string]> = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) pairs.push([sorted[i]!, sorted[j]!]);
  }
  return pairs;
}

/** The longest key of `classes` that prefixes `code`: classOf('553', {'5': …, '55': …}) → '55'. */
export function classPrefix(code: string, classes: Readonly<Record<string, unknown>>): string | undefined {
  let best: string | undefined;
  for (const prefix of Object.keys(classes)) {
    if (code.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  return best;
}
