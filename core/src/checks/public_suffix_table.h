// The Public Suffix List table, defined by the file core/data/gen-public_suffix.mjs generates and
// read by public_suffix.cpp: sorted rules in one blob, a length byte per rule, and the blob offset
// of every kBlock-th rule for binary search.
#pragma once

namespace leadscore::checks::psl_table {

extern const char kBlob[];
extern const unsigned char kLengths[];
extern const unsigned kBlockOffsets[];
extern const unsigned kCount;
extern const unsigned kBlock;
extern const unsigned kBlobSize;

}  // namespace leadscore::checks::psl_table
