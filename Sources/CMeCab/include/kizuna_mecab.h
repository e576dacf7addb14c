#ifndef KIZUNA_MECAB_H
#define KIZUNA_MECAB_H

/// MeCab's C API, loaded at run time with dlopen so that building Kizuna needs no MeCab (its style rules that read
/// words are skipped where it is absent). The node layout and the signatures are those of mecab.h in MeCab 0.996
/// (libmecab.so.2), the ABI every packaged MeCab has had since 2013.

#include <stddef.h>


typedef struct kizuna_mecab_model kizuna_mecab_model;
typedef struct kizuna_mecab_tagger kizuna_mecab_tagger;
typedef struct kizuna_mecab_lattice kizuna_mecab_lattice;

/// mecab_node_t: one word (or the beginning/end of the sentence) of a parsed lattice.
typedef struct kizuna_mecab_node {
    struct kizuna_mecab_node *_Nullable prev;
    struct kizuna_mecab_node *_Nullable next;
    struct kizuna_mecab_node *_Nullable enext;
    struct kizuna_mecab_node *_Nullable bnext;
    void *_Nullable rpath;
    void *_Nullable lpath;
    /// Points into the parsed sentence; not NUL-terminated (see `length`).
    const char *_Nullable surface;
    /// The dictionary's comma-separated features, NUL-terminated.
    const char *_Nullable feature;
    unsigned int id;
    unsigned short length;
    unsigned short rlength;
    unsigned short rcAttr;
    unsigned short lcAttr;
    unsigned short posid;
    unsigned char char_type;
    unsigned char stat;
    unsigned char isbest;
    float alpha;
    float beta;
    float prob;
    short wcost;
    long cost;
} kizuna_mecab_node;

/// `stat` of a word in the dictionary, and of an unknown word (MECAB_NOR_NODE, MECAB_UNK_NODE).
enum { KIZUNA_MECAB_NOR_NODE = 0, KIZUNA_MECAB_UNK_NODE = 1 };

/// The functions Kizuna calls, resolved from the loaded library.
typedef struct kizuna_mecab_api {
    const char *_Nonnull (*_Nonnull version)(void);
    const char *_Nonnull (*_Nonnull strerror)(kizuna_mecab_tagger *_Nullable tagger);
    kizuna_mecab_model *_Nullable (*_Nonnull model_new2)(const char *_Nonnull arguments);
    void (*_Nonnull model_destroy)(kizuna_mecab_model *_Nonnull model);
    kizuna_mecab_tagger *_Nullable (*_Nonnull model_new_tagger)(kizuna_mecab_model *_Nonnull model);
    kizuna_mecab_lattice *_Nullable (*_Nonnull model_new_lattice)(kizuna_mecab_model *_Nonnull model);
    void (*_Nonnull destroy)(kizuna_mecab_tagger *_Nonnull tagger);
    void (*_Nonnull lattice_destroy)(kizuna_mecab_lattice *_Nonnull lattice);
    void (*_Nonnull lattice_set_sentence2)(kizuna_mecab_lattice *_Nonnull lattice, const char *_Nonnull sentence, size_t length);
    int (*_Nonnull parse_lattice)(kizuna_mecab_tagger *_Nonnull tagger, kizuna_mecab_lattice *_Nonnull lattice);
    const kizuna_mecab_node *_Nullable (*_Nonnull lattice_get_bos_node)(kizuna_mecab_lattice *_Nonnull lattice);
} kizuna_mecab_api;

/// Loads the first of `names` that dlopen can open and resolves every function in it. Returns the functions; or
/// NULL with why in `error` (NUL-terminated, truncated to `error_size` bytes) when no name opens or a function is
/// missing. What it returns, and the library, stay for the life of the process.
const kizuna_mecab_api *_Nullable kizuna_mecab_open(const char *_Nonnull const *_Nonnull names, size_t count,
                                                    char *_Nonnull error, size_t error_size);

#endif
