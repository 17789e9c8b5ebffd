// Helpers for the safety tests: damaging a database file on purpose, read-only folders and
// small disks through real mounts (the tests run as root, where chmod alone stops nothing).
import { execFileSync } from 'node:child_process'
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs'
import type { TestBackend } from './temp-backend'

/** Overwrites pages in the middle of a closed database file with garbage. */
export function damageFile(file: string, fromPage = 2, pages = 3): void {
  const fd = openSync(file, 'r+')
  try {
    const junk = Buffer.alloc(4096 * pages, 0xa5)
    writeSync(fd, junk, 0, junk.length, 4096 * fromPage)
  } finally {
    closeSync(fd)
  }
}

export async function addTalent(b: TestBackend, name: string, phone = '13900000001') {
  return b.call('talents:create', { name, phone, status: '在册' } as never)
}

export const isRoot = process.getuid?.() === 0

function run(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Makes `dir` read-only for everyone, root included (a read-only bind mount). */
export function makeReadOnly(dir: string): (() => void) | null {
  if (!isRoot) {
    execFileSync('chmod', ['-R', 'a-w', dir])
    return () => execFileSync('chmod', ['-R', 'u+w', dir])
  }
  if (!run('mount', ['--bind', dir, dir])) return null
  if (!run('mount', ['-o', 'remount,ro,bind', dir])) {
    run('umount', [dir])
    return null
  }
  return () => {
    run('umount', ['-l', dir])
  }
}

/** A tiny tmpfs at `dir` (root only), or null where mounting is not allowed. */
export function smallDisk(dir: string, size = '1m'): (() => void) | null {
  mkdirSync(dir, { recursive: true })
  if (!isRoot || !run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir])) return null
  return () => {
    run('umount', ['-l', dir])
  }
}

/**
 * Where mounting is not allowed (an unprivileged container) a developer's run skips the test;
 * under CI (CI=true, root) it must run, so a missing mount fails loudly instead.
 */
export function requireMount(
  task: { skip(): void },
  undo: (() => void) | null,
): undo is () => void {
  if (undo) return true
  if (process.env.CI) throw new Error('CI 中必须能挂载（只读 bind mount / tmpfs），本测试不能跳过')
  task.skip()
  return false
}
