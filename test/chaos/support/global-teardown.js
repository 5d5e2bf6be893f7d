const { rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

/** Removes the template cluster the scenarios copied (test/chaos/support/stack.ts, demoTemplate). */
module.exports = async () => {
  rmSync(join(tmpdir(), `grif-chaos-template-${process.pid}`), { recursive: true, force: true });
};
