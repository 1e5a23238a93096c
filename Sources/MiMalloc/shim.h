// mimalloc (Debian: libmimalloc-dev). Linked into the `haven` executable on Linux, it replaces
// glibc's malloc for the whole process: Haven makes millions of small, short-lived allocations
// on two threads, and glibc's allocator spent about a tenth of a build in malloc/free.
#include <mimalloc.h>
