// check_email: the email field's checks in the order of docs/checks/email.md: syntax (block,
// stops there), typo (warn, suggests the corrected address), disposable (block), free webmail
// (model's policy), role address (warn). Messages never quote the value.
#include "checks/email.h"

#include <cstring>

#include "checks/domain_lists.h"
#include "checks/email_typo.h"
#include "checks/utf8.h"

namespace leadscore::checks {
namespace {

struct SyntaxMessage {
  const char* reason;
  const char* en;
  const char* fr;
};

constexpr SyntaxMessage kSyntaxMessages[] = {
    {"empty", "Enter an email address.", "Saisissez une adresse e-mail."},
    {"invalid_utf8", "The address contains bytes that are not text.",
     "L'adresse contient des octets qui ne sont pas du texte."},
    {"display_name", "Enter the address alone, without a name or angle brackets.",
     "Saisissez l'adresse seule, sans nom ni chevrons."},
    {"no_at_sign", "An email address needs an @ sign.", "Une adresse e-mail doit contenir un @."},
    {"wide_at_sign", "Use the regular @ sign, not a full-width or small one.",
     "Utilisez le signe @ normal, pas une variante pleine chasse ou petite."},
    {"quoted_local_part", "Quotes are not accepted before the @ sign.",
     "Les guillemets ne sont pas acceptés avant le @."},
    {"no_local_part", "Something must come before the @ sign.", "Il faut quelque chose avant le @."},
    {"no_domain", "A domain must come after the @ sign.", "Un domaine doit suivre le @."},
    {"domain_literal", "An IP address in brackets is not accepted after the @ sign.",
     "Une adresse IP entre crochets n'est pas acceptée après le @."},
    {"whitespace", "An email address cannot contain spaces or line breaks.",
     "Une adresse e-mail ne peut pas contenir d'espaces ni de retours à la ligne."},
    {"unsafe_character", "The address contains an invisible, control or private-use character.",
     "L'adresse contient un caractère invisible, de contrôle ou à usage privé."},
    {"leading_combining_mark", "A part of the address cannot start with a combining accent.",
     "Une partie de l'adresse ne peut pas commencer par un accent combinant."},
    {"local_invalid_character", "The part before the @ sign contains a character that is not allowed.",
     "La partie avant le @ contient un caractère non autorisé."},
    {"local_dot_start", "The address cannot start with a period.", "L'adresse ne peut pas commencer par un point."},
    {"local_dot_end", "The part before the @ sign cannot end with a period.",
     "La partie avant le @ ne peut pas finir par un point."},
    {"local_consecutive_dots", "The address cannot have two periods in a row.",
     "L'adresse ne peut pas contenir deux points de suite."},
    {"multiple_at_signs", "An email address has only one @ sign.", "Une adresse e-mail ne contient qu'un seul @."},
    {"domain_invalid_character", "The domain contains a character that is not allowed.",
     "Le domaine contient un caractère non autorisé."},
    {"domain_dot_start", "The domain cannot start with a period.", "Le domaine ne peut pas commencer par un point."},
    {"domain_dot_end", "The domain cannot end with a period.", "Le domaine ne peut pas finir par un point."},
    {"domain_consecutive_dots", "The domain cannot have two periods in a row.",
     "Le domaine ne peut pas contenir deux points de suite."},
    {"domain_hyphen_start", "A part of the domain cannot start with a hyphen.",
     "Une partie du domaine ne peut pas commencer par un tiret."},
    {"domain_hyphen_end", "A part of the domain cannot end with a hyphen.",
     "Une partie du domaine ne peut pas finir par un tiret."},
    {"domain_double_hyphen", "A part of the domain cannot have two hyphens in third and fourth position.",
     "Une partie du domaine ne peut pas avoir deux tirets en troisième et quatrième position."},
    {"domain_invalid_punycode", "The domain contains an invalid internationalized (xn--) part.",
     "Le domaine contient une partie internationalisée (xn--) invalide."},
    {"domain_label_too_long", "A part of the domain is too long (63 characters at most between periods).",
     "Une partie du domaine est trop longue (63 caractères au plus entre deux points)."},
    {"domain_too_long", "The domain is too long.", "Le domaine est trop long."},
    {"too_long", "The address is too long (254 characters at most).",
     "L'adresse est trop longue (254 caractères au plus)."},
    {"domain_no_period", "The domain needs a period, as in example.com.",
     "Le domaine doit contenir un point, comme dans example.com."},
    {"domain_bad_tld", "The domain does not end with a valid extension.",
     "Le domaine ne se termine pas par une extension valide."},
    {"reserved_domain", "This domain is reserved and cannot receive email.",
     "Ce domaine est réservé et ne peut pas recevoir d'e-mails."},
};

// The code point starting at `at`, as a span (the whole value when `at` is its end).
ByteSpan point_span(std::string_view value, std::size_t at) {
  if (at >= value.size()) return {0, value.size()};
  std::size_t end = at + 1;
  while (end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) ++end;
  return {at, end};
}

}  // namespace

const char* email_syntax_message(std::string_view reason, Language language) {
  for (const SyntaxMessage& m : kSyntaxMessages) {
    if (reason == m.reason) return tr(language, m.en, m.fr);
  }
  return tr(language, "This is not a valid email address.", "Cette adresse e-mail n'est pas valide.");
}

void check_email(Emitter& e) {
  const std::string_view value = e.value();
  EmailSyntaxError error;
  const auto address = parse_email(value, &error);
  if (!address) {
    // Invalid UTF-8 cannot be mapped to UTF-16 offsets: no span then.
    std::optional<ByteSpan> span;
    if (error.reason != "invalid_utf8") span = point_span(value, error.at);
    e.add("email_syntax", Severity::Block, email_syntax_message(error.reason, e.language()), std::nullopt, span);
    return;
  }
  const std::size_t domain_at = static_cast<std::size_t>(address->domain.data() - value.data());
  const ByteSpan domain_span{domain_at, value.size()};
  const ByteSpan local_span{0, address->local.size()};

  char ascii[kMaxAsciiDomain + 1];
  const std::size_t ascii_len = email_ascii_domain(address->domain, ascii, sizeof ascii);
  const std::string_view domain(ascii, ascii_len);
  const DataPack& data = e.data();
  // The most specific listing decides (a free subdomain of a disposable parent is free).
  const MailDomainKind kind = ascii_len ? data.mail_domain_kind(domain) : MailDomainKind::Unlisted;
  const bool disposable = kind == MailDomainKind::Disposable;
  const bool free = kind == MailDomainKind::Free;
  // The lite lists are subsets of the full ones (docs/data-packs.md): a domain on neither may
  // still be on a full list, so lite cannot say "not disposable" or "not free"; without a pack
  // (tier "none") nothing is listed at all.
  if (ascii_len && !disposable && !free && data.info().tier != "full") {
    e.undecided("email_disposable");
    e.undecided("email_free");
  }

  if (ascii_len) {
    if (auto fixed = plausible_domain_suggestion(data.public_suffixes(), domain, disposable || free)) {
      std::string suggestion(address->local);
      suggestion += '@';
      suggestion += *fixed;
      e.add("email_typo", Severity::Warn,
            e.tr("The domain looks misspelled: check the suggested address.",
                 "Le domaine semble mal orthographié : vérifiez l'adresse suggérée."),
            std::move(suggestion), domain_span);
    }
  }
  if (disposable) {
    e.add("email_disposable", Severity::Block,
          e.tr("Disposable email addresses are not accepted: use a permanent address.",
               "Les adresses e-mail jetables ne sont pas acceptées : utilisez une adresse permanente."),
          std::nullopt, domain_span);
  }
  if (free) {
    const FreeEmailPolicy policy = e.config().free_email;
    const Severity severity = policy == FreeEmailPolicy::Block     ? Severity::Block
                              : policy == FreeEmailPolicy::Penalty ? Severity::Warn
                                                                   : Severity::Info;
    e.add("email_free", severity,
          policy == FreeEmailPolicy::Info
              ? e.tr("This is a personal webmail address; a work address is preferred.",
                     "C'est une adresse de messagerie personnelle ; une adresse professionnelle est préférable.")
              : e.tr("Please use your work email address, not a personal webmail one.",
                     "Merci d'utiliser votre adresse e-mail professionnelle, pas une messagerie personnelle."),
          std::nullopt, domain_span);
  }

  // Role address: the local part without "+tag", ASCII lower case, in the role list.
  std::string_view local = address->local;
  local = local.substr(0, local.find('+'));
  char lowered[64];
  if (!local.empty() && local.size() <= sizeof lowered) {
    for (std::size_t i = 0; i < local.size(); ++i) {
      const char c = local[i];
      lowered[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (!data.has_data()) {
      e.undecided("email_role");
    } else if (data.role_local_parts().contains(std::string_view(lowered, local.size()))) {
      e.add("email_role", Severity::Warn,
            e.tr("This looks like a shared or role address; a personal address is preferred.",
                 "Cela ressemble à une adresse partagée ou générique ; une adresse nominative est préférable."),
            std::nullopt, local_span);
    }
  }
}

}  // namespace leadscore::checks
