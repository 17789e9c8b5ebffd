// The child of the crash test: opens the real database through the app's own start-up code
// and commits register writes in a loop, printing each id only after its commit returned.
// The parent kills it with SIGKILL at a random moment.
import { writeSync } from 'node:fs'
import { startBackend } from '../../src-main/backend/app/boot'
import { setQuietLog } from '../../src-main/backend/log'

const dir = process.argv[2]
if (!dir) throw new Error('usage: crash-child <data dir>')
setQuietLog(true)
const backend = startBackend(dir, 'test')
let n = 0

async function loop(): Promise<void> {
  await backend.ready
  writeSync(1, `ready ${Math.round(performance.now())}\n`)
  for (;;) {
    n++
    const r = await backend.invoke('talents:create', {
      name: `压测${n}`,
      phone: `139${String(n % 100_000_000).padStart(8, '0')}`,
      status: '在册',
      skills: ['修理', '调解'],
      note: '断电测试'.repeat(1 + (n % 50)),
    })
    if (!r.ok) {
      writeSync(2, `${r.error.code} ${r.error.message}\n`)
      process.exit(3)
    }
    const id = (r.data as { id: number }).id
    // A multi-row transaction as well: an update that writes the audit log and search index.
    if (n % 5 === 0) {
      const u = await backend.invoke('talents:update', {
        id,
        data: { name: `压测${n}改`, phone: `13800000000`, status: '在册' },
      })
      if (!u.ok) process.exit(4)
    }
    if (n % 97 === 0) backend.ctx.db.pragma('wal_checkpoint(PASSIVE)')
    writeSync(1, `${id}\n`)
    if (n % 3 === 1) await streetImport(n)
  }
}

/**
 * 街道 mode: a community's small roster (a CSV with a 社区 column) imported as a submission,
 * which replaces that community's previous one — rows, categories and search index in one
 * transaction. Reported as `s <submission id> <rows>` once committed.
 */
async function streetImport(n: number): Promise<void> {
  const community = ['锦华社区', '玉溪社区', '河畔社区'][n % 3]
  const rows = Array.from(
    { length: 1 + (n % 9) },
    (_, i) => `${community},报送${process.pid}-${n}-${i},法律服务`,
  )
  const csv = `社区,姓名,人才类别\n${rows.join('\n')}\n`
  const uploadId = `crash-${process.pid}-${n}`
  const up = await backend.invoke('safety:upload', {
    uploadId,
    offset: 0,
    base64: Buffer.from(csv).toString('base64'),
  })
  if (!up.ok) process.exit(5)
  const r = await backend.invoke('street:import', { fileName: `报送${n}.csv`, uploadId })
  if (!r.ok) {
    writeSync(2, `${r.error.code} ${r.error.message}\n`)
    process.exit(6)
  }
  const done = r.data as { submissionId: number; count: number }
  writeSync(1, `s ${done.submissionId} ${done.count}\n`)
}

void loop()
