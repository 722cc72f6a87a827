// cmark-gfm (Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev): CommonMark with
// GitHub's extensions (tables, strikethrough, autolinks, task lists; footnotes are core).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
