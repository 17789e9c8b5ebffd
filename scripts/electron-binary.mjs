// Finds the Electron binary if its download succeeded; undefined where it could not be fetched.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

export function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron')
    return typeof path === 'string' && existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}
