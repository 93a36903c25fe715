// Build time only (scripts/catalogue-plugin.mjs bundles and runs this while building the package
// and the test server): validate the bundled rule files with the very code that validates JSON
// overlays at run time, and hash every bundled rule set. The package then ships the validated
// catalogue and its hashes, and does neither at start-up. A broken rule file fails the build.
import { loadCatalogue, type PreparedCatalogue } from './catalogue.js';
import { assembleRuleSet } from './rule-set.js';

export type { PreparedCatalogue } from './catalogue.js';

/** Validate the files (throws RuleDefinitionError on a defect) and hash the bundled rule sets. */
export function prepareCatalogue(files: ReadonlyArray<{ readonly path: string; readonly json: unknown }>): PreparedCatalogue {
  const cat = loadCatalogue(files);
  const hashes: Record<string, string> = {};
  for (const [id, folder] of cat.guidelines) {
    if (!folder.edition) continue;
    for (const overlays of [[], ...[...cat.overlays.keys()].map((o) => [o])]) {
      const res = assembleRuleSet(cat, { ruleSet: id, asOf: folder.edition.effective.from, overlays });
      if (!res.ok) throw new Error(`rule set ${[id, ...overlays].join(' + ')} does not resolve: ${res.issues.map((i) => i.message.en).join('; ')}`);
      hashes[[id, ...overlays].join('|')] = res.set.hash;
    }
  }
  return {
    law: cat.law,
    guidelines: [...cat.guidelines.values()],
    overlays: [...cat.overlays.entries()],
    parameters: [...cat.parameters.values()],
    ruleIds: [...cat.ruleIds],
    hashes,
  };
}
