#ifndef DANGJIAN_CXLSXWRITER_SHIM_H
#define DANGJIAN_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
