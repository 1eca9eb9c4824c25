import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';

/** html-validate:recommended findings of the given pages, one line each; stops after `limit`. */
export async function validatePages(dist: string, files: readonly string[], limit = 20): Promise<string[]> {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(path.join(dist, file), 'utf8'), file);
    for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.message} [${m.ruleId}]`);
    if (problems.length >= limit) break;
  }
  return problems;
}
