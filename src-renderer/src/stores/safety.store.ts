// 数据与备份: the safety status (normal / read-only / damaged), the database's health, the
// backups, the backup folder and data packages. Owns loading, error and progress.
import type { Output } from '@shared/contract'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage, invoke } from '../api/client'
import { withProgress, type JobProgress } from '../api/progress'
import { downloadStaged, uploadFile } from '../api/transfer'

export type SafetyStatus = Output<'safety:status'>
export type Health = Output<'safety:health'>
export type Backup = Output<'safety:backup'>
export type PackagePreview = Output<'safety:package-preview'>
export type Retention = Output<'safety:retention'>

export const useSafetyStore = defineStore('safety', () => {
  const status = ref<SafetyStatus | null>(null)
  const health = ref<Health | null>(null)
  const backups = ref<Backup[]>([])
  // Until the first list arrives the table says so, not 「还没有备份」 (e.g. while reloading).
  const backupsListed = ref(false)
  const retention = ref<Retention>({ recycleDays: null, auditDays: null })
  const loading = ref(false)
  const error = ref<string | null>(null)
  const progress = ref<JobProgress | null>(null)
  const track = (p: JobProgress) => (progress.value = p)
  const transfer = (phase: string) => (done: number, total: number) =>
    (progress.value = { phase, done, total })

  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    loading.value = true
    error.value = null
    progress.value = null
    try {
      return await work()
    } catch (e) {
      error.value = errorMessage(e)
      throw e
    } finally {
      loading.value = false
      progress.value = null
    }
  }

  async function loadStatus(): Promise<SafetyStatus | null> {
    try {
      status.value = await invoke('safety:status', {})
    } catch (e) {
      error.value = errorMessage(e)
    }
    return status.value
  }

  async function loadAll(): Promise<void> {
    await loadStatus()
    try {
      backups.value = await invoke('safety:list', {})
      backupsListed.value = true
      health.value = status.value?.mode === 'damaged' ? null : await invoke('safety:health', {})
    } catch (e) {
      error.value = errorMessage(e)
    }
  }

  const backupNow = () =>
    guarded(async () => {
      const b = await withProgress((jobId) => invoke('safety:backup', { jobId }), track)
      await loadAll()
      return b
    })

  const verify = (id: string) => guarded(() => invoke('safety:verify', { id }))

  const restore = (id: string) =>
    guarded(() => withProgress((jobId) => invoke('safety:restore', { id, jobId }), track))

  /** Uploads a backup file from elsewhere (a USB stick) and checks it; nothing replaced yet. */
  const inspectFile = (file: Blob) =>
    guarded(async () => {
      const uploadId = await uploadFile(file, transfer('上传文件'))
      return { uploadId, inspected: await invoke('safety:inspect', { uploadId }) }
    })

  const restoreUploaded = (uploadId: string) =>
    guarded(() => withProgress((jobId) => invoke('safety:restore', { uploadId, jobId }), track))

  const remove = (id: string) =>
    guarded(async () => {
      await invoke('safety:delete', { id })
      await loadAll()
    })

  const setFolder = (path: string | null) =>
    guarded(async () => {
      const folder = await invoke('safety:set-folder', { path })
      await loadAll()
      return folder
    })

  const loadRetention = async () => (retention.value = await invoke('safety:retention', {}))

  const setRetention = (r: Retention) =>
    guarded(async () => {
      const done = await invoke('safety:set-retention', r)
      retention.value = { recycleDays: done.recycleDays, auditDays: done.auditDays }
      return done
    })

  const exportPackage = () =>
    guarded(async () => {
      const r = await withProgress((jobId) => invoke('safety:package-export', { jobId }), track)
      await downloadStaged(r.fileName, transfer('下载数据包'))
      return r
    })

  const previewPackage = (file: Blob) =>
    guarded(async () => {
      const uploadId = await uploadFile(file, transfer('上传数据包'))
      return { uploadId, preview: await invoke('safety:package-preview', { uploadId }) }
    })

  const importPackage = (uploadId: string) =>
    guarded(() =>
      withProgress((jobId) => invoke('safety:package-import', { uploadId, jobId }), track),
    )

  return {
    status,
    health,
    backups,
    backupsListed,
    loading,
    error,
    progress,
    loadStatus,
    loadAll,
    backupNow,
    verify,
    restore,
    inspectFile,
    restoreUploaded,
    remove,
    setFolder,
    retention,
    loadRetention,
    setRetention,
    exportPackage,
    previewPackage,
    importPackage,
  }
})
