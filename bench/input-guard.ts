import { findJsonDefect } from "@/lib/core/storable-text";
import { assertStorableUrl, checkParsedJson, storableFormText } from "@/lib/http/input-guard";

/**
 * CPU cost of the input boundary's checks (issue 12 §4) on hot-path inputs, in ns per call: what the token endpoint,
 * introspection, a permission check and a native login pay on top of their handlers (tens of µs each).
 * `npx tsx bench/input-guard.ts [N]`.
 */
const n = Number(process.argv[2] ?? 2_000_000);

function time(label: string, run: () => void): void {
  for (let i = 0; i < n / 10; i++) run(); // warm-up: JIT
  const started = process.cpuUsage();
  for (let i = 0; i < n; i++) run();
  const used = process.cpuUsage(started);
  console.log(`${label.padEnd(52)} ${(((used.user + used.system) * 1000) / n).toFixed(0).padStart(5)} ns/call`);
}

const tokenForm = Buffer.from("grant_type=client_credentials&scope=read%20write&client_id=app&client_secret=s3cr3t-value");
const loginText = JSON.stringify({ method: "password", identifier: "ada@example.com", password: "correct horse battery staple", csrf_token: "x".repeat(86) });
const login = JSON.parse(loginText) as unknown;
const checkText = JSON.stringify({ namespace: "Document", object: "readme", relation: "viewer", subject_id: "user-1" });
const check = JSON.parse(checkText) as unknown;

time("URL path + query (permission check GET)", () => assertStorableUrl("/p/acme/relation-tuples/check", "namespace=Document&object=readme&relation=viewer&subject_id=user-1"));
time("form body as text, checked (token endpoint)", () => storableFormText(tokenForm));
time("form body as text, unchecked (what it replaces)", () => tokenForm.toString("utf8"));
time("JSON body, no \\u escape (native login)", () => checkParsedJson(loginText, login));
time("JSON body, no \\u escape (permission check POST)", () => checkParsedJson(checkText, check));
time("self-service body walk (findJsonDefect)", () => findJsonDefect(login, { maxDepth: Infinity }));
