#ifndef DANGJIAN_RENAME_EXCHANGE_H
#define DANGJIAN_RENAME_EXCHANGE_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set when the system or file system cannot do it.
int dangjian_rename_exchange(const char *from, const char *to);

#endif
