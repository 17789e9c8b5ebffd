// 街道 mode's store: the street's setting, its communities' submissions and the merged pool.
import type { Input, Output } from '@shared/contract'
import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { errorMessage, invoke } from '../api/client'
import { percent, withProgress } from '../api/progress'
import { uploadFile } from '../api/transfer'
import { downloadBase64, MIME } from '../utils/files'

type Settings = Output<'street:settings'>

export const useStreetStore = defineStore('street', () => {
  const settings = ref<Settings | null>(null)
  const status = ref<Output<'street:status'> | null>(null)
  const pool = ref<Output<'street:list'>>({ rows: [], total: 0 })
  const query = reactive<Input<'street:list'>>({ search: '', page: 1, pageSize: 20 })
  const duplicates = ref<Output<'street:duplicates'>>([])
  const stats = ref<Output<'street:stats'> | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  /** The running import: which file and how far (0–100). */
  const importing = ref<{ file: string; percent: number } | null>(null)

  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    loading.value = true
    error.value = null
    try {
      return await fn()
    } catch (e) {
      error.value = errorMessage(e)
      return undefined
    } finally {
      loading.value = false
    }
  }

  async function loadSettings(): Promise<Settings | null> {
    try {
      settings.value = await invoke('street:settings', {})
    } catch (e) {
      error.value = errorMessage(e)
    }
    return settings.value
  }

  async function saveSettings(input: Input<'street:settings-save'>): Promise<Settings> {
    settings.value = await invoke('street:settings-save', input)
    return settings.value
  }

  const loadStatus = () => run(async () => (status.value = await invoke('street:status', {})))
  const loadPool = () => run(async () => (pool.value = await invoke('street:list', { ...query })))
  const loadDuplicates = () =>
    run(async () => (duplicates.value = await invoke('street:duplicates', {})))
  const loadStats = () => run(async () => (stats.value = await invoke('street:stats', {})))

  async function addCommunity(name: string): Promise<void> {
    await invoke('street:community-add', { name })
    await loadStatus()
  }

  /** Uploads and imports one community's file; the answer's message says what happened. */
  async function importFile(file: File, community?: string): Promise<Output<'street:import'>> {
    importing.value = { file: file.name, percent: 0 }
    try {
      const uploadId = await uploadFile(file, (done, total) => {
        if (importing.value) importing.value.percent = Math.round((done / total) * 40)
      })
      try {
        return await withProgress(
          (jobId) =>
            invoke('street:import', {
              fileName: file.name,
              uploadId,
              jobId,
              ...(community ? { community } : {}),
            }),
          (p) => {
            if (importing.value) importing.value.percent = 40 + Math.round(percent(p) * 0.6)
          },
        )
      } finally {
        await invoke('safety:discard-upload', { uploadId }).catch(() => undefined)
      }
    } finally {
      importing.value = null
      await loadStatus()
    }
  }

  const submissions = (communityId: number) => invoke('street:submissions', { communityId })
  const compare = (from: number, to: number) => invoke('street:compare', { from, to })

  async function exportPool(masked: boolean): Promise<void> {
    const file = await invoke('street:export', { masked })
    downloadBase64(file.fileName, file.base64, MIME.xlsx)
  }

  return {
    settings,
    status,
    pool,
    query,
    duplicates,
    stats,
    loading,
    error,
    importing,
    loadSettings,
    saveSettings,
    loadStatus,
    loadPool,
    loadDuplicates,
    loadStats,
    addCommunity,
    importFile,
    exportPool,
    submissions,
    compare,
  }
})
