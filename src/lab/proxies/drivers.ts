/** The real proxies the lab can put in front of its faulty upstreams, and which of them are installed. */
import { existsSync } from 'node:fs';
import { caddy } from './caddy.ts';
import { haproxy } from './haproxy.ts';
import { nginx } from './nginx.ts';
import type { ProxyDriver, ProxyName } from './types.ts';

export const DRIVERS: Record<ProxyName, ProxyDriver> = { nginx, haproxy, caddy };
export const PROXY_NAMES = Object.keys(DRIVERS) as ProxyName[];

/** Proxies whose binary is not installed (`npm run setup:system` installs them). */
export const missingProxies = (): ProxyName[] => PROXY_NAMES.filter((name) => !existsSync(DRIVERS[name].binary));
