import { describe, expect, it } from 'vitest';
import { isHttpwhyError } from '../../errors.ts';
import { compileLogFormat } from './log-format.ts';

function codeOf(format: string): string {
  try {
    compileLogFormat(format);
    return 'ok';
  } catch (error) {
    return isHttpwhyError(error) ? error.code : 'other';
  }
}

describe('compileLogFormat', () => {
  it('reads the format as written in nginx.conf, quotes and escape= included', () => {
    const c = compileLogFormat(`escape=json '$remote_addr [$time_local] '\n    '"$request" $status';`);
    expect(c.source).toBe('$remote_addr [$time_local] "$request" $status');
    expect(c.variables).toEqual(['remote_addr', 'time_local', 'request', 'status']);
    expect(c.literals).toEqual(['', ' [', '] "', '" ', '']);
  });

  it('accepts ${name} and rejects formats it cannot split or count', () => {
    expect(compileLogFormat('${remote_addr} ${status}').variables).toEqual(['remote_addr', 'status']);
    expect(codeOf('$remote_addr$status')).toBe('HW_ERR_LOGS_BAD_LOG_FORMAT');
    expect(codeOf('$remote_addr [$time_local]')).toBe('HW_ERR_LOGS_BAD_LOG_FORMAT');
  });
});
