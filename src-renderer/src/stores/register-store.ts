// One Pinia setup store per register, made by this factory: it owns the list query
// (kept while the user moves around the app), the current page of rows, loading and error.
import {
  childChannel,
  registerChannel,
  type ChildRow,
  type RegisterRow,
} from '@shared/register-api'
import type { AnyRegisterKey, ChildKey } from '@shared/registers/registers'
import type { ListQuery } from '@shared/schemas/registers.schema'
import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { errorMessage, invoke, preloadForms, submit } from '../api/client'
import type { Values } from '../utils/field-form'

type Query = Required<Omit<ListQuery, 'sort' | 'filters'>> & {
  sort: { field: string; order: 'asc' | 'desc' } | null
  filters: Record<string, string | number>
}

/** A record of any register, as the contract describes it. */
export type AnyRegisterRow = RegisterRow<AnyRegisterKey>
/** A row of any child list, as the contract describes it. */
export type AnyChildRow = ChildRow<ChildKey>

// The channels are built from the register's key (`${key}:list` …), typed as that register's
// channels; form values go through `submit`, which checks them with the channel's own schema.
export function defineRegisterStore(key: AnyRegisterKey) {
  return defineStore(`register:${key}`, () => {
    preloadForms()
    const query = reactive<Query>({
      page: 1,
      pageSize: 20,
      search: '',
      sort: null,
      filters: {},
      trash: false,
    })
    const rows = ref<AnyRegisterRow[]>([])
    const total = ref(0)
    const loading = ref(false)
    const error = ref<string | null>(null)
    let seq = 0

    async function load(): Promise<void> {
      const mine = ++seq
      loading.value = true
      error.value = null
      try {
        const r = await invoke(registerChannel(key, 'list'), {
          ...query,
          filters: { ...query.filters },
        })
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

    const get = (id: number) => invoke(registerChannel(key, 'get'), { id })
    const history = (id: number) => invoke(registerChannel(key, 'history'), { id })

    async function create(data: Values): Promise<AnyRegisterRow> {
      const r = await submit(registerChannel(key, 'create'), data)
      await load()
      return r
    }
    async function update(id: number, data: Values): Promise<AnyRegisterRow> {
      const r = await submit(registerChannel(key, 'update'), { id, data })
      await load()
      return r
    }
    /** `committee: 'unlink'` deletes a unit with its 兼职委员 unlinked (they stay). */
    async function remove(id: number, extra: { committee?: 'unlink' } = {}): Promise<void> {
      await invoke(registerChannel(key, 'delete'), { id, ...extra })
      await load()
    }
    async function restore(id: number): Promise<void> {
      await invoke(registerChannel(key, 'restore'), { id })
      await load()
    }
    async function purge(id: number): Promise<void> {
      await invoke(registerChannel(key, 'purge'), { id })
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
  list: (child: ChildKey, parentId: number) => invoke(childChannel(child, 'list'), { parentId }),
  create: (child: ChildKey, parentId: number, data: Values) =>
    submit(childChannel(child, 'create'), { parentId, data }),
  update: (child: ChildKey, id: number, data: Values) =>
    submit(childChannel(child, 'update'), { id, data }),
  remove: (child: ChildKey, id: number) => invoke(childChannel(child, 'delete'), { id }),
}
