#ifndef ROUNDTABLE_CCURL_H
#define ROUNDTABLE_CCURL_H
/* libcurl, loaded with dlopen() the first time a transport needs it instead of linked. A run that
 * sends nothing (overdue, status, remind with nothing due, from cron) then never maps libcurl and
 * the thirty-odd libraries it brings (TLS, Kerberos, LDAP, SSH, IDN): binding them was two thirds
 * of roundtable's start-up (docs/performance.md). Types and constants come from curl.h; every
 * function goes through a pointer rt_curl_load() resolves, so call it (and check it) first. */
#include <curl/curl.h>

/* What rt_curl_load() found. */
typedef enum {
    RT_CURL_READY,       /* loaded, and curl_global_init succeeded */
    RT_CURL_MISSING,     /* the library or one of its functions is not there: rt_curl_missing_reason() */
    RT_CURL_NOT_STARTED  /* loaded, but curl_global_init failed (out of memory, most likely) */
} rt_curl_status;

/* Loads libcurl.so.4 ($ROUNDTABLE_LIBCURL, when set, names another file) and starts it, once per
 * process whatever the number of callers and threads; later calls return the first answer. */
rt_curl_status rt_curl_load(void);

/* Why the library could not be loaded, for a user to act on; empty unless RT_CURL_MISSING. */
const char *rt_curl_missing_reason(void);

/* libcurl's functions of the same name, once rt_curl_load() returned RT_CURL_READY. */
CURL *rt_curl_easy_init(void);
void rt_curl_easy_cleanup(CURL *handle);
void rt_curl_easy_reset(CURL *handle);
CURLcode rt_curl_easy_perform(CURL *handle);
const char *rt_curl_easy_strerror(CURLcode code);
struct curl_slist *rt_curl_slist_append(struct curl_slist *list, const char *text);
void rt_curl_slist_free_all(struct curl_slist *list);

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: one typed
 * function per argument type. */
CURLcode rt_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode rt_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode rt_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode rt_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode rt_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode rt_curl_setopt_read_callback(CURL *handle, size_t (*callback)(char *, size_t, size_t, void *));
/* CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION, which take the same callback type. */
CURLcode rt_curl_setopt_data_callback(CURL *handle, CURLoption option, size_t (*callback)(char *, size_t, size_t, void *));
CURLcode rt_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);

/* IMAP (rsvp --mailbox): libcurl connects, starts TLS and logs in (CURLOPT_CONNECT_ONLY); the
 * commands then go over that connection with curl_easy_send and curl_easy_recv, as libcurl's own
 * IMAP requests fetch with BODY[], which marks every message read (non-replies included). */
CURLcode rt_curl_easy_send(CURL *handle, const void *buffer, size_t length, size_t *sent);
CURLcode rt_curl_easy_recv(CURL *handle, void *buffer, size_t length, size_t *received);
/* CURLINFO_ACTIVESOCKET, to wait on the connection with poll(). */
CURLcode rt_curl_getinfo_socket(CURL *handle, CURLINFO info, curl_socket_t *value);

/* CURLAUTH_* are cast expressions, which Swift does not import. Basic or Digest, whichever the
 * server offers (libcurl asks first, then answers in kind); never Negotiate or NTLM, which would reach for the machine's own Kerberos or Windows login. */
static const long RT_CURLAUTH_BASIC_DIGEST = (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST);
/* Basic alone: an IMAP login (rsvp --mailbox). */
static const long RT_CURLAUTH_BASIC = (long)CURLAUTH_BASIC;
/* Whether `path` is a CA file libcurl can be given: 0 for a regular file that opens, -1 for
 * anything else there (a folder, a FIFO: opened without waiting, so a FIFO never blocks), else
 * the errno of the failed open. Checked before any connection, so a wrong path is named as such
 * rather than showing up as a certificate error, or never. SMTP and CalDAV share it. */
int rt_ca_file_problem(const char *path);

#endif
