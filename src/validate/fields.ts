import { diagnostic, type Diagnostic, type Position } from '../diagnostics.js';
import type { YamlPath } from '../load/front-matter.js';

/** What a field reader needs of a parsed file: its path, its data, and where a field sits. */
export interface FieldSource {
  readonly path: string;
  readonly data: Record<string, unknown>;
  readonly locate: (at: YamlPath) => Position;
}

const typeName = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;

/**
 * Reads typed fields from front matter, recording a diagnostic for each missing or mistyped one
 * instead of throwing, so one run reports every problem of a file.
 */
export class FieldReader {
  constructor(
    readonly source: FieldSource,
    readonly diagnostics: Diagnostic[],
  ) {}

  error(at: YamlPath, rule: string, message: string): void {
    this.diagnostics.push(diagnostic(this.source.path, this.source.locate(at), 'error', rule, message));
  }

  warn(at: YamlPath, rule: string, message: string): void {
    this.diagnostics.push(diagnostic(this.source.path, this.source.locate(at), 'warning', rule, message));
  }

  has(key: string): boolean {
    return this.source.data[key] !== undefined && this.source.data[key] !== null;
  }

  /** A string field; numbers are accepted and turned into strings when `coerceNumber` (codes like 553). */
  string(key: string, options: { required?: boolean; coerceNumber?: boolean } = {}): string | undefined {
    const value = this.source.data[key];
    if (value === undefined || value === null || value === '') {
      if (options.required) this.error([key], 'missing-field', `required field \`${key}\` is missing or empty`);
      return undefined;
    }
    if (typeof value === 'number' && options.coerceNumber) return String(value);
    if (typeof value !== 'string') {
      this.error([key], 'field-type', `\`${key}\` must be a string, not ${typeName(value)}`);
      return undefined;
    }
    if (value.trim() === '') {
      if (options.required) this.error([key], 'missing-field', `required field \`${key}\` is empty`);
      return undefined;
    }
    return value.trim();
  }

  list(key: string): unknown[] {
    const value = this.source.data[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.error([key], 'field-type', `\`${key}\` must be a list, not ${typeName(value)}`);
      return [];
    }
    return value;
  }

  /** A list of strings (numbers are taken as strings, so `related: [550, 553]` works); an item given twice is an error. */
  stringList(key: string): string[] {
    const seen = new Map<string, number>();
    return this.list(key).flatMap((item, index) => {
      const value = typeof item === 'string' && item.trim() !== '' ? item.trim() : typeof item === 'number' ? String(item) : undefined;
      if (value === undefined) {
        this.error([key, index], 'field-type', `each item of \`${key}\` must be a string, not ${typeName(item)}`);
        return [];
      }
      const first = seen.get(value);
      if (first !== undefined) {
        this.error([key, index], 'duplicate-entry', `\`${key}\` lists "${value}" twice (items ${first + 1} and ${index + 1}); remove one`);
        return [];
      }
      seen.set(value, index);
      return [value];
    });
  }

  mapping(key: string, options: { required?: boolean } = {}): Record<string, unknown> | undefined {
    const value = this.source.data[key];
    if (value === undefined || value === null) {
      if (options.required) this.error([key], 'missing-field', `required field \`${key}\` is missing`);
      return undefined;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.error([key], 'field-type', `\`${key}\` must be a mapping, not ${typeName(value)}`);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.error([key], 'field-value', `\`${key}\` must be one of ${allowed.join(', ')}, not "${value}"`);
      return undefined;
    }
    return value as T;
  }

  /** Warns about fields the format does not know, which are usually typos (`descripton`). */
  unknownFields(known: readonly string[]): void {
    for (const key of Object.keys(this.source.data)) {
      if (!known.includes(key)) this.warn([key], 'unknown-field', `unknown field \`${key}\`; known fields: ${known.join(', ')}`);
    }
  }
}
