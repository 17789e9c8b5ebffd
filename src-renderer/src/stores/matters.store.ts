// 民情事项: the register list (the shared register store) and the one item open on its detail
// page with its timeline; the steps (派单 … 评价) go through here and refresh both.
import type { Channel, Input } from '@shared/contract'
import type { Matter, Timeline } from '@shared/schemas/matters.schema'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage, invoke } from '../api/client'
import { defineRegisterStore } from './register-store'

export const useMattersStore = defineRegisterStore('matters')

export type StepChannel = Extract<
  Channel,
  | 'matters:dispatch'
  | 'matters:accept'
  | 'matters:progress'
  | 'matters:feedback'
  | 'matters:close'
  | 'matters:evaluate'
  | 'matters:cancel'
  | 'matters:merge'
>

export const useMatterDetailStore = defineStore('matter-detail', () => {
  const matter = ref<Matter | null>(null)
  const timeline = ref<Timeline>({ responders: [], events: [] })
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function load(id: number): Promise<void> {
    loading.value = true
    error.value = null
    if (matter.value?.id !== id) {
      matter.value = null
      timeline.value = { responders: [], events: [] }
    }
    try {
      const [m, t] = await Promise.all([
        invoke('matters:get', { id }),
        invoke('matters:timeline', { id }),
      ])
      matter.value = m
      timeline.value = t
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  /** Runs one step of the loop; the caller shows its error (the dialog stays open). */
  async function step<C extends StepChannel>(channel: C, input: Input<C>): Promise<void> {
    matter.value = (await invoke(channel, input)) as Matter
    timeline.value = await invoke('matters:timeline', { id: matter.value.id })
  }

  return { matter, timeline, loading, error, load, step }
})

export const loadDeadlines = () => invoke('matters:deadlines', {})
export const saveDeadlines = (deadlines: Input<'matters:deadlines-save'>['deadlines']) =>
  invoke('matters:deadlines-save', { deadlines })
