import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';

/**
 * An exclusive lock on an embedded database folder (ADR 0010). Two processes on one PGlite folder lose
 * acknowledged writes, so the server and every command that opens the folder take this lock first.
 *
 * The lock is a file next to the folder, created atomically (written in full under a temporary name, then
 * hard-linked to its name, which fails when the name exists). It names its holder: pid, the kernel's start
 * time of that process (Linux: /proc/<pid>/stat), host, when and what. A lock whose process is gone — or
 * whose pid now belongs to another process (a different start time), or is our own pid (a restarted
 * container) — was left by a killed process and is taken over. A lock from another host is never judged
 * stale: we cannot see its processes.
 */
export interface LockHolder {
  pid: number;
  /** ISO time the holder took the lock. */
  startedAt: string;
  host: string;
  /** What holds it, e.g. 'server' or 'cli:backup'. */
  label: string;
  /** The process's start time in clock ticks since boot (Linux), null where unknown. */
  processStart: string | null;
  /** Random per lock: tells our lock from a newer one with the same pid. */
  token: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder,
  ) {
    super(
      `${lockFile} is held by process ${holder.pid} on ${holder.host} (${holder.label}, started at ${holder.startedAt}); ` +
        'two processes on one database folder lose writes. Stop that process first, or give this one another DATA_DIR.',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock if it is still ours. Idempotent. */
  release(): void;
}

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat); null where unknown. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 counted from field 3
  } catch {
    return null;
  }
}

/** Tokens of the locks this process holds. */
const heldHere = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, belongs to another user
  }
}

/** True when the holder's process is certainly gone (or its pid now names another process). */
export function holderIsStale(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return false;
  // Our own pid: a lock this process holds is live; any other was left by an earlier process with our pid.
  if (holder.pid === process.pid) return !heldHere.has(holder.token);
  if (!processAlive(holder.pid)) return true;
  if (holder.processStart != null) {
    const now = processStartTime(holder.pid);
    if (now != null && now !== holder.processStart) return true; // the pid was reused
  }
  return false;
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.token !== 'string') return null;
    return {
      pid: h.pid,
      startedAt: String(h.startedAt ?? ''),
      host: String(h.host ?? ''),
      label: String(h.label ?? ''),
      processStart: h.processStart ?? null,
      token: h.token,
    };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
    return null; // unreadable or not ours: treated as left by a crash while being written (cannot happen with link)
  }
}

function writeNew(file: string, holder: LockHolder): boolean {
  const temp = `${file}.${holder.token}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, JSON.stringify(holder) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file); // atomic: fails with EEXIST when another lock is there
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    unlinkSync(temp);
  }
}

/**
 * Takes the lock or throws DataDirInUseError naming the live holder. `startedAt` is the machine's wall clock
 * (bookkeeping for the operator, not a rule of the service, so not ctx.clock).
 */
export function lockDataDir(file: string, label: string): DataDirLock {
  const holder: LockHolder = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    host: os.hostname(),
    label,
    processStart: processStartTime(process.pid),
    token: randomUUID(),
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    if (writeNew(file, holder)) return held(file, holder);
    let other: LockHolder | null;
    try {
      other = readHolder(file);
    } catch {
      continue; // removed meanwhile: try again
    }
    if (other && !holderIsStale(other)) throw new DataDirInUseError(file, other);
    // Stale: move it aside, and check that what we moved is the lock we judged (another process may have
    // taken over in between; then its live lock is put back and we look again).
    const aside = `${file}.stale-${holder.token}`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    let moved: LockHolder | null = null;
    try {
      moved = readHolder(aside);
    } catch {
      /* gone */
    }
    if (moved && moved.token !== other?.token && !holderIsStale(moved)) {
      try {
        linkSync(aside, file);
      } catch {
        /* someone else is there now: the next round reads it */
      }
    }
    try {
      unlinkSync(aside);
    } catch {
      /* already gone */
    }
  }
  const last = readHolder(file);
  if (last) throw new DataDirInUseError(file, last);
  throw new Error(`could not take the lock ${file}`);
}

function held(file: string, holder: LockHolder): DataDirLock {
  let released = false;
  heldHere.add(holder.token);
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(holder.token);
    process.off('exit', release);
    try {
      if (readHolder(file)?.token === holder.token) unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
  // A process that exits without closing its database (process.exit after a failure) leaves no lock.
  process.on('exit', release);
  return { file, holder, release };
}
