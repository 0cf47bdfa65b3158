/**
 * Whose is the listener on a loopback port: Linux's /proc tells which sockets listen on the port and which
 * processes hold them. The lab uses it to know that the proxy it started answers on its port, rather than another
 * process that bound the port between choosing it and the proxy's own bind.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const LISTEN = '0A';

/** The inodes of sockets listening on `port` (IPv4 and IPv6), or null where /proc/net/tcp cannot be read. */
function listeningInodes(port: number): Set<string> | null {
  const suffix = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set<string>();
  let readable = false;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    readable = true;
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] === LISTEN && fields[1]?.endsWith(suffix) && fields[9] !== undefined) inodes.add(fields[9]);
    }
  }
  return readable ? inodes : null;
}

/** The processes of process group `group` (nginx's workers hold the master's listeners too). */
function groupMembers(group: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so read after its last ')'.
      const pgrp = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2];
      if (Number(pgrp) === group) members.push(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return members;
}

/** The inodes of the sockets process `pid` holds open; none when its descriptors cannot be read. */
function socketInodes(pid: number): string[] {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  return fds.flatMap((fd) => {
    try {
      const target = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      return target ? [target[1] as string] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Who listens on `port`, seen from the group led by `leader`: `group` when only its processes do, `shared` when
 * another process listens there too (SO_REUSEPORT lets Caddy and HAProxy bind a port another of them holds, and the
 * kernel then splits connections between them), `others` when only other processes do, `none` when nobody does;
 * null where /proc cannot tell (the caller then falls back to connecting to the port).
 */
export function listenerOwner(leader: number, port: number): 'group' | 'shared' | 'others' | 'none' | null {
  const inodes = listeningInodes(port);
  if (inodes === null) return null;
  if (inodes.size === 0) return 'none';
  // Each member's descriptors read once, not once per listening socket.
  const groupSockets = new Set(groupMembers(leader).flatMap(socketInodes));
  const held = [...inodes].filter((inode) => groupSockets.has(inode)).length;
  if (held === 0) return 'others';
  return held === inodes.size ? 'group' : 'shared';
}
