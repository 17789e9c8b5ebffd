// Whether out/ is older than the sources, so start/web/lianjian rebuild only when needed.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const SOURCES = ['src-main', 'src-renderer', 'electron.vite.config.ts', 'package.json']
const OUTPUTS = [
  'out/main/index.js',
  'out/main/web.js',
  'out/main/cli.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
]

// components.d.ts is rewritten by the build itself, so it never counts as a newer source.
const WRITTEN_BY_BUILD = new Set(['components.d.ts'])

function newest(path) {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  return readdirSync(path)
    .filter((name) => !WRITTEN_BY_BUILD.has(name))
    .reduce((m, name) => Math.max(m, newest(join(path, name))), 0)
}

export function buildIsStale(root = process.cwd()) {
  if (OUTPUTS.some((f) => !existsSync(join(root, f)))) return true
  const built = Math.min(...OUTPUTS.map((f) => statSync(join(root, f)).mtimeMs))
  return SOURCES.some((s) => newest(join(root, s)) > built)
}

export function build(root = process.cwd(), quiet = false) {
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const r = spawnSync(process.execPath, [bin, 'build'], {
    cwd: root,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  })
  return r.status === 0
}

export function ensureBuilt(root = process.cwd()) {
  if (!buildIsStale(root)) return true
  console.log('正在构建联建通……')
  return build(root, true)
}
