// One Pinia setup store per register, made by this factory: it owns the list query
// (kept while the user moves around the app), the current page of rows, loading and error.
import type { AnyRegisterKey } from '@shared/registers/registers'
import type { ListQuery } from '@shared/schemas/registers.schema'
import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { errorMessage, invoke } from '../api/client'
import type { Values } from '../utils/field-form'

type Query = Required<Omit<ListQuery, 'sort' | 'filters'>> & {
  sort: { field: string; order: 'asc' | 'desc' } | null
  filters: Record<string, string | number>
}

// The generic calls go through one typed door per operation; rows are field maps here.
type Call = (channel: string, input: unknown) => Promise<unknown>
const call = invoke as unknown as Call

export function defineRegisterStore(key: AnyRegisterKey) {
  return defineStore(`register:${key}`, () => {
    const query = reactive<Query>({
      page: 1,
      pageSize: 20,
      search: '',
      sort: null,
      filters: {},
      trash: false,
    })
    const rows = ref<Values[]>([])
    const total = ref(0)
    const loading = ref(false)
    const error = ref<string | null>(null)
    let seq = 0

    async function load(): Promise<void> {
      const mine = ++seq
      loading.value = true
      error.value = null
      try {
        const r = (await call(`${key}:list`, { ...query, filters: { ...query.filters } })) as {
          rows: Values[]
          total: number
        }
        if (mine !== seq) return // a newer query has been sent meanwhile
        rows.value = r.rows
        total.value = r.total
      } catch (e) {
        if (mine === seq) error.value = errorMessage(e)
      } finally {
        if (mine === seq) loading.value = false
      }
    }

    function reset(): Promise<void> {
      query.page = 1
      return load()
    }

    const get = (id: number) => call(`${key}:get`, { id }) as Promise<Values>
    const history = (id: number) => call(`${key}:history`, { id }) as Promise<Values[]>

    async function create(data: Values): Promise<Values> {
      const r = (await call(`${key}:create`, data)) as Values
      await load()
      return r
    }
    async function update(id: number, data: Values): Promise<Values> {
      const r = (await call(`${key}:update`, { id, data })) as Values
      await load()
      return r
    }
    async function remove(id: number, extra: Values = {}): Promise<void> {
      await call(`${key}:delete`, { id, ...extra })
      await load()
    }
    async function restore(id: number): Promise<void> {
      await call(`${key}:restore`, { id })
      await load()
    }
    async function purge(id: number): Promise<void> {
      await call(`${key}:purge`, { id })
      await load()
    }

    return {
      query,
      rows,
      total,
      loading,
      error,
      load,
      reset,
      get,
      history,
      create,
      update,
      remove,
      restore,
      purge,
    }
  })
}

export type RegisterStore = ReturnType<ReturnType<typeof defineRegisterStore>>

/** Child lists (服务记录 …) are small and shown inside one record; no store needed. */
export const childApi = {
  list: (child: string, parentId: number) =>
    call(`${child}:list`, { parentId }) as Promise<Values[]>,
  create: (child: string, parentId: number, data: Values) =>
    call(`${child}:create`, { parentId, data }) as Promise<Values>,
  update: (child: string, id: number, data: Values) =>
    call(`${child}:update`, { id, data }) as Promise<Values>,
  remove: (child: string, id: number) => call(`${child}:delete`, { id }) as Promise<unknown>,
}
