// Company name checks: the name without its legal form (cleanco's basename semantics), compared
// with the email's registrable domain; the website field's host. Matching rule and its reasons:
// docs/checks/company-phone-form.md, "Company vs email domain".
#include "company.h"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "domain_lists.h"
#include "email.h"
#include "legal_terms.h"
#include "public_suffix.h"
#include "utf8.h"

namespace leadscore::checks {

namespace {

constexpr std::size_t kMinContainment = 4;  // shortest key/label that may match as a part of the other
constexpr std::size_t kMaxAbbrevWords = 12;
constexpr std::size_t kMaxLabel = 63;

// Removes the trailing run of characters that are neither word characters nor '.'.
std::string_view strip_tail(std::string_view text) {
  std::size_t end = 0;  // end of the last kept code point
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    if (c == '.' || is_word_code_point(c)) end = i;
  }
  return text.substr(0, end);
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const bool space = is_space_code_point(next_code_point(text, i));
    if (space && start != std::string_view::npos) {
      words.push_back(text.substr(start, at - start));
      start = std::string_view::npos;
    } else if (!space && start == std::string_view::npos) {
      start = at;
    }
  }
  if (start != std::string_view::npos) words.push_back(text.substr(start));
  return words;
}

bool ends_with(const std::vector<std::string>& parts, std::size_t at, const LegalTerm& term) {
  if (at + term.size() > parts.size()) return false;
  for (std::size_t k = 0; k < term.size(); ++k)
    if (parts[at + k] != term[k]) return false;
  return true;
}

// A text folded to lower-case ASCII ("Société Générale" -> "societe generale"), read two ways:
// `key`, its letters and digits only ("societegenerale"), and `words`, split at anything else
// ("AT&T" -> at, t).
struct FoldedKeys {
  std::string key;
  std::vector<std::string> words;
};

FoldedKeys folded_keys(std::string_view text) {
  FoldedKeys out;
  out.words.emplace_back();
  for (char c : fold_text(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.key.push_back(c);
      out.words.back().push_back(c);
    } else if (!out.words.back().empty()) {
      out.words.emplace_back();
    }
  }
  if (out.words.back().empty()) out.words.pop_back();
  return out;
}

bool is_stopword(const std::string& w) {
  static const std::array<const char*, 18> kStop = {"of", "and", "the", "de", "du", "des", "la", "le", "les",
                                                    "et", "und", "der", "die", "das", "van", "von", "y", "e"};
  for (const char* s : kStop)
    if (w == s) return true;
  return false;
}

// The label is a non-empty prefix of every word in order, stopwords optional: "ibm" for
// International Business Machines, "socgen" for Société Générale, "bofa" for Bank of America.
bool abbreviation_match(const std::vector<std::string>& words, const std::string& label) {
  if (words.size() < 2 || words.size() > kMaxAbbrevWords || label.size() < 2 || label.size() > kMaxLabel) return false;
  const std::size_t n = words.size(), l = label.size();
  // can[w][p]: words[w..] can spell label[p..] (bounded above: on the stack, not allocated)
  char can[kMaxAbbrevWords + 1][kMaxLabel + 1] = {};
  can[n][l] = 1;
  for (std::size_t w = n; w-- > 0;) {
    for (std::size_t p = 0; p <= l; ++p) {
      bool ok = is_stopword(words[w]) && can[w + 1][p];
      for (std::size_t k = 1; !ok && k <= words[w].size() && p + k <= l && words[w][k - 1] == label[p + k - 1]; ++k)
        ok = can[w + 1][p + k];
      can[w][p] = ok;
    }
  }
  return can[0][0];
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }
bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The work domain of an address: valid, not free webmail, not disposable; lower-case.
std::optional<std::string> work_domain(const DataPack& data, std::string_view email) {
  const auto address = parse_email(trim_ascii(email));
  if (!address) return std::nullopt;
  std::string domain = ascii_lower(address->domain);
  if (data.is_free(domain) || data.is_disposable(domain)) return std::nullopt;
  return domain;
}

}  // namespace

std::string company_basename(std::string_view name, const BasenameOptions& options) {
  if (!valid_utf8(name)) return "";
  std::vector<std::string_view> parts = split_words(strip_tail(name));
  std::vector<std::string> normal;
  normal.reserve(parts.size());
  for (std::string_view p : parts) normal.push_back(normalize_token(p));
  auto erase = [&](std::size_t at, std::size_t count) {
    parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(at), parts.begin() + static_cast<std::ptrdiff_t>(at + count));
    normal.erase(normal.begin() + static_cast<std::ptrdiff_t>(at), normal.begin() + static_cast<std::ptrdiff_t>(at + count));
  };
  // Only a term whose first token is one of the name's words can ever match (erasing words never
  // adds one), so the passes below try those few, in the list's order, instead of every term.
  const auto& all_terms = legal_terms();
  std::vector<std::size_t> candidates;
  for (std::size_t w = 0; w < normal.size(); ++w) {
    if (std::find(normal.begin(), normal.begin() + static_cast<std::ptrdiff_t>(w), normal[w]) != normal.begin() + static_cast<std::ptrdiff_t>(w))
      continue;  // a repeated word: its terms are in already
    const auto& starting = legal_terms_starting_with(normal[w]);
    candidates.insert(candidates.end(), starting.begin(), starting.end());
  }
  std::sort(candidates.begin(), candidates.end());
  std::vector<const LegalTerm*> terms;
  terms.reserve(candidates.size());
  for (std::size_t i : candidates) terms.push_back(&all_terms[i]);
  if (options.suffix)
    for (const LegalTerm* t : terms)
      if (t->size() <= normal.size() && ends_with(normal, normal.size() - t->size(), *t)) erase(normal.size() - t->size(), t->size());
  if (options.prefix)
    for (const LegalTerm* t : terms)
      if (ends_with(normal, 0, *t)) erase(0, t->size());
  if (options.middle) {
    for (const LegalTerm* term : terms) {
      const LegalTerm& t = *term;
      for (std::size_t at = 1; at + t.size() < normal.size();) {
        if (ends_with(normal, at, t)) erase(at, t.size());
        else ++at;
      }
    }
  }
  std::string joined;
  for (std::string_view p : parts) {
    if (!joined.empty()) joined.push_back(' ');
    joined.append(p.data(), p.size());
  }
  return std::string(strip_tail(joined));
}

std::string company_basename(std::string_view name) { return company_basename(name, BasenameOptions{}); }

namespace {

// German umlauts are written ae/oe/ue in domains as often as a/o/u ("Müller" -> mueller.de).
std::string german_transliteration(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) == 0xC3 && i + 1 < text.size()) {
      const unsigned char next = static_cast<unsigned char>(text[i + 1]);
      const char* repl = next == 0xA4 || next == 0x84 ? "ae" : next == 0xB6 || next == 0x96 ? "oe" : next == 0xBC || next == 0x9C ? "ue" : nullptr;
      if (repl) {
        out += repl;
        ++i;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

bool base_matches_label(const FoldedKeys& base, const std::string& label) {
  const std::string& key = base.key;
  if (key.empty()) return false;
  const std::vector<std::string>& words = base.words;
  std::string first_word;
  for (const std::string& w : words)
    if (!is_stopword(w)) {
      first_word = w;
      break;
    }
  if (label == key || label == first_word) return true;
  if (abbreviation_match(words, label)) return true;
  for (const std::string* part : {&key, static_cast<const std::string*>(&first_word)})
    if (part->size() >= kMinContainment && (starts_with(label, *part) || ends_with(label, *part))) return true;
  return label.size() >= kMinContainment && starts_with(key, label);
}

}  // namespace

std::optional<bool> company_matches_domain(const SuffixTable& suffixes, std::string_view company, std::string_view domain) {
  const std::string base = company_basename(company);
  const FoldedKeys keys = folded_keys(base);
  if (keys.key.empty()) return std::nullopt;
  const std::string registrable = registrable_domain(suffixes, domain);
  if (registrable.empty()) return std::nullopt;
  const std::string_view first_label = std::string_view(registrable).substr(0, registrable.find('.'));
  if (first_label.substr(0, 4) == "xn--") return std::nullopt;  // Punycode labels are not decoded
  const std::string label = folded_keys(first_label).key;         // hyphens (and accents) go
  if (label.empty()) return std::nullopt;
  if (base_matches_label(keys, label)) return true;
  const std::string transliterated = german_transliteration(base);
  return transliterated != base && base_matches_label(folded_keys(transliterated), label);
}

void check_company_domain(Emitter& e, std::string_view email) {
  if (trim_ascii(e.value()).empty() || !valid_utf8(e.value())) return;
  const auto domain = work_domain(e.data(), email);
  if (!domain) return;
  const auto match = company_matches_domain(e.data().public_suffixes(), e.value(), *domain);
  if (!match) return;
  if (*match) {
    e.add("company_domain_match", Severity::Info,
          e.tr("The company name matches the email domain.", "Le nom de l'entreprise correspond au domaine de l'adresse e-mail."));
  } else {
    e.add("company_domain_mismatch", Severity::Info,
          e.tr("The company name does not match the email domain.",
               "Le nom de l'entreprise ne correspond pas au domaine de l'adresse e-mail."));
  }
}

std::string website_host(const SuffixTable& suffixes, std::string_view value) {
  std::string_view v = trim_ascii(value);
  const std::string lower_head = ascii_lower(v.substr(0, 8));
  if (lower_head.compare(0, 7, "http://") == 0) v.remove_prefix(7);
  else if (lower_head.compare(0, 8, "https://") == 0) v.remove_prefix(8);
  else if (v.find("://") != std::string_view::npos || v.substr(0, 2) == "//") return "";
  std::string_view host = v.substr(0, v.find_first_of("/?#"));
  if (host.find('@') != std::string_view::npos) return "";  // user info: "https://bank.com@evil.example"
  const std::size_t colon = host.find(':');
  if (colon != std::string_view::npos) {
    const std::string_view port = host.substr(colon + 1);
    if (port.empty() || port.size() > 5) return "";
    for (char c : port)
      if (c < '0' || c > '9') return "";
    host = host.substr(0, colon);
  }
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);  // a fully-qualified "example.com."
  for (char c : host)
    if (c == ' ' || c == '\t' || c == '\\') return "";
  return has_listed_suffix(suffixes, host) ? std::string(host) : "";
}

void check_website(Emitter& e, std::string_view email) {
  if (trim_ascii(e.value()).empty()) return;
  const SuffixTable& suffixes = e.data().public_suffixes();
  const std::string host = valid_utf8(e.value()) ? website_host(suffixes, e.value()) : "";
  if (host.empty()) {
    e.add("website_invalid", Severity::Warn,
          e.tr("This does not look like a website address.", "Cela ne ressemble pas à une adresse de site web."));
    return;
  }
  const auto domain = work_domain(e.data(), email);
  if (!domain) return;
  const std::string email_site = registrable_domain(suffixes, *domain);
  if (!email_site.empty() && email_site != registrable_domain(suffixes, host)) {
    e.add("website_email_mismatch", Severity::Info,
          e.tr("The website and the email address are on different domains.",
               "Le site web et l'adresse e-mail sont sur des domaines différents."));
  }
}

}  // namespace leadscore::checks
