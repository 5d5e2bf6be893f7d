// A jest reporter for the compliance matrix (GET /api/compliance): at the end of every run it writes
// reports/test-results.json, one {fullName, file, status} per test, `file` relative to the repository and `status`
// jest's own (passed, failed, pending, todo, skipped). A run of a few files replaces the results of those files
// and keeps the others' from earlier runs (as long as the file still exists), so the matrix always shows each
// test's latest result. It only reads what jest has already aggregated: nothing per test, one write per run.
const fs = require('node:fs');
const path = require('node:path');

const OUT = path.join('reports', 'test-results.json');

class ComplianceReporter {
  constructor(globalConfig) {
    this.root = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    try {
      this.write(results);
    } catch (e) {
      // The matrix then shows older results; the run itself is not failed for it.
      console.warn(`compliance reporter: ${OUT} not written: ${e.message}`);
    }
  }

  write(results) {
    const out = path.join(this.root, OUT);
    const rel = (file) => path.relative(this.root, file).split(path.sep).join('/');
    const ran = new Set(results.testResults.map((r) => rel(r.testFilePath)));
    const kept = previous(out).filter((t) => !ran.has(t.file) && fs.existsSync(path.join(this.root, t.file)));
    const fresh = results.testResults.flatMap((file) =>
      file.testResults.map((t) => ({ fullName: t.fullName, file: rel(file.testFilePath), status: t.status })),
    );
    fs.mkdirSync(path.dirname(out), { recursive: true });
    // Written aside and renamed: the API never reads half a file while a run ends.
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify([...kept, ...fresh]));
    fs.renameSync(tmp, out);
  }
}

function previous(file) {
  try {
    const list = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Array.isArray(list) ? list : [];
  } catch {
    return []; // none yet, or unreadable: this run starts the file afresh
  }
}

module.exports = ComplianceReporter;
