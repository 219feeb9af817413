// fake-eutils: a thin shell over the library, so that tests exercise the same code.
#include "tests/fake_eutils/fake_eutils_cli.hpp"

int main(int argc, char** argv) { return ldn::fake::run_fake_eutils(argc, argv); }
