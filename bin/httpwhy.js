#!/usr/bin/env node
import module from 'node:module';

// Cache compiled bytecode between runs: the CLI is started often and briefly.
module.enableCompileCache?.();
// A reader that stops early (`httpwhy search gateway | head -3`) closes the pipe: stop quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}
const { run } = await import('../dist/cli/index.js');
process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() });
