#include "CDigest.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

typedef struct evp_md_st EVP_MD;
typedef struct engine_st ENGINE;

/* The two libcrypto functions used, as OpenSSL 3's evp.h declares them. */
static struct {
    int (*digest)(const void *, size_t, unsigned char *, unsigned int *, const EVP_MD *, ENGINE *);
    const EVP_MD *(*sha256)(void);
} crypto;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char problem[512];

static void load(void)
{
    /* Never unloaded: the process may check links for as long as it runs. */
    void *library = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(problem, sizeof problem,
                 "libcrypto could not be loaded (%s); members' links need it: install it (Debian: apt-get install libssl3)", dlerror());
        return;
    }
    crypto.digest = dlsym(library, "EVP_Digest");
    crypto.sha256 = dlsym(library, "EVP_sha256");
    if (crypto.digest == NULL || crypto.sha256 == NULL) {
        snprintf(problem, sizeof problem, "libcrypto.so.3 has no EVP_Digest or EVP_sha256");
        crypto.digest = NULL;
    }
}

int rt_sha256(const void *data, size_t length, unsigned char *out)
{
    pthread_once(&once, load);
    if (crypto.digest == NULL) return -1;
    unsigned int size = 0;
    return crypto.digest(data, length, out, &size, crypto.sha256(), NULL) == 1 && size == 32 ? 0 : -1;
}

const char *rt_digest_problem(void)
{
    pthread_once(&once, load);
    return problem;
}
