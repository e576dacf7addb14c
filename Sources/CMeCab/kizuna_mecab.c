#include "kizuna_mecab.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int resolve(void *library, const char *name, void **slot, char *error, size_t error_size) {
    *slot = dlsym(library, name);
    if (*slot == NULL) {
        snprintf(error, error_size, "the MeCab library has no %s", name);
        return -1;
    }
    return 0;
}

const kizuna_mecab_api *kizuna_mecab_open(const char *const *names, size_t count, char *error, size_t error_size) {
    void *library = NULL;
    char first[512] = "no library named";
    for (size_t i = 0; i < count && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        const char *why = library == NULL ? dlerror() : NULL;
        if (i == 0 && why != NULL) snprintf(first, sizeof first, "%s", why);
    }
    if (library == NULL) {
        // The first name's reason (e.g. "libmecab.so.2: cannot open shared object file"); the others fail alike.
        snprintf(error, error_size, "%s", first);
        return NULL;
    }
    void *found[11];
    struct { const char *name; void **slot; } symbols[] = {
        {"mecab_version", &found[0]},
        {"mecab_strerror", &found[1]},
        {"mecab_model_new2", &found[2]},
        {"mecab_model_destroy", &found[3]},
        {"mecab_model_new_tagger", &found[4]},
        {"mecab_model_new_lattice", &found[5]},
        {"mecab_destroy", &found[6]},
        {"mecab_lattice_destroy", &found[7]},
        {"mecab_lattice_set_sentence2", &found[8]},
        {"mecab_parse_lattice", &found[9]},
        {"mecab_lattice_get_bos_node", &found[10]},
    };
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        if (resolve(library, symbols[i].name, symbols[i].slot, error, error_size) != 0) {
            dlclose(library);
            return NULL;
        }
    }
    kizuna_mecab_api *api = malloc(sizeof *api);
    if (api == NULL) {
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    // Object pointers from dlsym become function pointers, as POSIX allows.
    api->version = (const char *(*)(void))found[0];
    api->strerror = (const char *(*)(kizuna_mecab_tagger *))found[1];
    api->model_new2 = (kizuna_mecab_model *(*)(const char *))found[2];
    api->model_destroy = (void (*)(kizuna_mecab_model *))found[3];
    api->model_new_tagger = (kizuna_mecab_tagger *(*)(kizuna_mecab_model *))found[4];
    api->model_new_lattice = (kizuna_mecab_lattice *(*)(kizuna_mecab_model *))found[5];
    api->destroy = (void (*)(kizuna_mecab_tagger *))found[6];
    api->lattice_destroy = (void (*)(kizuna_mecab_lattice *))found[7];
    api->lattice_set_sentence2 = (void (*)(kizuna_mecab_lattice *, const char *, size_t))found[8];
    api->parse_lattice = (int (*)(kizuna_mecab_tagger *, kizuna_mecab_lattice *))found[9];
    api->lattice_get_bos_node = (const kizuna_mecab_node *(*)(kizuna_mecab_lattice *))found[10];
    return api;
}
