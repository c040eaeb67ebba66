# Provides the target nlohmann_json::nlohmann_json natively and under Emscripten.
# Under emcmake the toolchain file restricts find_package to the Emscripten sysroot, and adding
# /usr/include would let glibc headers shadow the sysroot; so the header folder alone is copied
# into the build tree and wrapped in an INTERFACE target.
if(EMSCRIPTEN)
  find_path(LEADSCORE_NLOHMANN_DIR nlohmann/json.hpp PATHS /usr/include /usr/local/include
            NO_CMAKE_FIND_ROOT_PATH REQUIRED)
  set(_copy "${CMAKE_BINARY_DIR}/third_party/include")
  file(COPY "${LEADSCORE_NLOHMANN_DIR}/nlohmann" DESTINATION "${_copy}")
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE "${_copy}")
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
endif()
