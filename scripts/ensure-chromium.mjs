// E2E needs Debian's Chromium and a CJK font. Install them when we can (root with apt-get);
// otherwise stop with the exact command to run. Never a silent skip.
import { execSync, spawnSync } from 'node:child_process'
import { chromiumPath } from './chromium.mjs'

const CMD = 'apt-get update && apt-get install -y chromium fonts-noto-cjk'

function hasCjkFont() {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0
  } catch {
    return false
  }
}

if (chromiumPath() && hasCjkFont()) process.exit(0)
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
if (isRoot && hasApt) {
  console.log(`正在安装端到端测试所需的 Chromium 和中文字体：${CMD}`)
  const r = spawnSync(
    'sh',
    [
      '-c',
      `${CMD.replace('apt-get install', 'DEBIAN_FRONTEND=noninteractive apt-get install')} >/dev/null`,
    ],
    { stdio: 'inherit' },
  )
  if (r.status === 0 && chromiumPath()) process.exit(0)
}
console.error(
  `端到端测试需要 Chromium 和中文字体，请先运行（需要管理员权限）：\n  sudo sh -c '${CMD}'\n或设置 CHROMIUM_PATH 指向已安装的 Chromium。`,
)
process.exit(1)
