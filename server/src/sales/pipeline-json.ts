import type { Pipeline } from '../metadata/types.js';

/** A pipeline in API shape (API.md "Sales"), with `fixed` marking the stages that cannot be deleted. */
export function pipelineJson(p: Pipeline) {
  return {
    id: p.id,
    name: p.name,
    default: p.isDefault,
    stages: p.stages.map((s) => ({ id: s.id, name: s.name, probability: s.probability, kind: s.kind, order: s.order, fixed: s.fixed })),
  };
}

export type PipelineJson = ReturnType<typeof pipelineJson>;
