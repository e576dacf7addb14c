#ifndef KIZUNA_FS_H
#define KIZUNA_FS_H

/// Atomically exchanges two paths (both must exist): Linux renameat2(RENAME_EXCHANGE), macOS renamex_np(RENAME_SWAP).
/// Returns 0, or -1 with errno set (ENOSYS or EINVAL where the file system cannot exchange).
int kizuna_exchange(const char *a, const char *b);

#include <stddef.h>

/// libc's memmem, which glibc declares only under _GNU_SOURCE: the offset of `needle` in `haystack`, or -1.
long kizuna_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Removes a folder and everything in it (nftw, depth first, links not followed); 0, or -1 with errno.
int kizuna_remove_tree(const char *path);

#endif
