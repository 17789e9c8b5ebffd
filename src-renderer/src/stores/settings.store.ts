import type { Settings, SettingsInput } from '@shared/schemas/settings.schema'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage, invoke } from '../api/client'

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      settings.value = await invoke('settings:get', {})
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  /** Saves and keeps the saved copy; rethrows so the form can show field messages. */
  async function save(input: SettingsInput): Promise<Settings> {
    const saved = await invoke('settings:save', input)
    settings.value = saved
    return saved
  }

  return { settings, loading, error, load, save }
})
