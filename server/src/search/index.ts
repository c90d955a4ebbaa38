export { deferSearchWrites, type SearchMark, searchMark, undoSearchWritesTo } from './deferred.js';
export { type SearchDocument, searchDocument } from './document.js';
export { type GlobalSearchResult, globalSearch } from './global.js';
export { type SearchHit, searchAcrossModules, searchIdsCondition } from './query.js';
export { removeModuleFromSearch, removeSearchDocuments, upsertSearchDocuments, writeDeferredSearch } from './store.js';
export { normalizeSearchText, queryTokens } from './text.js';
