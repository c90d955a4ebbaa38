/**
 * "What dominates" per benchmark and engine, from profiles (`npm run bench -- --profile`, which
 * prints each server's hottest functions) and the query plans; RESULTS.md copies it. Update it
 * when a change moves the bottleneck. Figures here are shares of server CPU on the 2-core
 * machine of RESULTS.md.
 */
export const DOMINATES: Record<string, Record<string, string>> = {
  'bulk-create': {
    sqlite:
      'Node CPU in the record service, not SQLite. Per record ~150–250 µs of JavaScript: parseInput/applyDefaults, valuesToColumns, ' +
      'recordToJson twice (outbox payload and response), resolveNames walking Object.entries of value objects V8 keeps in dictionary mode, ' +
      'searchDocument normalisation, and Kysely compiling each 2,600-parameter insert (parseRowValues/visitNode/freeze ≈ 8%). SQLite itself ' +
      '(executeQuery) is ~25–30%, about half of it in COMMIT (FTS5 writes its pending terms as a new segment; WAL auto-checkpoints).',
    postgres:
      'The same record-service JavaScript (transaction body in create.ts 52% inclusive, server/src/records 28% self, GC 8%): 17–23 ms of ' +
      'server CPU per batch of 100, i.e. 4,300–6,000 records per CPU-second, while 4 raw pg connections insert 12,000–27,000/s here.',
  },
  'single-create': {
    sqlite:
      '~0.8 ms server CPU per create with 10 in flight (1.3–1.5 ms sequentially): 11 statements per request (session, meta version, BEGIN, ' +
      'owner check, insert, history, outbox, search_docs, search_fts, owner name, COMMIT), each built by Kysely and run by SQLite ' +
      '(executeQuery 28% incl. the WAL commit); socket writev 10%; pino request logging 2–3%.',
    postgres:
      'Round trips: the 10 statements (session, meta version, BEGIN, owner check, insert, history, outbox, search_index, owner name, COMMIT) run one after another, each a socket write (writev = 25% of server CPU) and a wait on PostgreSQL; ' +
      'the transaction body is 32% inclusive. Raw autocommit single-row inserts reach only ~2,300/s sequentially here (commit fsync).',
  },
  'list-filter': {
    sqlite:
      'Not the query: raw 0.4–1.2 ms (backward walk of r_leads_createdAt, ~10% of rows match so ~550 rows read for 51, temp B-tree only for ' +
      'the id tie-break). The API time is per-request work in Node (record shaping and serialisation, see list-concurrent). The good ' +
      'plan depends on LIMIT being a bound parameter: with a literal LIMIT 51 SQLite (no sqlite_stat1) scans the table and sorts: 350–490 ms.',
    postgres:
      'Index Scan Backward on r_leads_createdAt + Incremental Sort on id: raw 0.5–1.3 ms. The rest is per-request work in Node (list-concurrent).',
  },
  search: {
    sqlite:
      'The ranked FTS5 statement (96% of server CPU in executeQuery): bm25() over every match (7,400 for "hart") joined to search_docs ' +
      'and sorted in a temp B-tree before LIMIT. Ranking inside FTS5 first (subquery ORDER BY bm25 LIMIT 50, then join search_docs) ' +
      'halves it: 15 → 8 ms for "hart", 166 → 88 ms for "mar".',
    postgres:
      'Bitmap heap scan of every matching row to compute ts_rank (reading each tsv), then a top-N sort: grows with the number of ' +
      'matches (15–40 ms for 7,400 depending on machine load, 350–400 ms for 158,000). Node adds ~4 ms of CPU per request.',
  },
  'list-concurrent': {
    sqlite:
      '2.6–3.0 ms server CPU per request, one Node process, so throughput ≈ 1 / CPU per request. SQLite 24% (51 full rows, session, meta ' +
      'version, owner names); record shaping 30%: resolveNames 14%, recordToJson 9%, columnsToRecord 7%, all over value objects in V8 ' +
      'dictionary mode (columnsToRecord adds 23 properties by keyed stores, past V8’s fast-property limit); generated serializer ~7%; GC 5%.',
    postgres:
      '2.9–3.1 ms server CPU per request: the same record shaping (resolveNames 11%, recordToJson 5.5%, columnsToRecord 5.3%), socket ' +
      'writev 15% (4 round trips: session, meta version, list, owner names), pg row parsing, GC 9%.',
  },
  board: {
    sqlite:
      'The GROUP BY over the covering index r_deals_board_totals (pipeline, stage, amount, expectedRevenue), ~10 ms for 100,000 ' +
      "entries; each column's cards are an index walk of 21 entries on r_deals_board_cards (pipeline, stage, createdAt, id), under " +
      '1 ms. The API adds ~5 ms of record-service JavaScript (7 list pages, names, JSON). Before these indexes the board took ~2 s.',
    postgres:
      'The aggregate, run as a parallel sequential scan of the 100,000 rows (~30 ms on a quiet machine, 80–200 ms while other ' +
      'suites load it); the 7 card pages take ~0.1 ms each; ~11 ms of server CPU per board. Per-stage totals kept by row triggers ' +
      'were tried and withdrawn (concurrent bulk creates deadlocked on the totals rows).',
  },
  automation: {
    sqlite:
      'Server CPU on the one Node thread, where the rules run inside each create call: per 100 leads they write about 119 tasks ' +
      "(row, history entry, outbox event, search document each, and the lead's lastActivityAt), 67 folded changes (no second " +
      'row, but a history entry and an updated event each) and 20 run-log rows, after deciding 20 rules on each lead: about twice ' +
      "the rows and bytes of the creates themselves, so SQLite's share barely moves (about 40% of the rules' extra CPU: the extra " +
      'inserts, the events above all). Per rule-made task ~90 µs, per folded change ~75 µs, deciding the 20 rules ~35 µs a lead; the ' +
      'rest is GC and the record pipeline, spread thin. FTS5 writes come last in the transaction (a savepoint or unique insert after ' +
      'one made FTS5 flush its pending terms each time).',
    postgres:
      "The same writes inside each create call's transaction, four calls in flight, so the database's round trips overlap with " +
      "Node's work and Node's CPU bounds it: the record pipeline for the tasks and folded changes, the bytes of the outbox events " +
      "(about half of what the rules send), GC (the objects of calls in flight survive scavenges: ~10% of the rules' extra CPU) and " +
      'socket writes. The outbox, history, run log and search documents go as one JSON parameter per statement.',
  },
  startup: {
    sqlite:
      'Loading code, not data: node_modules loaded as separate CommonJS files (packages are external to the esbuild bundle, ~30% of ' +
      'start-up CPU), ajv validators and fast-json-stringify serializers compiled for every route (~20%), GC 7%. The database is barely ' +
      'touched (migration check, first-admin check, recycle-bin purge), so 1M leads cost nothing; RSS is code and heap, not data. A start ' +
      'right after a source edit also rebuilds the bundle.',
    postgres: 'As on SQLite: module loading and schema compilation; the pool connects lazily.',
  },
};
