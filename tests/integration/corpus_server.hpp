#pragma once
// One `ldn serve` over the search corpus store (search_cli_support.hpp), started once per test run
// and shared by the read-only API and page tests.

#include "tests/integration/search_cli_support.hpp"
#include "tests/support/serve_process.hpp"

namespace ldn::test {

inline ServeProcess& corpus_server() {
    static ServeProcess server({"--store", corpus_store().string()});
    return server;
}

}  // namespace ldn::test
