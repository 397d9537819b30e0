#ifndef DANGJIAN_CXLSXWRITER_SHIM_H
#define DANGJIAN_CXLSXWRITER_SHIM_H
#include <stdio.h>
#include <xlsxwriter.h>

/* libxlsxwriter reports problems with fprintf(stderr, ...) in English: points C's stderr at
   `replacement` and returns the stream it pointed at, so the caller can put it back. */
static inline FILE *dangjian_swap_stderr(FILE *replacement) {
    FILE *previous = stderr;
    stderr = replacement;
    return previous;
}
#endif
