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
  }
}

void loop()
