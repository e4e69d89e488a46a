/**
 * The build lock (scripts/build-lock.ts) waits only for a build that really runs: a lock left by a
 * dead, zombie or unrelated process, or naming no owner, is taken over at once with a message.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { acquireBuildLock, processInfo } from '../../scripts/build-lock.ts';
import { TMP } from '../support/site.ts';

let lock: string;
beforeEach(() => {
  mkdirSync(TMP, { recursive: true });
  lock = join(mkdtempSync(join(TMP, 'lock-')), '.closing-bell-build.lock');
});

function holdAs(owner: object): void {
  mkdirSync(lock);
  writeFileSync(join(lock, 'owner.json'), JSON.stringify(owner));
}

function acquire(): { messages: string[]; ms: number } {
  const messages: string[] = [];
  const started = Date.now();
  const held = acquireBuildLock(lock, (message) => messages.push(message));
  const ms = Date.now() - started;
  expect(JSON.parse(readFileSync(join(lock, 'owner.json'), 'utf8'))).toMatchObject({ pid: process.pid, start: processInfo(process.pid)?.start });
  held.release();
  return { messages, ms };
}

/** A pid that is no longer running: a child that has exited and been reaped. */
function deadPid(): number {
  return Number(spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).stdout.trim());
}

describe('the build lock', () => {
  it('records the owner with its pid and start time, and releases it', () => {
    expect(acquire()).toEqual({ messages: [], ms: expect.any(Number) });
  });

  const cases: { name: string; setUp: () => void | Promise<void>; says: RegExp }[] = [
    { name: 'an empty lock folder', setUp: () => { mkdirSync(lock); utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000)); }, says: /it names no build/ },
    { name: 'a lock naming a dead pid', setUp: () => holdAs({ pid: deadPid(), start: 1, children: [] }), says: /no longer running/ },
    { name: 'a lock naming a live, unrelated process (its pid reused: another start time)', setUp: () => holdAs({ pid: process.ppid, start: (processInfo(process.ppid)?.start ?? 0) + 1, children: [] }), says: /pid \d+\) is no longer running/ },
  ];
  it.each(cases)('takes over $name at once, with a message', async ({ setUp, says }) => {
    await setUp();
    const { messages, ms } = acquire();
    expect(messages).toEqual([expect.stringMatching(new RegExp(`^Taking over the build lock .*${says.source}`))]);
    expect(ms).toBeLessThan(1000);
  });

  it('takes over a lock whose owner is a zombie (killed, not yet reaped), without waiting', async () => {
    // The shell's background child exits at once; `exec sleep` never reaps it, so it stays a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const zombie = Number(await new Promise<string>((done) => parent.stdout.once('data', (d) => done(String(d).trim()))));
    await new Promise((done) => setTimeout(done, 300));
    expect(processInfo(zombie)?.zombie).toBe(true);
    holdAs({ pid: zombie, start: processInfo(zombie)?.start, children: [] });
    const { messages, ms } = acquire();
    parent.kill();
    expect(messages[0]).toMatch(/no longer running/);
    expect(ms).toBeLessThan(1000);
  });

  it('waits while the owner runs, and stops the processes a dead owner started', async () => {
    const owner = spawn('sleep', ['1.5']);
    const orphan = spawn('sleep', ['30']);
    await new Promise((done) => setTimeout(done, 100));
    holdAs({ pid: owner.pid, start: processInfo(owner.pid!)?.start, children: [{ pid: orphan.pid, start: processInfo(orphan.pid!)?.start }] });
    const orphanGone = new Promise<string | null>((done) => orphan.once('exit', (_code, signal) => done(signal)));
    // The owner exits after 1.5 s and stays a zombie (this process cannot reap it while it waits).
    const { messages, ms } = acquire();
    expect(messages[0]).toMatch(/^Waiting for another build into the same folder \(pid \d+\)/);
    expect(messages[1]).toMatch(/^Taking over the build lock .*no longer running/);
    expect(ms).toBeGreaterThan(1000);
    expect(await orphanGone).toBe('SIGKILL');
  });
});
