#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include "kizuna_fs.h"

int kizuna_exchange(const char *a, const char *b) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#elif defined(__APPLE__)
    return renamex_np(a, b, RENAME_SWAP);
#else
    errno = ENOSYS;
    return -1;
#endif
}

long kizuna_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    const char *found = memmem(haystack, haystack_length, needle, needle_length);
    return found ? (long)(found - (const char *)haystack) : -1;
}

#include <ftw.h>
#include <unistd.h>

static int kizuna_remove_entry(const char *path, const struct stat *info, int type, struct FTW *walk) {
    (void)info; (void)walk;
    return (type == FTW_DP ? rmdir(path) : unlink(path)) == 0 || errno == ENOENT ? 0 : -1;
}

int kizuna_remove_tree(const char *path) {
    // Depth first, without following links: a hard-linked file loses one name, its other names stay.
    int result = nftw(path, kizuna_remove_entry, 32, FTW_DEPTH | FTW_PHYS);
    return result == 0 || errno == ENOENT ? 0 : -1;
}
