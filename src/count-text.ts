/**
 * 50522 → "50,522", as `toLocaleString('en-US')` writes a whole number, without loading the
 * platform's number formats: their first use costs about 20 ms, a tenth of a build with nothing to do.
 */
export function countText(n: number): string {
  return Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : n.toLocaleString('en-US');
}
