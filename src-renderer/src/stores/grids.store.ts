import type { Grid, GridInput } from '@shared/schemas/grids.schema'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage, invoke } from '../api/client'

export const useGridsStore = defineStore('grids', () => {
  const items = ref<Grid[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      items.value = await invoke('grids:list', {})
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  async function create(input: GridInput): Promise<Grid> {
    const grid = await invoke('grids:create', input)
    await load()
    return grid
  }

  async function update(id: number, data: GridInput): Promise<Grid> {
    const grid = await invoke('grids:update', { id, data })
    await load()
    return grid
  }

  return { items, loading, error, load, create, update }
})
