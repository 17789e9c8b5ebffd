// `npm start`: the desktop window when Electron's binary is installed; otherwise one line that
// says so, and the browser door on the default data dir.
import { spawn } from 'node:child_process'
import { ensureBuilt } from './build-state.mjs'
import { electronBinary } from './electron-binary.mjs'

const args = process.argv.slice(2)
if (!ensureBuilt()) {
  console.error('构建失败，请运行 npm run build 查看原因。')
  process.exit(1)
}
const electron = electronBinary()
const child = electron
  ? spawn(electron, ['.', ...args], { stdio: 'inherit' })
  : (console.log(
      '未找到 Electron 桌面运行时（安装时无法下载），改为启动浏览器版；请用浏览器打开下面的地址。',
    ),
    spawn(process.execPath, ['out/main/web.js', ...args], { stdio: 'inherit' }))
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
