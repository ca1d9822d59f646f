#!/usr/bin/env node
// Fails when lib/* modules import each other in a cycle (`npm run check:cycles`; part of `npm test`).
// A module is a folder under lib/; the graph is every non-test import and re-export between them (type-only ones
// too: a cycle of types is still two modules that cannot be understood apart), resolved by TypeScript's own module
// resolution with the tsconfig's paths. Test support (*.test.ts, lib/testing, lib/*/testing) is left out: it may
// wire modules together the way the app does. Prints each cycle with the files that make its edges.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const lib = path.join(root, "lib");
const isTestSupport = (file) => /\.test\.tsx?$/.test(file) || /^lib\/([^/]+\/)?testing\//.test(path.relative(root, file));

function sourceFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") sourceFiles(full, out);
    } else if (/\.tsx?$/.test(entry.name) && !isTestSupport(full)) out.push(full);
  }
  return out;
}

const { config } = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
const host = ts.createCompilerHost(options);
const moduleOf = (file) => {
  const parts = path.relative(lib, file).split(path.sep);
  return parts.length > 1 && !parts[0].startsWith("..") ? parts[0] : undefined;
};

/** module → module → files importing it */
const edges = new Map();
for (const file of sourceFiles(lib)) {
  const from = moduleOf(file);
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const specifiers = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) specifiers.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const specifier of specifiers) {
    const resolved = ts.resolveModuleName(specifier, file, options, host).resolvedModule;
    if (!resolved || resolved.isExternalLibraryImport) continue;
    const to = moduleOf(path.resolve(resolved.resolvedFileName));
    if (!from || !to || from === to) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    const targets = edges.get(from);
    if (!targets.has(to)) targets.set(to, new Set());
    targets.get(to).add(path.relative(root, file));
  }
}

// Tarjan's strongly connected components: every component of more than one module is a cycle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function connect(node) {
  index.set(node, counter);
  low.set(node, counter++);
  stack.push(node);
  onStack.add(node);
  for (const next of edges.get(node)?.keys() ?? []) {
    if (!index.has(next)) {
      connect(next);
      low.set(node, Math.min(low.get(node), low.get(next)));
    } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
  }
  if (low.get(node) !== index.get(node)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    onStack.delete(member);
    component.push(member);
  } while (member !== node);
  if (component.length > 1) cycles.push(component.sort());
}
for (const node of edges.keys()) if (!index.has(node)) connect(node);

if (!cycles.length) {
  console.log(`import cycles: none between ${new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]).size} lib modules`);
  process.exit(0);
}
for (const cycle of cycles) {
  console.error(`import cycle between lib modules: ${cycle.join(" ↔ ")}`);
  for (const from of cycle) {
    for (const [to, files] of edges.get(from) ?? []) {
      if (cycle.includes(to)) console.error(`  lib/${from} → lib/${to}: ${[...files].join(", ")}`);
    }
  }
}
process.exit(1);
