/* The PostgreSQL functions of the leadscore extension (leadscore--0.1.0.sql declares them): SQL
 * values to text, a call into the core through adapter.h, text back to SQL values. Nothing here
 * scores or checks. Errors: a bad model is an ERROR with the core's code and JSON pointer; a bad
 * lead or bad events are an error object in the row's result, so a query over millions of rows
 * is never stopped by one of them (docs/postgres.md). */
#include "postgres.h"

#include <string.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

#include "adapter.h"

PG_MODULE_MAGIC;

/* The model of the previous call of one call site (fn_extra), so that rows with the same model
 * skip its conversion to text and the adapter's look-up. `bytes` is the model's value. `key`,
 * for a model read from a table and stored out of line (TOAST, any model over about 2 kB), is the
 * TOAST pointer PostgreSQL passed, which names the stored value: rows that pass the same pointer
 * need not fetch and decompress the model again. */
typedef struct {
  uint64 model_id;
  Size key_size;
  Size size;
  char* key;
  char* bytes;
} CallSiteModel;

static void raise_outcome(ls_outcome o) {
  if (o.status == LS_MODEL_ERROR)
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("leadscore: invalid model: %s at \"%s\": %s", o.code, o.path, o.message),
                    errdetail("code: %s, JSON pointer: \"%s\"", o.code, o.path)));
  if (strcmp(o.code, "out_of_memory") == 0)
    ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("leadscore: %s", o.message)));
  ereport(ERROR, (errcode(ERRCODE_INTERNAL_ERROR), errmsg("leadscore: %s (%s)", o.message, o.code)));
}

/* JSON text of a jsonb or text/json argument (palloc'd in the call's memory context). */
static ls_text text_of(Datum value, bool is_jsonb) {
  ls_text t;
  if (is_jsonb) {
    Jsonb* jb = DatumGetJsonbP(value);
    char* s = JsonbToCString(NULL, &jb->root, VARSIZE(jb));
    t.data = s;
    t.size = strlen(s);
  } else {
    struct varlena* v = PG_DETOAST_DATUM_PACKED(value);
    t.data = VARDATA_ANY(v);
    t.size = VARSIZE_ANY_EXHDR(v);
  }
  return t;
}

/* Copies `size` bytes into a slot of the call site's memory (which lives as long as the query). */
static void remember(FunctionCallInfo fcinfo, char** slot, Size* slot_size, const char* data, Size size) {
  if (*slot != NULL) pfree(*slot);
  *slot = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, size > 0 ? size : 1);
  memcpy(*slot, data, size);
  *slot_size = size;
}

/* The compiled model of argument `arg`. */
static uint64 model_of(FunctionCallInfo fcinfo, int arg, bool is_jsonb) {
  struct varlena* given = (struct varlena*) DatumGetPointer(PG_GETARG_DATUM(arg));
  const bool out_of_line = VARATT_IS_EXTERNAL_ONDISK(given);
  const char* key = out_of_line ? (const char*) given : NULL;
  const Size key_size = out_of_line ? VARSIZE_EXTERNAL(given) : 0;
  CallSiteModel* site = (CallSiteModel*) fcinfo->flinfo->fn_extra;
  struct varlena* raw;
  const char* bytes;
  Size size;
  uint64 id = 0;
  ls_outcome o;
  if (site == NULL) {
    site = (CallSiteModel*) MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(CallSiteModel));
    fcinfo->flinfo->fn_extra = site;
  }
  if (out_of_line && site->key != NULL && site->key_size == key_size && memcmp(site->key, key, key_size) == 0 &&
      ls_model_alive(site->model_id))
    return site->model_id;
  raw = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(arg));
  bytes = VARDATA_ANY(raw);
  size = VARSIZE_ANY_EXHDR(raw);
  if (site->bytes != NULL && site->size == size && memcmp(site->bytes, bytes, size) == 0 && ls_model_alive(site->model_id)) {
    id = site->model_id;
  } else {
    o = ls_model_open(text_of(PG_GETARG_DATUM(arg), is_jsonb), &id);
    if (o.status != LS_OK) raise_outcome(o);
    remember(fcinfo, &site->bytes, &site->size, bytes, size);
    site->model_id = id;
  }
  if (out_of_line) remember(fcinfo, &site->key, &site->key_size, key, key_size);
  else if (site->key != NULL) site->key_size = 0;
  return id;
}

/* ISO-8601 UTC text of a timestamptz ("" for NULL: the core answers now_missing). */
static void instant_text(FunctionCallInfo fcinfo, int arg, char* out, size_t size) {
  TimestampTz t;
  struct pg_tm tm;
  fsec_t fsec;
  if (PG_ARGISNULL(arg)) {
    out[0] = '\0';
    return;
  }
  t = PG_GETARG_TIMESTAMPTZ(arg);
  if (TIMESTAMP_NOT_FINITE(t) || timestamp2tm(t, NULL, &tm, &fsec, NULL, NULL) != 0 || tm.tm_year < 1 ||
      tm.tm_year > 9999) {
    snprintf(out, size, "%s", "out of range"); /* not an instant the core reads: now_invalid */
    return;
  }
  snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min,
           tm.tm_sec, (int) fsec);
}

/* A text argument as a NUL-terminated string, or `fallback` when NULL. */
static const char* cstring_arg(FunctionCallInfo fcinfo, int arg, const char* fallback) {
  if (PG_NARGS() <= arg || PG_ARGISNULL(arg)) return fallback;
  return text_to_cstring(PG_GETARG_TEXT_PP(arg));
}

/* A JSON argument's text, or no text (size 0) when NULL or absent. */
static ls_text optional_text(FunctionCallInfo fcinfo, int arg, bool is_jsonb) {
  ls_text none = {"", 0};
  if (PG_NARGS() <= arg || PG_ARGISNULL(arg)) return none;
  return text_of(PG_GETARG_DATUM(arg), is_jsonb);
}

/* The events array argument: element texts, *has_events false when the argument is NULL. A NULL
 * element is the JSON null (the core warns that it is not a usable event). */
static ls_text* events_of(FunctionCallInfo fcinfo, int arg, bool is_jsonb, size_t* count, int* has_events) {
  ArrayType* array;
  Datum* elements;
  bool* nulls;
  int n = 0;
  ls_text* out;
  *count = 0;
  *has_events = 0;
  if (PG_NARGS() <= arg || PG_ARGISNULL(arg)) return NULL;
  array = PG_GETARG_ARRAYTYPE_P(arg);
  *has_events = 1;
  if (ARR_NDIM(array) > 1)
    ereport(ERROR, (errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR), errmsg("leadscore: events must be a one-dimensional array")));
  deconstruct_array(array, ARR_ELEMTYPE(array), -1, false, TYPALIGN_INT, &elements, &nulls, &n);
  out = (ls_text*) palloc(sizeof(ls_text) * (n > 0 ? n : 1));
  for (int i = 0; i < n; ++i) {
    if (nulls[i]) {
      out[i].data = "null";
      out[i].size = 4;
    } else {
      out[i] = text_of(elements[i], is_jsonb);
    }
  }
  *count = (size_t) n;
  return out;
}

static Datum jsonb_result(ls_outcome o) {
  char* text = palloc(o.size + 1);
  memcpy(text, o.text, o.size);
  text[o.size] = '\0';
  return DirectFunctionCall1(jsonb_in, CStringGetDatum(text));
}

/* Shared by the jsonb, json and text overloads of score(). */
static ls_outcome score_call(FunctionCallInfo fcinfo, bool is_jsonb) {
  char now[64];
  size_t event_count;
  int has_events;
  uint64 model = model_of(fcinfo, 0, is_jsonb);
  ls_text lead = text_of(PG_GETARG_DATUM(1), is_jsonb);
  ls_text* events;
  ls_outcome o;
  instant_text(fcinfo, 2, now, sizeof now);
  events = events_of(fcinfo, 3, is_jsonb, &event_count, &has_events);
  o = ls_score(model, lead, now, events, event_count, has_events, cstring_arg(fcinfo, 4, "explain"),
               cstring_arg(fcinfo, 5, "en"), optional_text(fcinfo, 6, is_jsonb), optional_text(fcinfo, 7, is_jsonb));
  if (o.status == LS_OK || o.status == LS_ROW_ERROR) return o;
  raise_outcome(o);
  return o; /* not reached */
}

PG_FUNCTION_INFO_V1(leadscore_score_jsonb);
Datum leadscore_score_jsonb(PG_FUNCTION_ARGS) {
  if (PG_ARGISNULL(0) || PG_ARGISNULL(1)) PG_RETURN_NULL();
  PG_RETURN_DATUM(jsonb_result(score_call(fcinfo, true)));
}

/* text and json: the lead's text is handed to the core verbatim, and the result is the core's text. */
PG_FUNCTION_INFO_V1(leadscore_score_text);
Datum leadscore_score_text(PG_FUNCTION_ARGS) {
  ls_outcome o;
  if (PG_ARGISNULL(0) || PG_ARGISNULL(1)) PG_RETURN_NULL();
  o = score_call(fcinfo, false);
  PG_RETURN_TEXT_P(cstring_to_text_with_len(o.text, (int) o.size));
}

/* Shared by score_value() and score_row(): the summary values of (model, lead jsonb, now, events
 * jsonb[]). Raises an ERROR for a bad model; a lead that cannot be scored is LS_ROW_ERROR. */
static ls_outcome summary_call(FunctionCallInfo fcinfo, ls_row* row) {
  char now[64];
  size_t event_count;
  int has_events;
  const uint64 model = model_of(fcinfo, 0, true);
  const ls_text lead = text_of(PG_GETARG_DATUM(1), true);
  ls_text* events;
  ls_outcome o;
  instant_text(fcinfo, 2, now, sizeof now);
  events = events_of(fcinfo, 3, true, &event_count, &has_events);
  o = ls_score_row(model, lead, now, events, event_count, has_events, row);
  if (o.status != LS_OK && o.status != LS_ROW_ERROR) raise_outcome(o);
  return o;
}

PG_FUNCTION_INFO_V1(leadscore_score_value);
Datum leadscore_score_value(PG_FUNCTION_ARGS) {
  ls_row row;
  if (PG_ARGISNULL(0) || PG_ARGISNULL(1)) PG_RETURN_NULL();
  if (summary_call(fcinfo, &row).status == LS_ROW_ERROR) PG_RETURN_NULL(); /* score() tells why */
  PG_RETURN_INT32(row.score);
}

/* A text column: NULL for "" (the model has no such section). */
static void text_column(Datum* values, bool* nulls, int i, const char* text) {
  nulls[i] = text[0] == '\0';
  values[i] = nulls[i] ? (Datum) 0 : CStringGetTextDatum(text);
}

/* score_row(): the summary as columns of leadscore.summary_row (score, points, band, grade, route,
 * quality, probability, error). A lead that cannot be scored has every column NULL but `error`,
 * the error object. */
PG_FUNCTION_INFO_V1(leadscore_score_row);
Datum leadscore_score_row(PG_FUNCTION_ARGS) {
  char points[32];
  TupleDesc desc;
  Datum values[8];
  bool nulls[8];
  ls_row row;
  ls_outcome o;
  if (PG_ARGISNULL(0) || PG_ARGISNULL(1)) PG_RETURN_NULL();
  if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != 8)
    ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH), errmsg("leadscore: score_row must return leadscore.summary_row")));
  desc = BlessTupleDesc(desc);
  o = summary_call(fcinfo, &row);
  for (int i = 0; i < 8; ++i) nulls[i] = true;
  if (o.status == LS_ROW_ERROR) {
    nulls[7] = false;
    values[7] = jsonb_result(o);
  } else {
    const int64 whole = row.centipoints / 100, cents = row.centipoints % 100;
    snprintf(points, sizeof points, "%s%lld.%02lld", row.centipoints < 0 && whole == 0 ? "-" : "", (long long) whole,
             (long long) (cents < 0 ? -cents : cents));
    values[0] = Int32GetDatum(row.score);
    nulls[0] = false;
    values[1] = DirectFunctionCall3(numeric_in, CStringGetDatum(points), ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
    nulls[1] = false;
    text_column(values, nulls, 2, row.band);
    text_column(values, nulls, 3, row.grade);
    text_column(values, nulls, 4, row.route);
    text_column(values, nulls, 5, row.quality);
    nulls[6] = !row.has_probability;
    values[6] = row.has_probability ? Float8GetDatum(row.probability) : (Datum) 0;
  }
  PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

PG_FUNCTION_INFO_V1(leadscore_check_lead);
Datum leadscore_check_lead(PG_FUNCTION_ARGS) {
  char now[64];
  uint64 model;
  ls_outcome o;
  if (PG_ARGISNULL(0) || PG_ARGISNULL(1)) PG_RETURN_NULL();
  model = model_of(fcinfo, 0, true);
  instant_text(fcinfo, 2, now, sizeof now);
  o = ls_check_lead(model, text_of(PG_GETARG_DATUM(1), true), now, cstring_arg(fcinfo, 3, "en"));
  if (o.status != LS_OK && o.status != LS_ROW_ERROR) raise_outcome(o);
  PG_RETURN_DATUM(jsonb_result(o));
}

PG_FUNCTION_INFO_V1(leadscore_check_field);
Datum leadscore_check_field(PG_FUNCTION_ARGS) {
  uint64 model;
  ls_text field, value, lead = {"", 0};
  ls_outcome o;
  if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2)) PG_RETURN_NULL();
  model = model_of(fcinfo, 0, true);
  field = text_of(PG_GETARG_DATUM(1), false);
  value = text_of(PG_GETARG_DATUM(2), false);
  if (!PG_ARGISNULL(3)) lead = text_of(PG_GETARG_DATUM(3), true);
  o = ls_check_field(model, field, value, lead, cstring_arg(fcinfo, 4, "en"));
  if (o.status != LS_OK && o.status != LS_ROW_ERROR) raise_outcome(o);
  PG_RETURN_DATUM(jsonb_result(o));
}

PG_FUNCTION_INFO_V1(leadscore_verify);
Datum leadscore_verify(PG_FUNCTION_ARGS) {
  uint64 model;
  ls_outcome o;
  if (PG_ARGISNULL(0) || PG_ARGISNULL(1)) PG_RETURN_NULL();
  model = model_of(fcinfo, 0, true);
  o = ls_verify(model, text_of(PG_GETARG_DATUM(1), true));
  if (o.status != LS_OK && o.status != LS_ROW_ERROR) raise_outcome(o);
  PG_RETURN_DATUM(jsonb_result(o));
}

PG_FUNCTION_INFO_V1(leadscore_version);
Datum leadscore_version(PG_FUNCTION_ARGS) {
  ls_outcome o = ls_version();
  if (o.status != LS_OK) raise_outcome(o);
  PG_RETURN_DATUM(jsonb_result(o));
}
