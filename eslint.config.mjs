import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

// The layers, enforced: app/ -> components/ -> lib/. Domain code in lib/ knows nothing of
// React or Next; the few adapters that must (the action wrapper, page guards, Auth.js, and the
// thin "use server" action files) live in lib/next/ and lib/**/actions.ts. Only lib/ talks to
// Prisma. See docs/decisions/0005-permissions-and-layers.md.
const UI_LAYERS = {
  group: ['@/app/*', '@/components/*', '**/app/**', '**/components/**'],
  message: 'lib/ never imports app/ or components/: move the shared piece into lib/.',
}
const FRAMEWORK = {
  group: ['react', 'react-dom', 'react/*', 'next', 'next/*', 'next-auth', 'next-auth/*', 'next-intl', 'next-intl/*'],
  message: 'Domain code imports no React or Next: put the adapter in lib/next/ or an actions.ts file.',
}
const PRISMA = {
  group: ['@prisma/*', '@/lib/generated/*', '**/generated/prisma/*'],
  message: 'Only lib/ talks to Prisma: import the type or DTO from the domain module instead.',
}

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'lib/generated/**',
    'dist/**',
    '.data/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
  ]),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-console': 'error',
    },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/next/**', 'lib/**/actions.ts', 'lib/**/*-actions.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [UI_LAYERS, FRAMEWORK] }] },
  },
  {
    files: ['lib/next/**', 'lib/**/actions.ts', 'lib/**/*-actions.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [UI_LAYERS] }] },
  },
  {
    files: ['app/**', 'components/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PRISMA] }] },
  },
  {
    // prisma.config.ts patches untyped internals of pg and Prisma's Wasm engine (see its comments).
    files: ['prisma.config.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Scripts, benchmarks and tests talk to the console and may reach any layer.
    files: ['scripts/**', 'bench/**', 'tests/**', 'prisma/**'],
    rules: { 'no-console': 'off' },
  },
])
