#pragma once
// The files `ldn ingest` reads, in the order it must read them.

#include <filesystem>
#include <string>
#include <vector>

namespace ldn::cli {

// Each argument is a file, or a folder whose PubMed files (*.xml, *.xml.gz) are taken in name order,
// which is PubMed's own order for the baseline and update files. Throws ldn::Error: 74 for a path
// that is neither a file nor a folder, 65 for a folder without PubMed files, 2 when numbered PubMed
// files (pubmed25n0001.xml.gz …) of one series are given out of order, which would let an older
// version of a record replace a newer one.
std::vector<std::filesystem::path> pubmed_files_in_order(const std::vector<std::string>& arguments);

}  // namespace ldn::cli
