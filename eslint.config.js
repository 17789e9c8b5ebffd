// Lint rules, including the layer boundaries from DESIGN.md (rule 6): the renderer never
// reaches Electron, Node, SQLite or the backend; shared/ stays platform-free; the backend
// never imports Electron or a door; the doors do not import each other; SQL stays in repos.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'url',
  'util',
]

/**
 * One layer's import boundary: the src-main folders it may not import, and whether the Electron
 * module itself is off limits (everything but the desktop shell runs under plain Node).
 */
function layerRules(files, folders, noElectron) {
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: noElectron
              ? [
                  {
                    name: 'electron',
                    message:
                      'Only src-main/electron may import Electron; the rest runs under plain Node.',
                  },
                ]
              : [],
            patterns: [
              {
                group: folders.map((f) => `**/${f}/**`),
                message:
                  'Layers: the backend imports no door, and doors do not import each other; put shared door code in src-main/doors/.',
              },
            ],
          },
        ],
      },
    },
  ]
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      '.tmp/**',
      'screenshots/**',
      'node_modules/**',
      'src-renderer/components.d.ts',
      'bench/results.json',
      // The build's bundled config, written and deleted while lint runs beside it in npm test.
      '*.config.ts.*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to the backend only through src/api/.',
            },
            { name: 'better-sqlite3', message: 'The renderer never touches the database.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'No Node APIs in the renderer.' },
            {
              group: [
                '**/src-main/backend/**',
                '**/backend/**',
                '**/src-main/electron/**',
                '**/src-main/web/**',
                '**/src-main/cli/**',
              ],
              message: 'The renderer may import only @shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is platform-free.' },
            { name: 'better-sqlite3', message: 'shared/ is platform-free.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is platform-free (the renderer imports it).' },
            {
              group: ['**/backend/**', '**/electron/**', '**/web/**', '**/cli/**'],
              message: 'shared/ imports nothing else of ours.',
            },
          ],
        },
      ],
    },
  },
  // The backend runs under plain Node and knows no door; the doors (desktop window, browser
  // door, command line) never import each other: what they share lives in src-main/doors/.
  ...layerRules('src-main/backend/**/*.ts', ['electron', 'web', 'cli', 'doors'], true),
  ...layerRules('src-main/doors/**/*.ts', ['electron', 'web', 'cli'], true),
  ...layerRules('src-main/web/**/*.ts', ['electron', 'cli'], true),
  ...layerRules('src-main/cli/**/*.ts', ['electron', 'web'], true),
  ...layerRules('src-main/electron/**/*.ts', ['web', 'cli'], false),
  {
    // SQL lives in *.repo.ts (DESIGN.md): handlers and helpers call a repo function instead.
    files: ['src-main/**/*.ts'],
    ignores: ['**/*.repo.ts', 'src-main/backend/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='prepare'][arguments.0.type=/^(Literal|TemplateLiteral)$/], CallExpression[callee.name='prep']",
          message: "SQL lives in *.repo.ts: add a function to the feature's repo and call it.",
        },
        {
          selector:
            'Literal[value=/^\\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM)\\s/], TemplateElement[value.raw=/^\\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM)\\s/]',
          message: "SQL lives in *.repo.ts: add a function to the feature's repo and call it.",
        },
      ],
    },
  },
  prettier,
)
