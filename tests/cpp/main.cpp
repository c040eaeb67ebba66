// Catch2 entry point for the whole native suite.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
