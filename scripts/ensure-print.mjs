// The document check (test/backend/documents-print.test.ts) prints every kind with LibreOffice
// and reads the PDFs back with poppler, wrapping text with free serif/kai fonts. Install them
// when we can (root with apt-get); otherwise stop with the exact command. Never a silent skip.
import { spawnSync } from 'node:child_process'

const PACKAGES = [
  'libreoffice-writer-nogui',
  'poppler-utils',
  'fonts-noto-cjk',
  'fonts-arphic-gkai00mp',
  'fonts-arphic-gbsn00lp',
]
const CMD = `apt-get update && apt-get install -y ${PACKAGES.join(' ')}`

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
const font = (family) =>
  (spawnSync('fc-list', [`:family=${family}`, 'family'], { encoding: 'utf8' }).stdout ?? '').trim()
    .length > 0
const ready = () =>
  has('soffice') &&
  has('pdftotext') &&
  has('pdftoppm') &&
  font('AR PL KaitiM GB') &&
  font('AR PL SungtiL GB') &&
  font('Noto Serif CJK SC')

if (ready()) process.exit(0)
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (isRoot && has('apt-get')) {
  console.log(`正在安装文档打印检查所需的 LibreOffice、poppler 和中文字体：${CMD}`)
  const r = spawnSync(
    'sh',
    [
      '-c',
      `${CMD.replace('apt-get install', 'DEBIAN_FRONTEND=noninteractive apt-get install')} >/dev/null`,
    ],
    { stdio: 'inherit' },
  )
  if (r.status === 0 && ready()) process.exit(0)
}
console.error(
  `文档打印检查需要 LibreOffice、poppler 和中文衬线字体，请先运行（需要管理员权限）：\n  sudo sh -c '${CMD}'`,
)
process.exit(1)
