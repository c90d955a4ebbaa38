export { searchDocument, type SearchDocument } from './document.js';
export { upsertSearchDocuments, removeSearchDocuments, removeModuleFromSearch } from './store.js';
export { searchIdsCondition, searchAcrossModules, type SearchHit } from './query.js';
export { normalizeSearchText, queryTokens } from './text.js';
export { globalSearch, type GlobalSearchResult } from './global.js';
