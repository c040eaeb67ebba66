// Form-level bot signals. The honeypot is a field people never see, so any value in it means a
// program filled the form; the fill time catches programs that submit at once after loading.
// Mapping to other tools and the trust question: docs/checks/company-phone-form.md, "Honeypot
// and fill time".
#include "form_guard.h"

namespace leadscore::checks {

void check_honeypot(Emitter& e) {
  // Even "0" or a single space counts: a person cannot type into a field they cannot see.
  if (e.value().empty()) return;
  e.add("honeypot_filled", Severity::Block,
        e.tr("A field that should stay empty was filled in.", "Un champ qui devait rester vide a été rempli."));
}

void check_fill_time(Emitter& e, std::optional<std::int64_t> rendered_ms, std::int64_t submitted_ms) {
  if (!rendered_ms) {
    if (e.config().require_fill_time) {
      e.add("form_time_missing", Severity::Block,
            e.tr("The time the form was shown is missing.", "L'heure d'affichage du formulaire est absente."));
    }
    return;
  }
  // A render time after the submission is too fast as well. The elapsed time is computed in
  // unsigned 64-bit arithmetic: exact once rendered <= submitted, even for forged extreme values
  // where the signed subtraction would overflow.
  const std::int64_t rendered = *rendered_ms;
  const std::uint64_t min_ms = e.config().min_fill_ms > 0 ? static_cast<std::uint64_t>(e.config().min_fill_ms) : 0;
  const bool too_fast = rendered > submitted_ms ||
                        static_cast<std::uint64_t>(submitted_ms) - static_cast<std::uint64_t>(rendered) < min_ms;
  if (too_fast) {
    e.add("form_too_fast", Severity::Block,
          e.tr("The form was sent too quickly after it was shown.",
               "Le formulaire a été envoyé trop vite après son affichage."));
  }
}

}  // namespace leadscore::checks
