/* MeCab, the Japanese morphological analyser (Debian: libmecab-dev, dictionary mecab-ipadic-utf8). */
#include <mecab.h>
