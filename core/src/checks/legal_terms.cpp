// Legal-entity terms and text folding for company names.
//
// Sources of the terms (facts: which abbreviations are legal forms in which country):
//   - cleanco (github.com/psolin/cleanco, MIT), cleanco/termdata.py: terms by entity type and by
//     country (Corporation, Limited, LLC, partnerships, ...; Albania ... Uzbekistan);
//   - national company law for the forms that list lacks or spells differently: Poland "sp. z o.o."
//     / "spółka z o.o." (Kodeks spółek handlowych), Japan "KK" / "kabushiki kaisha" / "GK" /
//     "godo kaisha" (Companies Act), Germany "GmbH & Co. KGaA", "UG (haftungsbeschränkt)", "e.K."
//     (HGB, GmbHG), France "SCI", "SELARL" (Code civil, loi 90-1258), Russia "ЗАО".
// Terms that are also ordinary words in a name stay off the list unless cleanco lists them
// ("company", "private", "limited" are on it, so "Example Company Ltd" -> "Example").
#include "legal_terms.h"

#include <algorithm>
#include <unordered_map>

#include "utf8.h"

namespace leadscore::checks {

namespace {

// As written; normalized once by legal_terms(). Duplicates after normalization are merged.
const char* const kTerms[] = {
    // cleanco, terms by type
    "company", "incorporated", "corporation", "corp.", "corp", "inc", "& co.", "& co", "inc.", "s.p.a.", "n.v.",
    "a.g.", "ag", "nuf", "s.a.", "s.f.", "oao", "co.", "co", "soc.col.", "stg", "d.n.o.", "ltda.", "v.o.s.",
    "a spol.", "veř. obch. spol.", "kgaa", "o.e.", "s.n.c.", "s.a.p.a.", "j.t.d.", "v.o.f.", "sp.j.", "og", "sd",
    "i/s", "ay", "snc", "oe", "bt.", "s.s.", "mb", "ans", "da", "o.d.", "hb", "pt", "unltd", "ultd", "sal",
    "unlimited", "saog", "saoc", "aj", "yoaj", "oaj", "akc. spol.", "a.s.", "esv", "gie", "kv.", "qk",
    "pty. ltd.", "pty ltd", "ltd", "l.t.d.", "bvba", "d.o.o.", "ltda", "gmbh", "g.m.b.h", "kft.", "kht.", "zrt.",
    "ehf.", "s.a.r.l.", "d.o.o.e.l.", "s. de r.l.", "b.v.", "tapui", "sp. z.o.o.", "s.r.l.", "s.l.", "s.l.n.e.",
    "ood", "oy", "rt.", "teo", "uab", "scs", "sprl", "limited", "bhd.", "sdn. bhd.", "sdn bhd", "as", "lda.",
    "tov", "pp", "pllc", "llc", "l.l.c.", "plc.", "plc", "hf.", "oyj", "a.e.", "nyrt.", "p.l.c.", "sh.a.",
    "srl.", "srl", "aat", "3at", "d.d.", "s.r.o.", "spol. s r.o.", "s.m.b.a.", "smba", "sarl", "nv", "sa",
    "aps", "a/s", "p/s", "sae", "sasu", "eurl", "ae", "cpt", "ab", "asa", "ooo", "dat", "vat", "zat", "mchj",
    "a.d.", "lllp", "l.l.l.p.", "llp", "l.l.p.", "sp.p.", "s.c.a.", "s.c.s.", "gmbh & co. kg", "lp", "l.p.",
    "s.c.p.a", "comm.v", "k.d.", "k.d.a.", "s. en c.", "e.e.", "s.a.s.", "c.v.", "s.k.a.", "sp.k.", "s.cra.",
    "ky", "kg", "kd", "k/s", "ee", "secs", "kda", "ks", "kb", "kt", "sicav", "nl", "vzw", "ses.", "gte.",
    "private", "pte", "xk", "p.c.", "vof", "p.l.l.c.", "e.u.", "s.p.", "t:mi", "tmi", "e.v.", "e.c.", "et",
    "obrt", "fie", "ij", "fop", "xt",
    // cleanco, terms by country (those not above)
    "sh.p.k.", "scpa", "s.c.e i.", "s.e.", "s.g.r", "gesbr", "cvba", "cvoa", "sca", "sep", "k.v.", "ad",
    "adsitz", "ead", "gp", "sm pte ltd.", "pte ltd.", "plc ltd.", "peec", "sp", "eirl", "sgr", "s.g.r.",
    "c.a.", "ep", "suc. de descendants", "k.s.", "kom. spol.", "amba", "a.m.b.a.", "fmba", "f.m.b.a.", "g/s",
    "c. por a.", "cxa", "eirl.", "sas", "as oy", "as.oy", "ok", "sogepa", "ei", "fcp", "scop", "sem", "e.g.",
    "gbr", "ohg", "partg", "g.m.b.h.", "epe", "e.p.e.", "mepe", "m.e.p.e.", "ovee", "o.v.e.e.", "kkt.", "nyrt",
    "ev", "ec", "ohf.", "pvt. ltd.", "ltd.", "psu", "pse", "ud", "fa", "b.m.", "bm", "s.c.r.l.", "sia", "ik",
    "ps", "d.o.o.e.l", "s. de. r.l.", "s.a.b.", "s.a.p.i.", "xxk", "ba", "bl", "etat", "fkf", "iks", "kf",
    "rhf", "sf", "s.a.a.", "coop.", "ent.", "p.p.", "s.c.", "crl", "sgps", "o.n.g.", "zao", "3ao", "пао",
    "оао", "ооо", "pte ltd", "s.a.d.", "s.l.l.", "s.coop", "sccl", "sagl", "koop.", "tdv", "at", "cic", "cio",
    "and company", "& company", "qmj", "uk",
    // national company law (see the header comment)
    "sp. z o.o.", "spółka z o.o.", "spółka z ograniczoną odpowiedzialnością", "spółka akcyjna", "sp. k.",
    "kk", "k.k.", "kabushiki kaisha", "gk", "g.k.", "godo kaisha", "gmbh & co. kgaa", "ag & co. kg",
    "ug (haftungsbeschränkt)", "e.k.", "sci", "selarl", "зао",
};

const char kLatin1[] = "aaaaaa?ceeeeiiiidnooooo*ouuuuy??aaaaaa?ceeeeiiiidnooooo*ouuuuy?y";  // U+00C0..00FF
const char kLatinExtA[] =                                                                     // U+0100..017F
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllllnnnnnnnnnoooooo??rrrrrrssssssss"
    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";

void append_folded(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return;
  }
  switch (c) {
    case 0xC6: case 0xE6: out += "ae"; return;
    case 0xDE: case 0xFE: out += "th"; return;
    case 0xDF: out += "ss"; return;
    case 0x132: case 0x133: out += "ij"; return;
    case 0x152: case 0x153: out += "oe"; return;
    default: break;
  }
  if (c >= 0xC0 && c <= 0xFF && kLatin1[c - 0xC0] != '*') {
    out.push_back(kLatin1[c - 0xC0]);
    return;
  }
  if (c >= 0x100 && c <= 0x17F) {
    out.push_back(kLatinExtA[c - 0x100]);
    return;
  }
  if (c >= 0x300 && c <= 0x36F) return;  // combining marks: "e" + U+0301 folds like "é"
  if ((c >= 0x391 && c <= 0x3A9 && c != 0x3A2) || (c >= 0x410 && c <= 0x42F)) c += 0x20;
  else if (c >= 0x400 && c <= 0x40F) c += 0x50;
  append_utf8(out, c);
}

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

}  // namespace

std::string fold_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) append_folded(out, next_code_point(text, i));
  return out;
}

bool is_word_code_point(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  if (in(c, 0x80, 0xBF)) return c == 0xAA || c == 0xB2 || c == 0xB3 || c == 0xB5 || c == 0xB9 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c == 0x5BE || c == 0x5C0 || c == 0x5C3 || c == 0x5C6 || c == 0x5F3 || c == 0x5F4) return false;  // Hebrew punctuation
  if (c == 0x60C || c == 0x61B || c == 0x61F || in(c, 0x66A, 0x66D) || c == 0x6D4) return false;      // Arabic punctuation
  if (in(c, 0x2000, 0x206F) || in(c, 0x20A0, 0x20CF)) return false;  // general punctuation, currency
  if (in(c, 0x2190, 0x2BFF)) return false;                           // arrows, math, shapes, dingbats
  if (in(c, 0x3000, 0x303F)) return in(c, 0x3005, 0x3007);           // CJK punctuation (not 々〆〇)
  if (in(c, 0xE000, 0xF8FF) || in(c, 0xFE00, 0xFE0F) || in(c, 0xFE10, 0xFE6F)) return false;
  if (in(c, 0xFF01, 0xFF0F) || in(c, 0xFF1A, 0xFF20) || in(c, 0xFF3B, 0xFF40) || in(c, 0xFF5B, 0xFF65)) return false;
  if (in(c, 0x1F000, 0x1FAFF)) return false;                         // emoji and pictographs
  return true;
}

bool is_space_code_point(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 || in(c, 0x2000, 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

std::string normalize_token(std::string_view token) {
  std::string folded = fold_text(token);
  folded.erase(std::remove_if(folded.begin(), folded.end(), [](char c) { return c == '.' || c == ',' || c == '-'; }),
               folded.end());
  return folded;
}

const std::vector<LegalTerm>& legal_terms() {
  static const std::vector<LegalTerm> terms = [] {
    std::vector<LegalTerm> out;
    for (const char* raw : kTerms) {
      const std::string_view text(raw);
      LegalTerm term;
      std::size_t i = 0;
      while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ') ++i;
        if (i > start) term.push_back(normalize_token(text.substr(start, i - start)));
      }
      if (!term.empty()) out.push_back(std::move(term));
    }
    std::sort(out.begin(), out.end(), [](const LegalTerm& a, const LegalTerm& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return terms;
}

const std::vector<std::size_t>& legal_terms_starting_with(const std::string& token) {
  static const std::unordered_map<std::string, std::vector<std::size_t>> by_first = [] {
    std::unordered_map<std::string, std::vector<std::size_t>> out;
    const auto& terms = legal_terms();
    for (std::size_t i = 0; i < terms.size(); ++i) out[terms[i].front()].push_back(i);
    return out;
  }();
  static const std::vector<std::size_t> kNone;
  const auto it = by_first.find(token);
  return it == by_first.end() ? kNone : it->second;
}

}  // namespace leadscore::checks
