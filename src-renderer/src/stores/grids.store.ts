import type { Grid, GridInput, GridUsage } from '@shared/schemas/grids.schema'
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

  /** Who belongs to the grid, per register, before deleting it. */
  function usage(id: number): Promise<GridUsage> {
    return invoke('grids:usage', { id })
  }

  /** Deletes a grid; records in it move to `moveTo` first (the backend refuses otherwise). */
  async function remove(id: number, moveTo?: number): Promise<{ moved: number }> {
    const r = await invoke('grids:delete', moveTo === undefined ? { id } : { id, moveTo })
    await load()
    return r
  }

  return { items, loading, error, load, create, update, usage, remove }
})
