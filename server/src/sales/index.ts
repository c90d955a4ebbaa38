/** Sales (SPEC [LEAD-2], [DEAL-1]–[DEAL-3]): lead conversion, pipelines, stage history, kanban boards. */

export { type Board, type BoardQuery, board, boardColumn, DEFAULT_PER_COLUMN } from './board.js';
export {
  addContactRole,
  type ContactRole,
  contactRoleOptions,
  listContactRoles,
  removeContactRole,
  saveContactRoleOptions,
  updateContactRole,
} from './contact-roles.js';
export { type ConvertLeadRequest, type ConvertLeadResult, convertLead } from './convert-lead.js';
export { CONVERSION_MODULES, leadConversionSettings, saveLeadConversionMapping } from './lead-conversion-mapping.js';
export { addStage, deleteStage, type StageRequest, updateStage } from './pipeline-stages.js';
export { createPipeline, deletePipeline, getPipeline, listPipelines, type PipelineRequest, updatePipeline } from './pipelines.js';
export { dealStageHistory, type StageChange } from './stage-history.js';
