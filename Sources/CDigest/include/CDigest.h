#ifndef CDIGEST_H
#define CDIGEST_H

#include <stddef.h>

/*
 * SHA-256 from libcrypto (OpenSSL 3, Debian's libssl3, which libcurl and libpq already use),
 * loaded with dlopen the first time a member's link is made or checked, so that the commands
 * cron runs never map it.
 */

/* The digest of `length` bytes at `data` into `out` (32 bytes); 0, or -1 when libcrypto cannot
 * be loaded, with the reason in rt_digest_problem(). */
int rt_sha256(const void *data, size_t length, unsigned char *out);

/* Why libcrypto could not be loaded; empty when it was. */
const char *rt_digest_problem(void);

#endif
