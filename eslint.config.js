import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// react-i18next's useTranslation copies the i18next instance for each component on every render;
// ~/i18n/use-translation gives the same { t, i18n } without it (decision 080).
const oneUseTranslation = {
  name: "react-i18next",
  importNames: ["useTranslation"],
  message: "Import useTranslation from ~/i18n/use-translation.",
};

// Math.max(...values) passes each value as an argument: past about 100,000 (an organisation's
// people at 200,000) it overflows the stack and the page answers 500.
const noSpreadExtremes = {
  selector:
    "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
  message: "Use largest() or smallest() from ~/utils/extremes: a spread list overflows the stack.",
};

export default tseslint.config(
  // test/fixtures/import holds excerpts of other projects' files as they publish them (Snowflake's constants.js is Flow, not JavaScript).
  {
    ignores: [
      "build/",
      ".cache/",
      ".react-router/",
      ".tmp/",
      "node_modules/",
      "prisma/generated/",
      "test-results/",
      "playwright-report/",
      "test/.databases/",
      "prisma/schema-engine.mjs",
      "test/fixtures/import/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
      "no-restricted-imports": ["error", { paths: [oneUseTranslation] }],
    },
  },
  {
    // The app's lists grow with the organisation; the tests' and scripts' are their own.
    files: ["app/**", "server/**"],
    rules: { "no-restricted-syntax": ["error", noSpreadExtremes] },
  },
  {
    // A page's action reads its form through formOf: a body of another kind is a 400, not a 500.
    files: ["app/routes/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        noSpreadExtremes,
        {
          selector: "CallExpression[callee.property.name='formData']",
          message: "Read the form with formOf(request) from ~/utils/http.server.",
        },
      ],
    },
  },
  {
    // Domain modules raise domain errors (app/modules/errors.ts); only routes and the
    // one mapping in app/utils/http.server.ts speak HTTP.
    files: ["app/modules/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react-router", "@react-router/*"],
              message:
                "Domain modules do not import the framework: throw a domain error from ~/modules/errors.",
            },
          ],
          paths: [
            {
              name: "~/utils/http.server",
              message:
                "Domain modules do not build responses: throw a domain error from ~/modules/errors.",
            },
            oneUseTranslation,
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        noSpreadExtremes,
        {
          selector: "NewExpression[callee.name='Response']",
          message:
            "Domain modules do not build responses: throw a domain error from ~/modules/errors.",
        },
        {
          selector: "MemberExpression[object.name='Response']",
          message:
            "Domain modules do not build responses: throw a domain error from ~/modules/errors.",
        },
      ],
    },
  },
);
