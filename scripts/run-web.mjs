// `npm run web -- --data-dir DIR --port N`: build if needed, then run the browser door.
import { spawn } from 'node:child_process'
import { ensureBuilt } from './build-state.mjs'

if (!ensureBuilt()) {
  console.error('构建失败，请运行 npm run build 查看原因。')
  process.exit(1)
}
const child = spawn(process.execPath, ['out/main/web.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
