// Interim bodies, replaced by the routing implementation.
#include "routing_eval.h"

namespace leadscore {
Json find_strong_actions(const Model&, const CleanEvents&, Millis) { return Json::array(); }
Expected<Tracking> track(const Model&, const Json&, int, const Band& band, std::optional<int> grade) {
  return Tracking{band.id, grade, Json::object()};
}
Json route_lead(const Routing& routing, const RouteInput&) { return Json{{"action", routing.fallback.action}}; }
namespace model_detail {
std::optional<Routing> read_routing(Reader& r, const Json&, const std::vector<Band>&, bool) {
  r.fail("not_implemented", "/routing", "routing is not implemented yet");
  return std::nullopt;
}
}  // namespace model_detail
}  // namespace leadscore
