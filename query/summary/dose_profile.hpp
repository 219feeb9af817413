#pragma once
// Section 5 of the evidence summary: the naltrexone doses the included records report, as the dose
// annotator found them (mg per day, distinct per record).

#include <vector>

#include "query/summary/evidence_summary.hpp"

namespace ldn {

// One entry per included record: its doses (empty when it reports none). The median is over every
// dose of every record; the most common dose is the one the most records report, the smallest on a tie.
DoseProfile dose_profile(const std::vector<std::vector<double>>& doses_per_record);

}  // namespace ldn
