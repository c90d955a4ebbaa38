export { createView, deleteView, getView, listViews, updateView, type SavedView, type ViewInput } from './service.js';
export { applyView } from './apply.js';
