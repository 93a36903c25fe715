// Every rule file under rules/, as the build reads them: sorted by name, schema files left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function ruleFiles(): Array<{ path: string; json: unknown }> {
  const root = join(import.meta.dirname, '../../rules');
  const out: Array<{ path: string; json: unknown }> = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.json') && !e.name.endsWith('.schema.json')) out.push({ path: relative(root, full).split('\\').join('/'), json: JSON.parse(readFileSync(full, 'utf8')) });
    }
  };
  walk(root);
  return out;
}
