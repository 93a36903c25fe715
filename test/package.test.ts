// The built package: both module formats load, export the public API, and bundle for a browser.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const built = existsSync('dist/index.js') && existsSync('dist/index.cjs');
const PUBLIC = [
  'DEFAULT_INPUT_LIMITS',
  'DEFECT_CODES',
  'INPUT_ISSUE_CODES',
  'IopCaseSchema',
  'IopDefect',
  'IopInputError',
  'RuleDefinitionError',
  'VERSION',
  'assess',
  'assessMany',
  'caseJsonSchema',
  'compareRuleSets',
  'describeFact',
  'draftAgreement',
  'formatVerdict',
  'groupIssuesByField',
  'jsonPointer',
  'listRuleSets',
  'listRules',
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
  });
});
