// Files holding the registers are readable by the user only (0700 folders, 0600 files) on
// Linux, where an office PC's other accounts could otherwise read them; Windows keeps its
// per-user %APPDATA% permissions and ignores these modes.
import { chmodSync, mkdirSync } from 'node:fs'

export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  tighten(dir, 0o700)
}

export function privateFile(file: string): void {
  tighten(file, 0o600)
}

function tighten(path: string, mode: number): void {
  if (process.platform === 'win32') return
  try {
    chmodSync(path, mode)
  } catch {
    // Not ours to change (a USB stick's FAT, another owner): the folder's own rules apply.
  }
}
