// zlib, for the gzip-compressed search index files (the browser inflates them with
// DecompressionStream, `opsdocs search` with this).
#include <zlib.h>
