# Compiler settings shared by every daybreak target, as one INTERFACE target
# (nothing is appended to CMAKE_CXX_FLAGS).
add_library(daybreak_options INTERFACE)
add_library(daybreak::options ALIAS daybreak_options)

target_compile_options(daybreak_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
  -Wimplicit-fallthrough
  $<$<BOOL:${DAYBREAK_WERROR}>:-Werror>)

if(DAYBREAK_SANITIZE)
  target_compile_options(daybreak_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(daybreak_options INTERFACE -fsanitize=address,undefined)
endif()

if(DAYBREAK_HARDEN)
  # We store health data: the usual Debian hardening set, plus full RELRO.
  target_compile_definitions(daybreak_options INTERFACE _FORTIFY_SOURCE=2 _GLIBCXX_ASSERTIONS)
  target_compile_options(daybreak_options INTERFACE
    -fstack-protector-strong -fstack-clash-protection -fcf-protection -fPIE)
  target_link_options(daybreak_options INTERFACE -pie -Wl,-z,relro,-z,now -Wl,-z,noexecstack)
endif()

# Helper: a daybreak library target with its alias and the shared options.
function(daybreak_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
  add_library(daybreak_${name} STATIC ${ARG_SOURCES})
  add_library(daybreak::${name} ALIAS daybreak_${name})
  target_include_directories(daybreak_${name} PUBLIC "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(daybreak_${name}
    PUBLIC ${ARG_PUBLIC}
    PRIVATE daybreak::options ${ARG_PRIVATE})
endfunction()
