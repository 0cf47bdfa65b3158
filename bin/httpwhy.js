#!/usr/bin/env node
import module from 'node:module';

// Cache compiled bytecode between runs: the CLI is started often and briefly.
module.enableCompileCache?.();
const { run } = await import('../dist/cli/index.js');
process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() });
