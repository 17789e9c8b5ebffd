// Excel in and out for every register: column layouts and named presets, export, the import
// template, and the two-step import (check, then write). Owns loading and error like the rest.
import type { Input, Output } from '@shared/contract'
import type { RegisterKey } from '@shared/registers/registers'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage, invoke } from '../api/client'
import { withProgress, type JobProgress } from '../api/progress'
import { uploadFile } from '../api/transfer'
import { downloadBase64, MIME } from '../utils/files'

export type ColumnsInfo = Output<'exchange:columns'>
export type Preset = Output<'exchange:preset-save'>
export type ImportPreview = Output<'exchange:preview'>
export type ImportResult = Output<'exchange:import'>
type ImportRequest = Omit<Input<'exchange:import'>, 'jobId'>

export const useExchangeStore = defineStore('exchange', () => {
  const columns = ref<Partial<Record<RegisterKey, ColumnsInfo>>>({})
  const presets = ref<Partial<Record<RegisterKey, Preset[]>>>({})
  const loading = ref(false)
  const error = ref<string | null>(null)
  const progress = ref<JobProgress | null>(null)

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
    }
  }
  const track = (p: JobProgress) => (progress.value = p)

  async function loadColumns(register: RegisterKey): Promise<ColumnsInfo> {
    const info = columns.value[register] ?? (await invoke('exchange:columns', { register }))
    columns.value[register] = info
    presets.value[register] = await invoke('exchange:presets', { register })
    return info
  }

  async function savePreset(register: RegisterKey, name: string, cols: string[]): Promise<Preset> {
    const saved = await invoke('exchange:preset-save', { register, name, columns: cols })
    presets.value[register] = await invoke('exchange:presets', { register })
    return saved
  }

  async function deletePreset(register: RegisterKey, id: number): Promise<void> {
    await invoke('exchange:preset-delete', { id })
    presets.value[register] = await invoke('exchange:presets', { register })
  }

  /** Exports and hands the file to the browser / window as a download; returns the count. */
  function exportXlsx(input: Omit<Input<'exchange:export'>, 'jobId'>): Promise<number> {
    return guarded(async () => {
      const file = await withProgress(
        (jobId) => invoke('exchange:export', { ...input, jobId }),
        track,
      )
      downloadBase64(file.fileName, file.base64, MIME.xlsx)
      return file.count
    })
  }

  function downloadTemplate(register: RegisterKey): Promise<void> {
    return guarded(async () => {
      const file = await invoke('exchange:template', { register })
      downloadBase64(file.fileName, file.base64, MIME.xlsx)
    })
  }

  /** Uploads a sheet in pieces to the backend's staging folder; checks and import read it there. */
  function stage(file: Blob): Promise<string> {
    return guarded(() =>
      uploadFile(file, (done, total) => (progress.value = { phase: '上传文件', done, total })),
    )
  }

  /** Drops a staged sheet the user is done with (it holds personal data). */
  function discard(uploadId: string): void {
    void invoke('safety:discard-upload', { uploadId }).catch(() => undefined)
  }

  function preview(input: Omit<ImportRequest, 'onDuplicate' | 'skipInvalid'>) {
    return guarded(() =>
      withProgress((jobId) => invoke('exchange:preview', { ...input, jobId }), track),
    )
  }

  function importRows(input: ImportRequest): Promise<ImportResult> {
    return guarded(() =>
      withProgress((jobId) => invoke('exchange:import', { ...input, jobId }), track),
    )
  }

  return {
    columns,
    presets,
    loading,
    error,
    progress,
    loadColumns,
    savePreset,
    deletePreset,
    exportXlsx,
    downloadTemplate,
    stage,
    discard,
    preview,
    importRows,
  }
})
