#pragma once
// The document data of a search hit back as the Article and Annotations it was built from.

#include <string>

#include "query/export/export_record.hpp"

namespace ldn {

// Throws ldn::Error (65) when the data is not a stored record of this schema.
ExportRecord read_stored_record(const std::string& document_data);

}  // namespace ldn
