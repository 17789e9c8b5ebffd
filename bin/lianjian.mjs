#!/usr/bin/env node
// `npx lianjian …`: runs the built CLI, building it first when the build is missing.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  console.error('首次运行，正在构建联建通……')
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  if (r.status !== 0) {
    console.error('构建失败，请在项目目录运行 npm run build 查看原因。')
    process.exit(1)
  }
}
await import(pathToFileURL(cli).href)
