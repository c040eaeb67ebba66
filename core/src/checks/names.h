// Person and company name text checks: capitalization, keyboard walks, repeats and sequences,
// gibberish (character-bigram model of the data pack: core/data/name-model.mjs).
#pragma once
#include "emitter.h"
#include "leadscore/checks.h"

namespace leadscore::checks {

/// kind is FirstName, LastName or FullName: "name_case" (warn, suggestion = corrected casing),
/// "name_characters" (warn: digits, @, URLs...), "keyboard_walk", "repeated_characters",
/// "character_sequence" (warn, span), "gibberish" (warn).
void check_person_name(Emitter& e, FieldKind kind);

/// A company name: "keyboard_walk", "repeated_characters", "character_sequence", "gibberish".
void check_company_text(Emitter& e);

}  // namespace leadscore::checks
