// Lint rules for the whole project (kept under tests/ so the top level stays as the product owner set it).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { basePath: '..' },
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'lib/kb/generated/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  { rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['tests/**'],
    rules: {
      // Tests build fixture DOMs from literal markup; product code never parses HTML strings.
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Never write innerHTML: build nodes.',
        },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never inject HTML into the card.' },
      ],
    },
  },
);
