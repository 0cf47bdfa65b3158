/**
 * @module lab
 * The failure lab's building blocks. For now: faulty upstreams, one per failure mode, each a small loopback
 * server (`faultyUpstreams[mode]({ host: '127.0.0.1', port: 0 })`) that misbehaves the way a broken
 * application, a wrong port or a hung process does, and records what the application would have logged.
 */
export { FAULT_MODES, faultyUpstreams, type FaultMode } from './upstreams/faults.ts';
export type { FaultyUpstream, StartOptions } from './upstreams/types.ts';
