#ifndef ROUNDTABLE_CLIBICAL_SHIM_H
#define ROUNDTABLE_CLIBICAL_SHIM_H
#include <libical/ical.h>
#endif
