// `npm run web -- --data-dir DIR --port N`: the browser door as a process of its own.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startBackend } from '../backend/app/boot'
import { resolveDataDir } from '../backend/app/data-dir'
import { startupFailure } from '../doors/door-common'
import { startWebServer } from './web-server'

const DEFAULT_PORT = 17880

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'static-dir': { type: 'string' },
    },
    allowPositionals: false,
  })
  const dataDir = resolveDataDir(process.argv.slice(2))
  const here = dirname(fileURLToPath(import.meta.url))
  const staticDir = values['static-dir'] ?? join(here, '..', 'renderer')
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(`找不到界面文件（${staticDir}），请先运行 npm run build`)
    process.exit(1)
  }
  const wanted = values.port === undefined ? DEFAULT_PORT : Number(values.port)
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
    console.error(`端口号无效：${values.port ?? ''}（应为 0–65535 的整数）`)
    process.exit(2)
  }
  const backend = startBackend(dataDir, 'web', { autoBackup: true })
  await backend.ready
  const safety = backend.ctx.safety
  if (safety.message) console.warn(safety.message)
  for (const w of safety.warnings) console.warn(w)
  let server
  const sessionFile = join(dataDir, '.web-sessions')
  try {
    server = await startWebServer({ invoke: backend.invoke, staticDir, port: wanted, sessionFile })
  } catch (e) {
    if (values.port !== undefined) throw e
    // The default port is taken (another copy running?): let the system pick one.
    server = await startWebServer({ invoke: backend.invoke, staticDir, port: 0, sessionFile })
  }
  const door = server
  console.log(`联建通浏览器版已启动：${door.openUrl()}  （数据文件夹：${dataDir}）`)
  console.log(
    '请用浏览器打开上面的地址（只能用一次，别发给别人）；需要新地址时在这里按回车键；按 Ctrl+C 停止。',
  )
  // Enter in this terminal (which only the person who started the door can see) prints a new
  // one-time address, e.g. for a second browser.
  process.stdin.on('data', () => console.log(`新的打开地址（只能用一次）：${door.openUrl()}`))
  process.stdin.on('error', () => undefined)
  const stop = () => {
    void server.close().then(() => {
      backend.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(startupFailure(e))
  process.exit(1)
})
