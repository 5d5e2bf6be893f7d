// @ts-check
/**
 * Lints probe sources with the repository's own ESLint config and prints what was reported.
 * It runs as a child of the jest test because ESLint loads its flat config with a dynamic import(),
 * which jest's module sandbox refuses without --experimental-vm-modules.
 *
 * stdin:  [{ "filePath": "workflows/document/probe.ts", "code": "..." }, ...] (paths relative to the repo)
 * stdout: [[{ "ruleId": "...", "message": "...", "line": 1, "severity": 2 }, ...], ...] in the same order
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
/** @type {{ filePath: string; code: string }[]} */
const probes = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const eslint = new ESLint({ cwd: repo });
const results = [];
for (const probe of probes) {
  const [result] = await eslint.lintText(probe.code, { filePath: path.join(repo, probe.filePath) });
  results.push(result.messages.map(({ ruleId, message, line, severity }) => ({ ruleId, message, line, severity })));
}
process.stdout.write(JSON.stringify(results));
