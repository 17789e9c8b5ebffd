// Filling a street office's own Excel form: stage the form, inspect it (header, mapping,
// samples), fill a copy and hand it over as a download, and forget a saved mapping.
import type { Input, Output } from '@shared/contract'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage, invoke } from '../api/client'
import { uploadFile } from '../api/transfer'
import { downloadBase64, MIME } from '../utils/files'

export type FormInspect = Output<'forms:inspect'>
export type FormRequest = Input<'forms:inspect'>

export const useFormsStore = defineStore('forms', () => {
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    loading.value = true
    error.value = null
    try {
      return await work()
    } catch (e) {
      error.value = errorMessage(e)
      throw e
    } finally {
      loading.value = false
    }
  }

  const stage = (file: Blob) => guarded(() => uploadFile(file))
  const inspect = (input: FormRequest) => guarded(() => invoke('forms:inspect', input))

  /** Fills the form, downloads the copy and returns how many records it holds. */
  function fill(input: Input<'forms:fill'>): Promise<number> {
    return guarded(async () => {
      const file = await invoke('forms:fill', input)
      downloadBase64(file.fileName, file.base64, MIME.xlsx)
      return file.count
    })
  }

  const forget = (input: Input<'forms:mapping-forget'>) =>
    guarded(() => invoke('forms:mapping-forget', input))

  /** The staged form holds no personal data, but nothing is kept that is not needed. */
  function discard(uploadId: string): void {
    void invoke('safety:discard-upload', { uploadId }).catch(() => undefined)
  }

  return { loading, error, stage, inspect, fill, forget, discard }
})
