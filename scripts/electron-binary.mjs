// Finds the Electron binary if its download succeeded; undefined where it could not be fetched.
// Reads electron's path.txt itself: require('electron') would try to download on the spot.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export function electronBinary(root = process.cwd()) {
  const dir = join(root, 'node_modules', 'electron')
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = join(distDir, readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}
