// The I/O floor of a build (issue 7): the least a program can do to put the same bytes in the same files.
//
// usage: iofloor PACK OUT_DIR [THREADS]
//
// PACK is what scripts/bench.py packs from a Kizuna build: records of
//   u32 path length, path bytes (relative, '/'-separated), u64 size, file bytes
// in little-endian. The pack is memory-mapped (it sits in the page cache, as a builder's rendered bytes sit in
// memory), the folders are made, then THREADS threads (default 2) each take every THREADS-th file and write it
// with open(2), write(2) and close(2): no fsync, no buffering, no formatting. Nothing is printed unless it fails
// (exit 1; a truncated or malformed pack is refused before any file is written; exit 2 for usage).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct { const char *path; const unsigned char *bytes; uint64_t size; } Entry;

static Entry *entries;
static size_t count;
static int threads = 2;

static void fail(const char *what, const char *path) {
    fprintf(stderr, "iofloor: %s '%s': %s\n", what, path, strerror(errno));
    exit(1);
}

static void corrupt(const char *pack, size_t at) {
    fprintf(stderr, "iofloor: '%s' is not a pack (bad record at byte %zu)\n", pack, at);
    exit(1);
}

static void make_parents(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        if (mkdir(path, 0755) != 0 && errno != EEXIST) fail("mkdir", path);
        *p = '/';
    }
}

static void *writer(void *arg) {
    size_t first = (size_t)(intptr_t)arg;
    for (size_t i = first; i < count; i += (size_t)threads) {
        int fd = open(entries[i].path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) fail("open", entries[i].path);
        uint64_t done = 0;
        while (done < entries[i].size) {
            ssize_t n = write(fd, entries[i].bytes + done, entries[i].size - done);
            if (n < 0) { if (errno == EINTR) continue; fail("write", entries[i].path); }
            done += (uint64_t)n;
        }
        if (close(fd) != 0) fail("close", entries[i].path);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: iofloor PACK OUT_DIR [THREADS]\n"); return 2; }
    if (argc > 3) threads = atoi(argv[3]);
    if (threads < 1 || threads > 64) { fprintf(stderr, "iofloor: THREADS must be 1 to 64\n"); return 2; }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) fail("open", argv[1]);
    struct stat st;
    if (fstat(fd, &st) != 0) fail("stat", argv[1]);
    size_t total = (size_t)st.st_size;
    // An empty pack is an empty build: only OUT_DIR is made (mmap refuses a length of 0).
    const unsigned char *pack = NULL;
    if (total > 0) {
        pack = mmap(NULL, total, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (pack == MAP_FAILED) fail("mmap", argv[1]);
    }
    size_t capacity = 1 << 16, outlen = strlen(argv[2]);
    entries = malloc(capacity * sizeof(Entry));
    if (!entries) fail("malloc", argv[1]);
    char last_dir[4096] = "";
    for (size_t at = 0; at < total;) {
        // Every field is checked against the end of the pack, so a truncated pack fails instead of reading past it.
        uint32_t len;
        if (total - at < 4) corrupt(argv[1], at);
        memcpy(&len, pack + at, 4); at += 4;
        if (len == 0 || total - at < (size_t)len + 8) corrupt(argv[1], at);
        char *path = malloc(outlen + 1 + len + 1);
        if (!path) fail("malloc", argv[1]);
        memcpy(path, argv[2], outlen); path[outlen] = '/';
        memcpy(path + outlen + 1, pack + at, len); path[outlen + 1 + len] = 0; at += len;
        if (strlen(path) != outlen + 1 + len) corrupt(argv[1], at);  // a NUL inside the path
        uint64_t size; memcpy(&size, pack + at, 8); at += 8;
        if (size > total - at) corrupt(argv[1], at);
        if (count == capacity) {
            entries = realloc(entries, (capacity *= 2) * sizeof(Entry));
            if (!entries) fail("realloc", argv[1]);
        }
        entries[count++] = (Entry){ path, pack + at, size };
        at += size;
        // Folders are made once each, in pack order (files of one folder are packed together).
        char *slash = strrchr(path, '/');
        size_t dirlen = (size_t)(slash - path);
        if (dirlen + 2 > sizeof last_dir) { errno = ENAMETOOLONG; fail("path", path); }  // folder + '/' + NUL
        if (strncmp(last_dir, path, dirlen) != 0 || last_dir[dirlen] != 0) {
            memcpy(last_dir, path, dirlen); last_dir[dirlen] = 0;
            char folder[4096]; memcpy(folder, path, dirlen); folder[dirlen] = '/'; folder[dirlen + 1] = 0;
            make_parents(folder);
        }
    }
    if (count == 0) {
        char folder[4096];
        if (outlen + 2 > sizeof folder) { errno = ENAMETOOLONG; fail("path", argv[2]); }
        memcpy(folder, argv[2], outlen); folder[outlen] = '/'; folder[outlen + 1] = 0;
        make_parents(folder);
    }
    pthread_t ids[64];
    for (int t = 0; t < threads; t++) {
        int error = pthread_create(&ids[t], NULL, writer, (void *)(intptr_t)t);
        if (error != 0) { errno = error; fail("pthread_create", argv[2]); }
    }
    for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
    return 0;
}
