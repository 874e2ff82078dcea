#include "CCurl.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* The functions roundtable calls, resolved from the loaded library. */
static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    /* IMAP (rsvp --mailbox) */
    CURLcode (*easy_send)(CURL *, const void *, size_t, size_t *);
    CURLcode (*easy_recv)(CURL *, void *, size_t, size_t *);
} curl;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static rt_curl_status status;
static char reason[512];

/* dlsym into `slot`; false, with the reason written, when the symbol is missing. */
static int resolve(void *library, const char *file, const char *name, void **slot)
{
    *slot = dlsym(library, name);
    if (*slot == NULL) {
        snprintf(reason, sizeof reason, "%s is not libcurl: it has no %s", file, name);
        return 0;
    }
    return 1;
}

static void load(void)
{
    const char *file = getenv("ROUNDTABLE_LIBCURL");
    if (file == NULL || *file == '\0') file = "libcurl.so.4";
    /* Never unloaded: libcurl keeps global state (TLS) for the rest of the process. */
    void *library = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(reason, sizeof reason,
                 "libcurl could not be loaded (%s); sending by SMTP and publishing to CalDAV need it: install it (Debian: apt-get install libcurl4)",
                 dlerror());
        status = RT_CURL_MISSING;
        return;
    }
    if (!(resolve(library, file, "curl_global_init", (void **)&curl.global_init)
          && resolve(library, file, "curl_easy_init", (void **)&curl.easy_init)
          && resolve(library, file, "curl_easy_cleanup", (void **)&curl.easy_cleanup)
          && resolve(library, file, "curl_easy_reset", (void **)&curl.easy_reset)
          && resolve(library, file, "curl_easy_perform", (void **)&curl.easy_perform)
          && resolve(library, file, "curl_easy_strerror", (void **)&curl.easy_strerror)
          && resolve(library, file, "curl_easy_setopt", (void **)&curl.easy_setopt)
          && resolve(library, file, "curl_easy_getinfo", (void **)&curl.easy_getinfo)
          && resolve(library, file, "curl_slist_append", (void **)&curl.slist_append)
          && resolve(library, file, "curl_slist_free_all", (void **)&curl.slist_free_all))) {
        status = RT_CURL_MISSING;
        return;
    }
    /* IMAP (rsvp --mailbox) */
    if (!(resolve(library, file, "curl_easy_send", (void **)&curl.easy_send)
          && resolve(library, file, "curl_easy_recv", (void **)&curl.easy_recv))) {
        status = RT_CURL_MISSING;
        return;
    }
    status = curl.global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? RT_CURL_READY : RT_CURL_NOT_STARTED;
}

rt_curl_status rt_curl_load(void)
{
    pthread_once(&once, load);
    return status;
}

const char *rt_curl_missing_reason(void) { return reason; }

CURL *rt_curl_easy_init(void) { return curl.easy_init(); }
void rt_curl_easy_cleanup(CURL *handle) { curl.easy_cleanup(handle); }
void rt_curl_easy_reset(CURL *handle) { curl.easy_reset(handle); }
CURLcode rt_curl_easy_perform(CURL *handle) { return curl.easy_perform(handle); }
const char *rt_curl_easy_strerror(CURLcode code) { return curl.easy_strerror(code); }
struct curl_slist *rt_curl_slist_append(struct curl_slist *list, const char *text) { return curl.slist_append(list, text); }
void rt_curl_slist_free_all(struct curl_slist *list) { curl.slist_free_all(list); }

CURLcode rt_curl_setopt_long(CURL *handle, CURLoption option, long value) { return curl.easy_setopt(handle, option, value); }
CURLcode rt_curl_setopt_string(CURL *handle, CURLoption option, const char *value) { return curl.easy_setopt(handle, option, value); }
CURLcode rt_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) { return curl.easy_setopt(handle, option, value); }
CURLcode rt_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) { return curl.easy_setopt(handle, option, value); }
CURLcode rt_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value) { return curl.easy_setopt(handle, option, value); }
CURLcode rt_curl_setopt_read_callback(CURL *handle, size_t (*callback)(char *, size_t, size_t, void *))
{
    return curl.easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}
CURLcode rt_curl_setopt_data_callback(CURL *handle, CURLoption option, size_t (*callback)(char *, size_t, size_t, void *))
{
    return curl.easy_setopt(handle, option, callback);
}
CURLcode rt_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) { return curl.easy_getinfo(handle, info, value); }

/* IMAP (rsvp --mailbox) */
CURLcode rt_curl_easy_send(CURL *handle, const void *buffer, size_t length, size_t *sent)
{
    return curl.easy_send(handle, buffer, length, sent);
}
CURLcode rt_curl_easy_recv(CURL *handle, void *buffer, size_t length, size_t *received)
{
    return curl.easy_recv(handle, buffer, length, received);
}
CURLcode rt_curl_getinfo_socket(CURL *handle, CURLINFO info, curl_socket_t *value) { return curl.easy_getinfo(handle, info, value); }

int rt_ca_file_problem(const char *path) {
    int descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (descriptor < 0) return errno;
    struct stat status;
    int regular = fstat(descriptor, &status) == 0 && S_ISREG(status.st_mode);
    close(descriptor);
    return regular ? 0 : -1;
}
