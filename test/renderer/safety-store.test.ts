import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setTransport } from '../../src-renderer/src/api/client'
import { useSafetyStore } from '../../src-renderer/src/stores/safety.store'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

// The 数据与备份 store against a real backend in-process: backups, an uploaded file checked
// and restored in 4 MB pieces, and a refused upload with its Chinese message.
let b: TestBackend
beforeEach(() => {
  b = testBackend()
  setTransport(b.invoke)
  setActivePinia(createPinia())
})
afterEach(() => {
  setTransport(undefined)
  b.dispose()
})

const talents = async () =>
  (await b.call('app:info', {})).counts.find((c) => c.table === 'talents')?.count

describe('safety store', () => {
  it('loads the status and health, backs up, restores, deletes', async () => {
    const store = useSafetyStore()
    await store.loadAll()
    expect(store.status?.mode).toBe('normal')
    expect(store.health?.quickCheck).toBe('ok')
    const copy = await store.backupNow()
    expect(store.backups.map((x) => x.id)).toEqual([copy.id])
    await b.call('talents:create', { name: '甲', phone: '13900000001', status: '在册' } as never)
    await store.restore(copy.id)
    expect(await talents()).toBe(0)
    await store.loadAll()
    expect(store.backups.map((x) => x.kind).sort()).toEqual(['manual', 'restore'])
    await store.remove(copy.id)
    expect(store.backups.map((x) => x.kind)).toEqual(['restore'])
  })

  it('checks an uploaded backup file before anything is replaced, then restores it', async () => {
    const store = useSafetyStore()
    const copy = await store.backupNow()
    const bytes = (await import('node:fs')).readFileSync(`${copy.folder}/${copy.name}`)
    await b.call('talents:create', { name: '乙', phone: '13900000002', status: '在册' } as never)
    const { uploadId, inspected } = await store.inspectFile(new Blob([new Uint8Array(bytes)]))
    expect(inspected).toMatchObject({ ok: true, message: '文件完好，可以用于恢复。' })
    expect(await talents()).toBe(1)
    await store.restoreUploaded(uploadId)
    expect(await talents()).toBe(0)
  })

  it('a file that is not a backup is refused with its message and nothing changes', async () => {
    const store = useSafetyStore()
    const { inspected } = await store.inspectFile(new Blob(['不是备份'.repeat(100)]))
    expect(inspected.ok).toBe(false)
    expect(inspected.message).toContain('不能用于恢复')
    await expect(store.previewPackage(new Blob(['也不是数据包']))).rejects.toThrow(
      /不是联建通数据包/,
    )
    expect(store.error).toMatch(/不是联建通数据包/)
  })
})
