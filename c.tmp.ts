import { execFileSync } from 'node:child_process';
import { faultyUpstreams } from './src/lab/index.ts';
for (const mode of ['invalid-status-line', 'non-http-reply', 'close-without-reply', 'reset-before-headers', 'truncated-body'] as const) {
  const u = await faultyUpstreams[mode]({ host: '127.0.0.1', port: 0 });
  try { execFileSync('curl', ['-sS', '-o', '/dev/null', `http://127.0.0.1:${u.port}/`], { stdio: ['ignore', 'pipe', 'pipe'] }); } catch (e) { console.log(mode, (e as { stderr: Buffer }).stderr.toString().trim()); }
  await u.close();
}
