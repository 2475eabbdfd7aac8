#ifndef BARKLEY_CSQLITE_SHIM_H
#define BARKLEY_CSQLITE_SHIM_H

#include <sqlite3.h>

// Swift cannot call C variadic functions, so the few `sqlite3_db_config` verbs the
// Swift layer needs get a fixed-arity wrapper each.

/// Turns a boolean `SQLITE_DBCONFIG_*` option on (1) or off (0); returns SQLite's result code.
static inline int csqlite_db_config_bool(sqlite3 *db, int option, int enabled) {
    return sqlite3_db_config(db, option, enabled, (int *)0);
}

/// Reads a boolean `SQLITE_DBCONFIG_*` option without changing it: 1 on, 0 off, -1 on error.
static inline int csqlite_db_config_bool_get(sqlite3 *db, int option) {
    int enabled = -1;
    if (sqlite3_db_config(db, option, -1, &enabled) != SQLITE_OK) return -1;
    return enabled;
}

/// `sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0)`: no page-cache memory supplied and
/// no initial bulk allocation per page cache, so a cache allocates pages as it uses them.
/// Must run before SQLite initializes; returns SQLITE_MISUSE after.
static inline int csqlite_config_no_initial_page_cache_block(void) {
    return sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)0, 0, 0);
}

/// `SQLITE_TRANSIENT` is a macro over a function-pointer cast, which Swift cannot import.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
