import { describe, expect, it } from 'vitest';
import { fsFailure } from '../../src/write/fs-failure.ts';

describe('file-system failures of a build', () => {
  it('become a write-failed diagnostic naming the file, with a hint for the cause', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    expect(fsFailure(full, '/srv/dist')!.diagnostic).toMatchObject({ code: 'write-failed', file: '/srv/dist', message: expect.stringContaining('no space left on device'), hint: expect.stringContaining('disk is full') });
    const denied = Object.assign(new Error("EACCES: permission denied, open '/srv/dist/a.html'"), { code: 'EACCES', path: '/srv/dist/a.html' });
    expect(fsFailure(denied, '/srv/dist')!.diagnostic).toMatchObject({ file: '/srv/dist/a.html', hint: expect.stringContaining('permission') });
    expect(fsFailure(Object.assign(new Error('EROFS'), { code: 'EROFS' }), '/srv/dist')!.diagnostic.hint).toContain('read-only');
  });

  it('leave other errors alone: they are bugs and should surface as they are', () => {
    expect(fsFailure(new TypeError('x is undefined'), '/srv/dist')).toBeNull();
    expect(fsFailure(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }), '/srv/dist')).toBeNull();
    expect(fsFailure(null, '/srv/dist')).toBeNull();
  });
});
