// See accounts_command.h. Input, --now, --lang, --events and exit codes follow `score`
// (score_command.cpp); the difference is that contacts are grouped by company id, so the whole
// input is held in memory before the first account is scored (docs/accounts.md, "Limits").
#include "accounts_command.h"

#include <iostream>
#include <memory>

#include "account_groups.h"
#include "account_output.h"
#include "event_join.h"
#include "event_report.h"
#include "exit_codes.h"
#include "io_guard.h"
#include "leadscore/account.h"
#include "leadscore/time.h"
#include "model_file.h"
#include "record_source.h"
#include "run_instant.h"

namespace leadscore::cli {

const char* const kAccountsHelp =
    "\n"
    "accounts: scores companies. The leads of INPUT are contacts, grouped into accounts by a\n"
    "  company id column; each account gets one score from its contacts' scores (the model's\n"
    "  \"account\" section: max, sum or top_n_mean) plus fit rules over the account's fields.\n"
    "  --model M.json     a model with an \"account\" section (required)\n"
    "  --by FIELD         the company id column; default the model's account.id_field\n"
    "                     (company_id). Values are compared as text, trimmed.\n"
    "  --now ISO, --lang en|fr, --input-format, --delimiter, INPUT: as for score.\n"
    "  --events FILE      the contacts' events, joined by lead id exactly as for score\n"
    "                     (--events-format csv|jsonl).\n"
    "  --format           jsonl (default): one line per account, in order of first appearance,\n"
    "                       {\"account\":ID,\"record\":{\"lines\":[...]},\"result\":{...}}\n"
    "                     (contact i of the result is input line lines[i]; the result is what\n"
    "                     scoreAccount() returns in JavaScript), and one error line per record\n"
    "                     that belongs to no account (broken, or without a company id):\n"
    "                       {\"error\":{\"code\",\"message\",\"path\"},\"record\":{\"line\":N}}\n"
    "                     csv: account,score,band,action,contact_points,fit_points,contacts,\n"
    "                       scored,failed,error_code,lines (lines joined by ;)\n"
    "  Every input record is in exactly one output line. An account's own fields are taken\n"
    "  from its contacts' columns of the same names (the first non-blank value). The whole\n"
    "  input is held in memory; an account with more contacts than account.max_contacts (at\n"
    "  most 100,000) is an error line (too_many_contacts). Exit code 1 when there are error\n"
    "  lines or contacts that could not be scored (result.contacts.errors).\n";

namespace {

Error lead_id_missing() {
  return {"lead_id_missing", "/id",
          "The lead has no id or lead_id (a non-empty string or a number), so its events cannot be found."};
}

// Reads every record into its account. Returns false when the events join failed (reported by
// the caller). `records` counts the input records.
bool read_all(RecordSource& source, AccountGroups& groups, EventJoin* join, std::uint64_t& records) {
  InputRecord record;
  while (source.next(record)) {
    ++records;
    if (record.lead.empty()) {
      groups.error(record.line, record.error);
      continue;
    }
    const std::string company = groups.company_id(record.lead.json());
    if (company.empty()) {
      groups.error(record.line, groups.company_id_missing());
      continue;
    }
    Json contact = Json::object();
    if (join) {
      const std::string id = lead_id(record.lead);
      if (id.empty()) {
        groups.error(record.line, lead_id_missing());
        continue;
      }
      const auto events = join->events_for(id);
      if (!events) return false;
      contact["events"] = events->events.json();
    }
    contact["lead"] = record.lead.json();
    groups.add(company, record.line, std::move(contact));
  }
  return true;
}

// Scores the accounts and writes every line in order of first appearance. Returns the number of
// lines that make the exit code 1 (error lines, accounts with failed contacts).
std::uint64_t write_all(const Model& model, AccountGroups& groups, const AccountOptions& options, AccountWriter& writer) {
  std::uint64_t failed = 0;
  for (const OutputItem& item : groups.items()) {
    if (!item.is_account()) {
      ++failed;
      writer.error(item.line, item.error);
      continue;
    }
    AccountGroup& group = groups.accounts()[item.account];
    if (group.too_many) {
      ++failed;
      const std::size_t most = model.account()->max_contacts;
      writer.account_error(group.id, group.lines,
                           {"too_many_contacts", "/contacts",
                            "an account may have at most " + std::to_string(most) + " contacts; this one has " +
                                std::to_string(group.lines.size())});
      continue;
    }
    Json account = Json::object({{"id", group.id}, {"fields", std::move(group.fields)}, {"contacts", std::move(group.contacts)}});
    auto result = score_account(model, account, options);
    if (!result) {
      ++failed;
      writer.account_error(group.id, group.lines, result.error());
    } else {
      if (result.value()["contacts"]["failed"].get<std::uint64_t>() > 0) ++failed;
      writer.account(group.id, group.lines, result.value());
    }
    group = AccountGroup();  // written: its memory goes back before the next account is built
  }
  return failed;
}

int accounts_all(const AccountsArgs& args) {
  AccountOptions options;
  options.language = args.language;
  const auto now = run_instant(args.now, "accounts");
  if (!now) return kExitUsage;
  options.now = *now;

  int load_failure = kExitOk;
  const auto loaded = load_model_or_report(args.model_path, load_failure, args.data_path);
  if (!loaded) return load_failure;
  const Model& model = *loaded;
  if (!model.account()) {
    std::cerr << "leadscore: accounts: " << args.model_path
              << ": the model has no \"account\" section (no_account_section)\n";
    return kExitUsage;
  }

  int open_failure = kExitOk;
  auto input = open_record_input(args.input, args.input_format, args.delimiter, open_failure);
  if (!input) return open_failure;

  std::unique_ptr<EventReport> report;
  std::unique_ptr<EventJoin> join;
  if (args.events) {
    report = std::make_unique<EventReport>(events_display_name(*args.events));
    join = std::make_unique<EventJoin>(*args.events, args.events_format, *report);
    if (auto failure = join->open()) {
      std::cerr << "leadscore: " << failure->message << '\n';
      return failure->exit_code;
    }
  }

  AccountGroups groups(args.by ? *args.by : model.account()->id_field, *model.account());
  std::uint64_t records = 0;
  const bool read = read_all(*input->source, groups, join.get(), records);
  bool events_ok = true, events_broken = false;
  if (join) {
    if (auto failure = read ? join->finish() : join->failure()) {
      std::cerr << "leadscore: " << failure->message << '\n';
      return failure->exit_code;
    }
    events_ok = report->finish();
    events_broken = report->broken_count() > 0;
  }

  auto writer = args.format == OutputFormat::Csv ? make_account_csv_writer(std::cout) : make_account_jsonl_writer(std::cout);
  writer->begin();
  const std::uint64_t failed = write_all(model, groups, options, *writer);

  return end_of_run_exit(
      {args.input, *input->in, input->format, "score", records, failed == 0 && !events_broken, events_ok});
}

}  // namespace

int run_accounts(const AccountsArgs& args) { return run_guarding_reads(accounts_all, args); }

}  // namespace leadscore::cli
