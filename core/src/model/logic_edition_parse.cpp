// See model/logic_edition_parse.h.
#include "model/logic_edition_parse.h"

namespace leadscore::model_detail {

LogicEdition read_logic_edition(Reader& r, const Json& document) {
  LogicEdition edition = LogicEdition::Classic;
  const Json* value = r.member(document, "", "logic_edition", false);
  if (value == nullptr) return edition;
  if (!value->is_string() || !logic_edition_from_name(value->get_ref<const std::string&>(), edition))
    r.fail("unknown_logic_edition", "/logic_edition",
           "\"logic_edition\" is \"classic\" (json-logic-js 2.0, the default) or \"community-2025\"");
  return edition;
}

}  // namespace leadscore::model_detail
