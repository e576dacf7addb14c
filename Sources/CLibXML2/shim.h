#include <libxml/xmlversion.h>
/* Foundation ships its own ICU module; libxml2's ICU headers would clash with it, and Kizuna needs no ICU converter. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
