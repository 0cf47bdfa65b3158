/**
 * Connection refused: a port where nothing listens. The port is reserved without listening: it is the local
 * end of an open loopback connection, so the kernel answers a connect() to it with RST (ECONNREFUSED) and no
 * other socket can bind it until close().
 */
import { connect, createServer } from 'node:net';
import { listen } from './listen.ts';
import type { FaultyUpstream, StartOptions } from './types.ts';

export async function start(options: StartOptions): Promise<FaultyUpstream> {
  const anchor = await listen(createServer(), { host: options.host, port: 0 });
  const holder = connect({ host: options.host, port: anchor.port });
  try {
    await new Promise<void>((resolve, reject) => {
      holder.once('connect', resolve);
      holder.once('error', reject);
    });
  } catch (error) {
    await anchor.close();
    throw error;
  }
  holder.on('error', () => {});
  return {
    port: holder.localPort as number,
    appLog: [],
    close: async () => {
      holder.destroy();
      await anchor.close();
    },
  };
}
