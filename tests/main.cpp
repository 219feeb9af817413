// The Catch2 v2 runner, alone in its translation unit so its long compile happens once.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) { return Catch::Session().run(argc, argv); }
