/* The C interface between the PostgreSQL glue (pg_functions.c, C, may ereport) and the core
 * (adapter.cpp, C++, never lets an exception out). Texts in are UTF-8 bytes with a length; texts
 * out live in buffers the adapter owns until its next call, so no C++ object is ever on the stack
 * when PostgreSQL raises an error and nothing of PostgreSQL's memory is held by C++. */
#ifndef LEADSCORE_PG_ADAPTER_H
#define LEADSCORE_PG_ADAPTER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a call gave. */
typedef enum {
  LS_OK = 0,           /* text: the result */
  LS_ROW_ERROR = 1,    /* text: {"error":{"code","path","message"}} for this row's inputs */
  LS_MODEL_ERROR = 2,  /* code/path/message: the model is bad; the glue raises an ERROR */
  LS_FAILURE = 3       /* code/message: out of memory or a defect; the glue raises an ERROR */
} ls_status;

typedef struct {
  ls_status status;
  const char* text; /* LS_OK, LS_ROW_ERROR: JSON text, valid until the next adapter call */
  size_t size;
  const char* code; /* LS_MODEL_ERROR, LS_FAILURE: NUL-terminated, valid until the next call */
  const char* path;
  const char* message;
} ls_outcome;

/* A text argument: bytes and length (not NUL-terminated). */
typedef struct {
  const char* data;
  size_t size;
} ls_text;

/* Compiles a model (JSON text) or finds it in this process's cache of recent models; *model_id
 * receives its handle. LS_OK or LS_MODEL_ERROR (the core's code, JSON pointer and message). */
ls_outcome ls_model_open(ls_text model_json, uint64_t* model_id);

/* Whether a handle is still cached (the cache keeps the most recently used models only). */
int ls_model_alive(uint64_t model_id);

/* Scores one lead. `now` is ISO-8601 text (NUL-terminated); `events` is NULL for none, else
 * `event_count` event texts; `detail` "explain" or "summary"; `lang` "en" or "fr"; `feedback` and
 * `previous` JSON texts (docs/feedback.md, docs/routing.md "tracking"), size 0 for none. LS_OK
 * gives the result text (the CLI's bytes), LS_ROW_ERROR the error object. */
ls_outcome ls_score(uint64_t model_id, ls_text lead_json, const char* now, const ls_text* events, size_t event_count,
                    int has_events, const char* detail, const char* lang, ls_text feedback, ls_text previous);

/* The summary of a score as values: what score_row() returns as columns. Strings are "" when the
 * model has no such section; they stay valid until the next adapter call. */
typedef struct {
  int score;
  int64_t centipoints; /* points after the caps, in hundredths */
  const char* band;    /* band id */
  const char* grade;   /* grade letter */
  const char* route;   /* route action */
  const char* quality; /* quality verdict */
  int has_probability;
  double probability;
} ls_row;

/* Scores one lead for its summary values (the summary path: the quickest): *row on LS_OK; on
 * LS_ROW_ERROR the text is the error object. Inputs as for ls_score. */
ls_outcome ls_score_row(uint64_t model_id, ls_text lead_json, const char* now, const ls_text* events,
                        size_t event_count, int has_events, ls_row* row);

/* checkLead: {"data","findings","quality"}. `now` may be "" (no fill-time check). */
ls_outcome ls_check_lead(uint64_t model_id, ls_text lead_json, const char* now, const char* lang);

/* checkField: the findings array. `lead_json` has size 0 for no lead. */
ls_outcome ls_check_field(uint64_t model_id, ls_text field, ls_text value, ls_text lead_json, const char* lang);

/* verify: {"status", ...} of a submission (JSON text). */
ls_outcome ls_verify(uint64_t model_id, ls_text submission_json);

/* {"data":{"tier","version"},"library","model_format","result_format"}. */
ls_outcome ls_version(void);

#ifdef __cplusplus
}
#endif

#endif
