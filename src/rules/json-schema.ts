import * as z from 'zod';
import { ruleSchemas } from './rule-schema.js';

/**
 * JSON Schema of a rule file, with `$defs` for editions, overlay manifests, JSON overlays and
 * parameter files. Written to rules/rule.schema.json for editors; refinements (date checks,
 * fact and placeholder checks) happen at load and are not expressible here.
 */
export function ruleJsonSchema(): Record<string, unknown> {
  const opts = { unrepresentable: 'any', target: 'draft-2020-12' } as const;
  const { RuleFileSchema, EditionSchema, OverlayManifestSchema, OverlayInputSchema, ParameterFileSchema } = ruleSchemas();
  const root = z.toJSONSchema(RuleFileSchema, opts) as Record<string, unknown>;
  const defs = (root.$defs ?? {}) as Record<string, unknown>;
  const strip = (s: object): Record<string, unknown> => {
    const { $schema: _ignored, ...rest } = s as Record<string, unknown>;
    return rest;
  };
  return {
    ...root,
    title: 'iop-rules rule file',
    $defs: {
      ...defs,
      edition: strip(z.toJSONSchema(EditionSchema, opts)),
      overlay: strip(z.toJSONSchema(OverlayManifestSchema, opts)),
      overlayInput: strip(z.toJSONSchema(OverlayInputSchema, opts)),
      parameter: strip(z.toJSONSchema(ParameterFileSchema, opts)),
    },
  };
}
