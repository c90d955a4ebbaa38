/** Metadata: modules, fields, picklists, layouts, pipelines as data (ARCHITECTURE.md idea 1). */
export { MetadataCache, loadSnapshot } from './snapshot.js';
export { createField, updateField, deleteField, type FieldPatch } from './fields-service.js';
export { createCustomModule, deleteCustomModule, updateModule, moduleJson, type ModuleRequest } from './modules-service.js';
export { updateLayout } from './layouts-service.js';
export { CREATABLE_TYPES } from './field-request.js';
export type * from './types.js';
