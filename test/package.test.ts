// The built package: both module formats load, export the public API, and bundle for a browser.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const built = existsSync('dist/index.js') && existsSync('dist/index.cjs');
const PUBLIC = [
  'DEFAULT_INPUT_LIMITS',
  'DEFECT_CODES',
  'INPUT_ISSUE_CODES',
  'IopCaseSchema',
  'IopDefect',
  'IopDraftRefusedError',
  'IopInputError',
  'RULE_SET_IDS',
  'RuleDefinitionError',
  'VERSION',
  'assess',
  'assessMany',
  'caseJsonSchema',
  'compactVerdict',
  'compareRuleSets',
  'describeFact',
  'draftAgreement',
  'formatVerdict',
  'groupIssuesByField',
  'isRuleSetId',
  'jsonPointer',
  'listRuleSets',
  'listRules',
  'prepareRuleSet',
  'ruleJsonSchema',
  'safeAssess',
  'validateCase',
];

describe('package', () => {
  it('VERSION equals package.json version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  describe.runIf(built)('built output', () => {
    it('ESM and CJS entries export the same public API', async () => {
      // A computed specifier: the typecheck runs before the build, when dist/ may not exist yet.
      const entry: string = '../dist/index.js';
      const esm = (await import(/* @vite-ignore */ entry)) as Record<string, unknown>;
      const cjs = createRequire(import.meta.url)('../dist/index.cjs') as Record<string, unknown>;
      expect(Object.keys(esm).sort()).toEqual(PUBLIC);
      expect(Object.keys(cjs).sort()).toEqual(PUBLIC);
    });

    it('the CJS build assesses a case', async () => {
      const cjs = createRequire(import.meta.url)('../dist/index.cjs') as { assess: (i: unknown, o: unknown) => Promise<{ outcome: string }> };
      expect((await cjs.assess({ organisation: { legalForm: 'enskild-firma' } }, { asOf: '2025-03-01' })).outcome).toBe('not-eligible');
    });

    it('bundles for a browser: no Node built-ins in the library', async () => {
      const esbuild = await import('esbuild');
      const res = await esbuild.build({ entryPoints: ['dist/index.js'], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
      expect(res.errors).toEqual([]);
      const code = res.outputFiles[0]?.text ?? '';
      expect(code).not.toMatch(/from ["']node:/);
      expect(code.length).toBeGreaterThan(10000);
    });

    it('CommonJS: index and testing share one catalogue chunk, so one IopInputError class', () => {
      const cjs = readdirSync('dist').filter((f) => f.endsWith('.cjs'));
      const withCatalogue = cjs.filter((f) => readFileSync(join('dist', f), 'utf8').includes('{"law":['));
      expect(withCatalogue).toHaveLength(1);
      const chunk = withCatalogue[0] as string;
      for (const entry of ['index.cjs', 'testing.cjs']) expect(readFileSync(join('dist', entry), 'utf8')).toMatch(new RegExp(`require\\(["']\\./${chunk.replace('.', '\\.')}["']\\)`));
      const req = createRequire(import.meta.url);
      const index = req('../dist/index.cjs') as { IopInputError: unknown };
      const chunkExports = req(`../dist/${chunk}`) as Record<string, unknown>;
      expect(Object.values(chunkExports)).toContain(index.IopInputError);
    });

    it('ships no sourcemaps', () => {
      expect(readdirSync('dist').filter((f) => f.endsWith('.map'))).toEqual([]);
    });

    it('iop-rules/testing type-checks under moduleResolution node10 (module commonjs)', { timeout: 60_000 }, () => {
      const app = mkdtempSync(join(tmpdir(), 'iop-node10-'));
      mkdirSync(join(app, 'node_modules'));
      symlinkSync(resolve('.'), join(app, 'node_modules', 'iop-rules'), 'dir');
      // zod resolves from the package's own node_modules through the link.
      writeFileSync(join(app, 'app.ts'), "import { favourableCase, runCaseFile } from 'iop-rules/testing';\nimport { assess, type CaseInput } from 'iop-rules';\nconst c: CaseInput = favourableCase();\nvoid assess(c, { ruleSet: 'stockholm-2023' });\nvoid runCaseFile({});\n// @ts-expect-error a misspelt field in a literal case (the built types check it)\nvoid assess({ organisation: { nmae: 'x' } });\n// @ts-expect-error not a rule set\nvoid assess(c, { ruleSet: 'stockholm-2099' });\n");
      const program = ts.createProgram([join(app, 'app.ts')], { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, strict: true, noEmit: true, skipLibCheck: true, ignoreDeprecations: '6.0', types: [] });
      const diags = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diags).toEqual([]);
    });
  });

  it('declares as runtime dependencies exactly the packages the shipped code imports (zod as a peer)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> };
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    const imported = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(join('src', f), 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^'.][^']*)'/gm)) {
        const spec = m[1] as string;
        if (spec.startsWith('node:') || spec.startsWith('virtual:')) continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string));
      }
    }
    expect([...imported].sort()).toEqual([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)].sort());
  });

  it('declares zod as a peer dependency and no exact pins for runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string>; files: string[] };
    expect(pkg.peerDependencies.zod).toMatch(/^\^4\./);
    expect(pkg.dependencies.zod).toBeUndefined();
    for (const [name, range] of Object.entries(pkg.dependencies)) expect(range, name).toMatch(/^\^/);
    expect(pkg.files).toEqual(expect.arrayContaining(['schema', 'testing']));
    // esbuild's postinstall only swaps in its platform binary, which it also finds without it:
    // denied, so an install runs no dependency code and npm has nothing to warn about.
    expect((pkg as { allowScripts?: Record<string, boolean> }).allowScripts).toEqual({ esbuild: false });
  });
});
