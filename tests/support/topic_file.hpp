#pragma once
// A topic file for tests that run `ldn crawl` or `ldn refresh` through the binary (`--topic`).

#include <filesystem>
#include <string>

namespace ldn::test {

// Writes `folder`/topic.json, one block (naltrexone[tiab]) over a window of 30 years, which covers every
// synthetic record of the fake E-utilities server; returns its path.
std::string write_topic_file(const std::filesystem::path& folder);

}  // namespace ldn::test
