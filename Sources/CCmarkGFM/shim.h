// The two public cmark-gfm headers opsdocs needs; internal headers stay off the include path.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
