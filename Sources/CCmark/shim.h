#ifndef DANGJIAN_CCMARK_SHIM_H
#define DANGJIAN_CCMARK_SHIM_H
#include <cmark.h>
#endif
