// After `npm install`: try to fetch Electron's binary (npm's allowScripts skips electron's own
// download script so that an offline install still succeeds), then build the app so that
// `npm start` and `npx lianjian` are ready. Never fails the install.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { build } from './build-state.mjs'
import { electronBinary } from './electron-binary.mjs'

if (!existsSync('node_modules/electron-vite')) process.exit(0) // installed as a dependency elsewhere

if (
  !electronBinary() &&
  existsSync('node_modules/electron/install.js') &&
  !process.env.LIANJIAN_SKIP_ELECTRON
) {
  const r = spawnSync(process.execPath, ['node_modules/electron/install.js'], {
    stdio: 'ignore',
    timeout: 180_000,
  })
  if (r.status !== 0 || !electronBinary()) {
    console.log(
      '联建通：未能下载 Electron 桌面运行时（无法连接其下载地址），npm start 将改用浏览器版；联网后运行 node node_modules/electron/install.js 即可启用桌面窗口。',
    )
  }
}

if (!build(process.cwd(), true)) {
  console.log('联建通：构建未成功，请运行 npm run build 查看原因。')
}
