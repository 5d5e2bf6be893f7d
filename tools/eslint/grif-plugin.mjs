// @ts-check
/**
 * Two rules the stock ones cannot express:
 * - `pure-imports`: an allow-list (not a deny-list) of what pure code may import, where a relative import
 *   counts only if it stays inside its own folder. `no-restricted-imports` matches the specifier text alone,
 *   so it cannot tell `./events` from `../../libs/persistence/src`.
 * - `no-inline-config`: with `noInlineConfig` ESLint ignores a directive but only warns about it; this makes
 *   the directive itself an error, so nobody believes it switched a rule off.
 */
import path from 'node:path';

/** @param {string} source @param {string[]} packages */
const isAllowedPackage = (source, packages) => packages.includes(source);

/** @type {import('eslint').Rule.RuleModule} */
const pureImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Pure code imports only the listed packages and its own folder.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          packages: { type: 'array', items: { type: 'string' } },
          area: { type: 'string' },
        },
        required: ['root', 'packages', 'area'],
        additionalProperties: false,
      },
    ],
    messages: {
      refused: "{{area}} is pure: it may import only {{allowed}} and its own files; '{{source}}' is not allowed.",
      computed: '{{area}} is pure: require() with a computed name cannot be checked against the allow-list.',
    },
  },
  create(context) {
    const { root, packages, area } = context.options[0];
    const allowed = packages.join(', ');
    const dir = path.dirname(context.filename);

    /** @param {string} source */
    const isAllowed = (source) => {
      if (source.startsWith('.')) {
        const target = path.resolve(dir, source);
        return target === root || target.startsWith(root + path.sep);
      }
      return isAllowedPackage(source, packages);
    };

    /** @param {any} literal the node holding the specifier */
    const check = (literal) => {
      if (!literal) return;
      if (literal.type !== 'Literal' || typeof literal.value !== 'string') {
        context.report({ node: literal, messageId: 'computed', data: { area } });
        return;
      }
      if (!isAllowed(literal.value)) {
        context.report({ node: literal, messageId: 'refused', data: { area, allowed, source: literal.value } });
      }
    };

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      /** @param {any} node `import x = require('y')` */
      TSImportEqualsDeclaration: (node) => {
        if (node.moduleReference.type === 'TSExternalModuleReference') check(node.moduleReference.expression);
      },
      /** @param {any} node `type T = import('y').T` */
      TSImportType: (node) => check(node.source ?? node.argument?.literal),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

// Block comments carry every kind of directive; line comments only the -line and -next-line disables.
const BLOCK_DIRECTIVE = /^\s*(eslint|eslint-[a-z-]+|globals?|exported)(\s|$)/;
const LINE_DIRECTIVE = /^\s*eslint-[a-z-]+(\s|$)/;

/** @type {import('eslint').Rule.RuleModule} */
const noInlineConfig = {
  meta: {
    type: 'problem',
    docs: { description: 'No inline ESLint directives: the rules here are not negotiable line by line.' },
    schema: [],
    messages: {
      refused: 'Inline ESLint directives are refused here (noInlineConfig): change the code, or the config in review.',
    },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const directive = comment.type === 'Block' ? BLOCK_DIRECTIVE : LINE_DIRECTIVE;
          if (directive.test(comment.value))
            context.report({ loc: comment.loc ?? { line: 1, column: 0 }, messageId: 'refused' });
        }
      },
    };
  },
};

export default {
  meta: { name: 'grif' },
  rules: { 'pure-imports': pureImports, 'no-inline-config': noInlineConfig },
};
