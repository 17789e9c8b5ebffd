// What renderer tests share: a real backend per test as the renderer's transport, and a
// FieldInput mounted in a host that keeps its v-model, as a form would.
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { setTransport } from '../../src-renderer/src/api/client'
import FieldInput from '../../src-renderer/src/components/register/FieldInput.vue'
import { useLookupsStore } from '../../src-renderer/src/stores/lookups.store'
import type { FieldDef } from '../../src-main/shared/registers/field-def'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

/**
 * Before each test: a fresh backend in a temporary data folder, handed to `use` and set as the
 * transport. After it: the transport is cleared, mounted pages are removed and the folder goes.
 */
export function connectBackend(use: (b: TestBackend) => void): void {
  let b: TestBackend | undefined
  beforeEach(() => {
    b = testBackend()
    use(b)
    setTransport(b.invoke)
  })
  afterEach(() => {
    setTransport(undefined)
    document.body.innerHTML = ''
    b?.dispose()
    b = undefined
  })
}

/** FieldInput with the lookups loaded, attached to the page (drop-downs teleport there). */
export async function mountField(
  field: FieldDef,
  initial: unknown,
  settle: () => Promise<unknown> = flushPromises,
) {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useLookupsStore().load()
  const value = ref<unknown>(initial)
  const Host = defineComponent(
    () => () =>
      h(FieldInput, {
        field,
        modelValue: value.value,
        'onUpdate:modelValue': (v: unknown) => (value.value = v),
      }),
  )
  const wrapper = mount(Host, {
    // The 网格管理 link needs no router here; a stub keeps Vue from warning about it.
    global: { plugins: [pinia, ElementPlus], stubs: { RouterLink: RouterLinkStub } },
    attachTo: document.body,
  })
  await settle()
  return { wrapper, value }
}
