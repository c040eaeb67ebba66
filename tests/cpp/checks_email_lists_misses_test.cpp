// The known misses of the email lists (issue 18 §3): a real provider on the disposable list
// (the allow-list of core/data/real-mail-providers.json wins), and free subdomains shadowed by a
// disposable parent (the most specific listing wins).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "checks/domain_lists.h"
#include "checks/email.h"
#include "data_support.h"
#include "leadscore/data.h"
#include "leadscore/json.h"
#include "test_support.h"

using leadscore::Json;
using namespace leadscore::checks;

namespace {

std::shared_ptr<const leadscore::DataPack> pack_of(const char* tier) {
  const auto pack = leadscore::load_data(test_support::read_file(std::string(LEADSCORE_DATA_DIR) + "/" + tier + ".bin"));
  REQUIRE(pack);
  return pack.value();
}

std::vector<std::string> email_codes(std::string_view value, const std::shared_ptr<const leadscore::DataPack>& data) {
  leadscore::CheckConfig config;
  config.data = data;
  std::vector<leadscore::Finding> out;
  Emitter e("email", value, leadscore::Language::En, config, out);
  check_email(e);
  std::vector<std::string> codes;
  for (const auto& f : out) codes.push_back(f.code);
  return codes;
}

using Codes = std::vector<std::string>;

}  // namespace

TEST_CASE("email: known real providers are never disposable", "[checks][email][misses]") {
  for (const char* tier : {"full", "lite"}) {
    INFO(tier);
    const auto data = pack_of(tier);
    // China Telecom's webmail, on the disposable list of disposable-email-domains 1.0.62.
    CHECK(email_codes("li.wei@21cn.com", data) == Codes{"email_free"});
    CHECK(data->mail_domain_kind("21cn.com") == MailDomainKind::Free);
    // Every domain of the allow-list, and a subdomain of each: not disposable.
    const Json providers = Json::parse(test_support::read_file(test_support::source_dir() + "/core/data/real-mail-providers.json"));
    int domains = 0;
    for (const auto& provider : providers["providers"])
      for (const auto& d : provider["domains"]) {
        const std::string domain = d.get<std::string>();
        INFO(domain);
        CHECK(data->mail_domain_kind(domain) != MailDomainKind::Disposable);
        CHECK(data->mail_domain_kind("mx." + domain) != MailDomainKind::Disposable);
        ++domains;
      }
    CHECK(domains > 150);
  }
  const auto full = pack_of("full");
  CHECK(email_codes("li.wei@vip.21cn.com", full) == Codes{"email_free"});
  // The real disposable services stay disposable.
  CHECK(email_codes("x@mailinator.com", full) == Codes{"email_disposable"});
  CHECK(email_codes("x@ok.33mail.com", full) == Codes{"email_disposable"});
}

TEST_CASE("email: the most specific listing wins, so a parent does not shadow a free subdomain", "[checks][email][misses]") {
  // fr.nf is disposable (disposable-email-domains); its subdomain courriel.fr.nf is on the free
  // list and on no disposable list by name, so it is free; other subdomains of fr.nf are not.
  const auto full = pack_of("full");
  CHECK(full->is_disposable("fr.nf"));
  CHECK(full->mail_domain_kind("courriel.fr.nf") == MailDomainKind::Disposable);  // named disposable elsewhere
  CHECK(full->mail_domain_kind("kjnbtv.dedyn.io") == MailDomainKind::Free);
  CHECK(full->mail_domain_kind("mail.kjnbtv.dedyn.io") == MailDomainKind::Free);
  CHECK(full->mail_domain_kind("other.dedyn.io") == MailDomainKind::Disposable);
  CHECK(email_codes("x@kjnbtv.dedyn.io", full) == Codes{"email_free"});
  CHECK(email_codes("x@other.dedyn.io", full) == Codes{"email_disposable"});
  // The lite tier keeps the free subdomains of its disposable domains, so it decides alike.
  const auto lite = pack_of("lite");
  CHECK(lite->is_disposable("flu.cc"));
  CHECK(lite->mail_domain_kind("merda.flu.cc") == MailDomainKind::Free);
  CHECK(full->mail_domain_kind("merda.flu.cc") == MailDomainKind::Free);
  CHECK(lite->mail_domain_kind("other.flu.cc") == MailDomainKind::Disposable);
  // The label count of the most specific entry.
  CHECK(listed_labels(full->free_domains(), "a.b.kjnbtv.dedyn.io") == 3);
  CHECK(listed_labels(full->disposable_domains(), "a.b.kjnbtv.dedyn.io") == 2);
  CHECK(listed_labels(full->free_domains(), "example.org") == 0);
}
