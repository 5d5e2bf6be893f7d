// Writes docs/regulation-clauses.json — the clause ids of the Regulation and a short title each — from the English
// rendering of the Regulation (../shared/seed/regulation-en.md beside the repository, or the file named on the
// command line). The compliance matrix (GET /api/compliance) reads the committed list, since a clean clone has no
// ../shared: run `npm run compliance:clauses` again when the Regulation's rendering changes.
//
//   node tools/compliance-clauses.mjs [regulation-en.md] [out.json]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.resolve(process.argv[2] ?? path.join(repo, '..', 'shared', 'seed', 'regulation-en.md'));
const out = path.resolve(process.argv[3] ?? path.join(repo, 'docs', 'regulation-clauses.json'));
const TITLE_MAX = 120;

/** The clauses in the order of the text: a bullet `- R-x.y text…`, its text running on over indented lines. */
export function clausesOf(markdown) {
  const found = [];
  let current = null;
  for (const line of markdown.split('\n')) {
    const start = /^\s*- (R-\d+(?:\.\d+)*[a-z]?)\s+(.*)$/.exec(line);
    if (start) {
      current = { id: start[1], text: start[2] };
      found.push(current);
    } else if (current && /^\s+\S/.test(line) && !/^\s*- /.test(line)) {
      current.text += ` ${line.trim()}`;
    } else {
      current = null;
    }
  }
  // One number is used twice in the Regulation: one entry, both titles.
  const byId = new Map();
  for (const c of found) {
    const title = shortTitle(c.text);
    const seen = byId.get(c.id);
    if (seen) seen.title = `${seen.title} / ${title}`;
    else byId.set(c.id, { id: c.id, title });
  }
  return [...byId.values()];
}

/** What the clause says, before the product's note (`→ …`): its first sentence, at most TITLE_MAX characters. */
function shortTitle(text) {
  let t = text.split('→')[0];
  t = t.replace(/^\((?:second|first) clause of that number\)\s*/i, '');
  t = t.replace(/\s+/g, ' ').trim();
  // A sentence ends at a full stop before a capital (not "No. 116") or at a semicolon; a colon runs on into its list.
  t = t.split(/(?<=\.)\s(?=[A-Z])|;\s/)[0].replace(/[.;:,]$/, '');
  t = t.charAt(0).toUpperCase() + t.slice(1);
  return t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1).replace(/\s+\S*$/, '')}…` : t;
}

const clauses = clausesOf(readFileSync(source, 'utf8'));
if (clauses.length === 0) throw new Error(`no clause found in ${source}`);
writeFileSync(out, `${JSON.stringify(clauses, null, 2)}\n`);
console.log(`${clauses.length} clauses → ${path.relative(process.cwd(), out)}`);
