#ifndef ROUNDTABLE_CPOSTGRES_H
#define ROUNDTABLE_CPOSTGRES_H

/* The few libpq functions the PostgreSQL state uses, reached through dlopen so that a SQLite
 * user's start-up never loads libpq and its dependencies (Kerberos, LDAP, OpenSSL). The types
 * are libpq's own opaque structs; statuses are returned as plain ints. */

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

/* libpq's values, restated so Swift needs no libpq header (shim.c checks they agree). */
enum {
    RT_CONNECTION_OK = 0,
    RT_PGRES_COMMAND_OK = 1,
    RT_PGRES_TUPLES_OK = 2,
    RT_PGRES_SINGLE_TUPLE = 9,
    RT_DIAG_SQLSTATE = 'C',
    RT_DIAG_MESSAGE_PRIMARY = 'M',
};

/* Loads libpq.so.5 and resolves every function below; 0 on success. Safe to call again. */
int rt_pq_load(void);
/* Why the last rt_pq_load failed (dlerror's text), or NULL. */
const char *rt_pq_load_error(void);

PGconn *rt_PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname);
int rt_PQstatus(const PGconn *conn);
char *rt_PQerrorMessage(const PGconn *conn);
int rt_PQconnectionUsedPassword(const PGconn *conn);
int rt_PQconnectionNeedsPassword(const PGconn *conn);
void rt_PQfinish(PGconn *conn);
/* PQsendQueryParams (parameters as text, their types inferred by the server; results as text),
 * then PQsetSingleRowMode and PQgetResult: a result read a row at a time. */
int rt_PQsendQueryParams(PGconn *conn, const char *command, int nParams, const char *const *paramValues);
int rt_PQsetSingleRowMode(PGconn *conn);
PGresult *rt_PQgetResult(PGconn *conn);
int rt_PQresultStatus(const PGresult *res);
char *rt_PQresultErrorField(const PGresult *res, int fieldcode);
int rt_PQntuples(const PGresult *res);
int rt_PQnfields(const PGresult *res);
char *rt_PQfname(const PGresult *res, int field);
unsigned int rt_PQftype(const PGresult *res, int field);
int rt_PQgetisnull(const PGresult *res, int row, int field);
char *rt_PQgetvalue(const PGresult *res, int row, int field);
void rt_PQclear(PGresult *res);
/* PQconninfoParse: the values of `count` keywords as the connection string (or URL) itself sets
 * them, each a malloc'd copy or NULL when unset; 0, or -1 with libpq's message (malloc'd) in
 * *error when the string cannot be parsed. No environment variable or default is applied. */
int rt_pq_conninfo(const char *conninfo, const char *const *keywords, int count, char **values, char **error);

#endif
