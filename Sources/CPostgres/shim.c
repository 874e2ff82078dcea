#include "CPostgres.h"
#include <libpq-fe.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(RT_CONNECTION_OK == CONNECTION_OK, "libpq's CONNECTION_OK");
_Static_assert(RT_PGRES_COMMAND_OK == PGRES_COMMAND_OK, "libpq's PGRES_COMMAND_OK");
_Static_assert(RT_PGRES_TUPLES_OK == PGRES_TUPLES_OK, "libpq's PGRES_TUPLES_OK");
_Static_assert(RT_PGRES_SINGLE_TUPLE == PGRES_SINGLE_TUPLE, "libpq's PGRES_SINGLE_TUPLE");
_Static_assert(RT_DIAG_SQLSTATE == PG_DIAG_SQLSTATE, "libpq's PG_DIAG_SQLSTATE");
_Static_assert(RT_DIAG_MESSAGE_PRIMARY == PG_DIAG_MESSAGE_PRIMARY, "libpq's PG_DIAG_MESSAGE_PRIMARY");

/* Declared with libpq's own prototypes (typeof), so a mismatch with the header is a compile error. */
static __typeof__(PQconnectdbParams) *p_connectdbParams;
static __typeof__(PQstatus) *p_status;
static __typeof__(PQerrorMessage) *p_errorMessage;
static __typeof__(PQconnectionUsedPassword) *p_connectionUsedPassword;
static __typeof__(PQconnectionNeedsPassword) *p_connectionNeedsPassword;
static __typeof__(PQfinish) *p_finish;
static __typeof__(PQsendQueryParams) *p_sendQueryParams;
static __typeof__(PQsetSingleRowMode) *p_setSingleRowMode;
static __typeof__(PQgetResult) *p_getResult;
static __typeof__(PQresultStatus) *p_resultStatus;
static __typeof__(PQresultErrorField) *p_resultErrorField;
static __typeof__(PQntuples) *p_ntuples;
static __typeof__(PQnfields) *p_nfields;
static __typeof__(PQfname) *p_fname;
static __typeof__(PQftype) *p_ftype;
static __typeof__(PQgetisnull) *p_getisnull;
static __typeof__(PQgetvalue) *p_getvalue;
static __typeof__(PQclear) *p_clear;
static __typeof__(PQconninfoParse) *p_conninfoParse;
static __typeof__(PQconninfoFree) *p_conninfoFree;
static __typeof__(PQfreemem) *p_freemem;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded = -1;
static const char *load_error;

#define RESOLVE(pointer, name) \
    if ((pointer = (__typeof__(pointer))dlsym(library, name)) == NULL) { load_error = dlerror(); return; }

static void load(void) {
    void *library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) { load_error = dlerror(); return; }
    RESOLVE(p_connectdbParams, "PQconnectdbParams")
    RESOLVE(p_status, "PQstatus")
    RESOLVE(p_errorMessage, "PQerrorMessage")
    RESOLVE(p_connectionUsedPassword, "PQconnectionUsedPassword")
    RESOLVE(p_connectionNeedsPassword, "PQconnectionNeedsPassword")
    RESOLVE(p_finish, "PQfinish")
    RESOLVE(p_sendQueryParams, "PQsendQueryParams")
    RESOLVE(p_setSingleRowMode, "PQsetSingleRowMode")
    RESOLVE(p_getResult, "PQgetResult")
    RESOLVE(p_resultStatus, "PQresultStatus")
    RESOLVE(p_resultErrorField, "PQresultErrorField")
    RESOLVE(p_ntuples, "PQntuples")
    RESOLVE(p_nfields, "PQnfields")
    RESOLVE(p_fname, "PQfname")
    RESOLVE(p_ftype, "PQftype")
    RESOLVE(p_getisnull, "PQgetisnull")
    RESOLVE(p_getvalue, "PQgetvalue")
    RESOLVE(p_clear, "PQclear")
    RESOLVE(p_conninfoParse, "PQconninfoParse")
    RESOLVE(p_conninfoFree, "PQconninfoFree")
    RESOLVE(p_freemem, "PQfreemem")
    loaded = 0;
}

int rt_pq_load(void) {
    pthread_once(&once, load);
    return loaded;
}

const char *rt_pq_load_error(void) { return load_error; }

PGconn *rt_PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname) {
    return p_connectdbParams(keywords, values, expand_dbname);
}
int rt_PQstatus(const PGconn *conn) { return (int)p_status(conn); }
char *rt_PQerrorMessage(const PGconn *conn) { return p_errorMessage(conn); }
int rt_PQconnectionUsedPassword(const PGconn *conn) { return p_connectionUsedPassword(conn); }
int rt_PQconnectionNeedsPassword(const PGconn *conn) { return p_connectionNeedsPassword(conn); }
void rt_PQfinish(PGconn *conn) { p_finish(conn); }
/* Parameters as text, their types inferred by the server; results as text. */
int rt_PQsendQueryParams(PGconn *conn, const char *command, int nParams, const char *const *paramValues) {
    return p_sendQueryParams(conn, command, nParams, NULL, paramValues, NULL, NULL, 0);
}
int rt_PQsetSingleRowMode(PGconn *conn) { return p_setSingleRowMode(conn); }
PGresult *rt_PQgetResult(PGconn *conn) { return p_getResult(conn); }
int rt_PQresultStatus(const PGresult *res) { return (int)p_resultStatus(res); }
char *rt_PQresultErrorField(const PGresult *res, int fieldcode) { return p_resultErrorField(res, fieldcode); }
int rt_PQntuples(const PGresult *res) { return p_ntuples(res); }
int rt_PQnfields(const PGresult *res) { return p_nfields(res); }
char *rt_PQfname(const PGresult *res, int field) { return p_fname(res, field); }
unsigned int rt_PQftype(const PGresult *res, int field) { return p_ftype(res, field); }
int rt_PQgetisnull(const PGresult *res, int row, int field) { return p_getisnull(res, row, field); }
char *rt_PQgetvalue(const PGresult *res, int row, int field) { return p_getvalue(res, row, field); }
void rt_PQclear(PGresult *res) { p_clear(res); }

int rt_pq_conninfo(const char *conninfo, const char *const *keywords, int count, char **values, char **error) {
    char *message = NULL;
    PQconninfoOption *options = p_conninfoParse(conninfo, &message);
    if (options == NULL) {
        *error = strdup(message != NULL ? message : "out of memory");
        if (message != NULL) p_freemem(message);
        return -1;
    }
    for (int i = 0; i < count; i++) {
        values[i] = NULL;
        for (PQconninfoOption *option = options; option->keyword != NULL; option++) {
            if (strcmp(option->keyword, keywords[i]) == 0 && option->val != NULL) { values[i] = strdup(option->val); break; }
        }
    }
    p_conninfoFree(options);
    return 0;
}
