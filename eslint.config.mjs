import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import tseslint from "typescript-eslint";

// Dependency direction (ARCHITECTURE.md): app → lib/http → lib/<domain> → lib/db, lib/core.
// app/ and components/ never touch the database or process.env; lib/ never imports Next or React.
const noProcessEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: "Read configuration through lib/config (the only reader of process.env).",
};
const frameworkFree = { group: ["next", "next/*", "react", "react-dom", "next-intl", "next-intl/*"], message: "lib/ is framework-free." };
const notUpward = { group: ["@/app/*", "@/components/*"], message: "lib/ never depends on app/ or components/." };
const notHttp = { group: ["@/lib/http", "@/lib/http/*", "../http/*"], message: "Domain modules do not depend on lib/http (it depends on them)." };
const bottomOnly = {
  group: ["@/lib/*", "!@/lib/core", "!@/lib/core/*", "!@/lib/config", "!@/lib/config/*", "!@/lib/db", "!@/lib/db/*"],
  message: "lib/core, lib/db and lib/config sit at the bottom: they import no domain module.",
};

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", "dist/**", "dist.*/**", ".data/**", "lib/db/generated/**", "next-env.d.ts", "e2e/screenshots/**", "bench/results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["**/*.mjs"], languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly" } } },
  { files: ["app/**", "components/**"], plugins: { "@next/next": nextPlugin }, rules: { ...nextPlugin.configs.recommended.rules } },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@/lib/db", "@/lib/db/*", "pg", "@prisma/*", "@electric-sql/*"], message: "app/ and components/ never touch the database: call a lib/<domain> function." },
        { group: ["@/lib/http/routes/*"], message: "Pages call domain functions, not route handlers." },
      ] }],
      "no-restricted-syntax": ["error", noProcessEnv],
    },
  },
  {
    files: ["lib/**"],
    ignores: ["lib/i18n/**", "lib/testing/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [frameworkFree, notUpward, notHttp] }] },
  },
  {
    files: ["lib/http/**", "lib/cli/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [frameworkFree, notUpward] }] },
  },
  {
    // lib/request-origin sits at the bottom (lib/config, lib/core, lib/db only): domain modules that build absolute
    // URLs (issuers, flow actions, cookies, mail links) take them from it.
    files: ["lib/request-origin/**"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [frameworkFree, notUpward, notHttp, bottomOnly] }] },
  },
  {
    files: ["lib/core/**", "lib/db/**", "lib/config/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [frameworkFree, notUpward, notHttp, bottomOnly] }] },
  },
  {
    files: ["lib/**"],
    ignores: ["lib/http/**", "lib/testing/**", "lib/cli/**", "lib/config/**", "**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", noProcessEnv] },
  },
);
