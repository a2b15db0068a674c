import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir, processStartTime, type LockHolder } from './data-dir-lock.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kp-lock-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Another process that takes the lock and keeps it until killed. */
async function holderProcess(file: string): Promise<ChildProcess> {
  const script = `import { lockDataDir } from './src/platform/db/data-dir-lock.ts';
lockDataDir(${JSON.stringify(file)}, 'test-holder'); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
  return child;
}

function refusal(fn: () => unknown): DataDirInUseError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataDirInUseError) return e;
    throw e;
  }
  throw new Error('the lock was taken');
}

describe('the lock on a database folder', () => {
  it('is exclusive within a process, and free again once released', () => {
    const file = path.join(tmp, 'a.lock');
    const lock = lockDataDir(file, 'first');
    const e = refusal(() => lockDataDir(file, 'second'));
    expect(e.holder).toMatchObject({ pid: process.pid, label: 'first', host: os.hostname() });
    expect(e.message).toContain(`process ${process.pid}`);
    lock.release();
    expect(existsSync(file)).toBe(false);
    lockDataDir(file, 'third').release();
  });

  it('refuses while another live process holds it, naming that process; takes it over after that process is SIGKILLed', async () => {
    const file = path.join(tmp, 'b.lock');
    const child = await holderProcess(file);
    try {
      const e = refusal(() => lockDataDir(file, 'me'));
      expect(e.holder.pid).toBe(child.pid);
      expect(e.holder.label).toBe('test-holder');
      expect(Date.parse(e.holder.startedAt)).toBeGreaterThan(0);
      expect(e.message).toContain(`process ${child.pid}`);
    } finally {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
    }
    expect(existsSync(file)).toBe(true); // a killed process cannot clean up
    const lock = lockDataDir(file, 'me');
    expect((JSON.parse(readFileSync(file, 'utf8')) as LockHolder).pid).toBe(process.pid);
    lock.release();
  });

  it('treats a lock whose pid now belongs to another process (another start time) as stale', () => {
    const file = path.join(tmp, 'c.lock');
    const parent = process.ppid;
    expect(processStartTime(parent)).not.toBeNull();
    const reused: LockHolder = { pid: parent, startedAt: '2020-01-01T00:00:00.000Z', host: os.hostname(), label: 'old', processStart: '1', token: 'x' };
    writeFileSync(file, JSON.stringify(reused));
    lockDataDir(file, 'me').release();
    // The same pid with its real start time is that live process: refused.
    writeFileSync(file, JSON.stringify({ ...reused, processStart: processStartTime(parent) }));
    expect(refusal(() => lockDataDir(file, 'me')).holder.pid).toBe(parent);
  });

  it('treats a lock left by an earlier process with our own pid (a restarted container) as stale', () => {
    const file = path.join(tmp, 'd.lock');
    writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt: 'x', host: os.hostname(), label: 'old', processStart: null, token: 'earlier' }));
    lockDataDir(file, 'me').release();
  });

  it('never takes over a lock from another host (a shared file system): it cannot see that process', () => {
    const file = path.join(tmp, 'e.lock');
    writeFileSync(file, JSON.stringify({ pid: 999999, startedAt: 'x', host: 'other-host.example', label: 'server', processStart: null, token: 't' }));
    expect(refusal(() => lockDataDir(file, 'me')).holder.host).toBe('other-host.example');
  });
});
