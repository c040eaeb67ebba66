// A score result's "quality" object as text, written by the checks module that decides it
// (checks/check_lead.cpp) for the result writer (score/result_writer.cpp). Internal to the core.
#pragma once
#include <string>
#include <vector>

#include "leadscore/checks.h"

namespace leadscore {

/// Appends {"blocked","findings","reasons","score","verdict"}: the findings and verdict of
/// `quality` as check_lead() shows them, and whether a spam verdict blocked the score.
void write_score_quality(const CheckConfig& config, const LeadQuality& quality, bool blocked, std::string& out);

/// Appends {"tier","undecided"?,"version"}: the data pack the checks used and the codes it could
/// not decide (a result's and check_lead's "data").
void write_data_info(const DataInfo& info, const std::vector<std::string>& undecided, std::string& out);

}  // namespace leadscore
