import { describe, expect, it } from 'vitest';
import { deniedRange } from './address-policy.ts';

describe('deniedRange', () => {
  it.each([
    ['0.0.0.0', 'this-network'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['100.100.100.200', 'carrier-grade-nat'],
    ['127.0.0.2', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['192.0.0.170', 'ietf-protocol'],
    ['192.0.2.1', 'documentation'],
    ['192.88.99.1', 'reserved'],
    ['198.19.255.255', 'benchmarking'],
    ['203.0.113.9', 'documentation'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::', 'not-global-unicast'],
    ['::1', 'not-global-unicast'],
    ['::7f00:1', 'not-global-unicast'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['64:ff9b::808:808', 'not-global-unicast'],
    ['fd00:ec2::254', 'not-global-unicast'],
    ['fe80::1', 'not-global-unicast'],
    ['ff02::1', 'not-global-unicast'],
    ['2001::1', 'ietf-protocol'],
    ['2001:db8::1', 'documentation'],
    ['2002:7f00:1::', '6to4'],
    ['3fff::1', 'documentation'],
    ['[::1]', 'not-global-unicast'],
    ['2606:4700::1%eth0', 'not-global-unicast'],
    ['localhost', 'not-an-ip'],
    ['127.1', 'not-an-ip'],
  ])('%s is %s', (address, range) => {
    expect(deniedRange(address)).toBe(range);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '172.32.0.1', '100.128.0.1', '::ffff:8.8.8.8', '::ffff:808:808', '2606:4700::1111', '2a00:1450:4001::200e', '[2001:4860:4860::8888]'])(
    '%s is public',
    (address) => {
      expect(deniedRange(address)).toBeNull();
    },
  );
});
