// cmark-gfm, GitHub's CommonMark parser, and its table and strikethrough extensions
// (Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
