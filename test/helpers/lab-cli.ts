/** For suites that run `httpwhy lab` in-process: its URLs once it is up, and the sockets this process holds. */
import { expect } from 'vitest';
import type { MemoryIo } from './memory-io.ts';

/** Listening servers and open sockets of this process. */
export const handles = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap' || r === 'TCPSocketWrap').length;

/** Waits until the lab has printed its URLs, then reads the gateway's and the playground's origins from them. */
export async function labOrigins(io: MemoryIo): Promise<{ gateway: string; playground: string }> {
  await expect.poll(() => io.stdoutText(), { timeout: 10_000 }).toContain('failures through the gateway');
  const gateway = /gateway {12}(http:\/\/127\.0\.0\.1:\d+)\//.exec(io.stdoutText())?.[1] as string;
  const playground = /playground {9}(http:\/\/127\.0\.0\.1:\d+)\/lab/.exec(io.stdoutText())?.[1] as string;
  return { gateway, playground };
}
