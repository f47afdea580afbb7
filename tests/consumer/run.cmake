# Installs the build tree into a scratch prefix, then builds and runs a
# consumer against the installed tree three ways: find_package(jiuye) with
# the shared and the static library, and pkg-config. Also imports the Python
# module from the installed tree when PYTHON is given.
# Arguments: BUILD_DIR SOURCE_DIR WORK_DIR C_COMPILER [PYTHON PYTHON_DIR]
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")

# 1. CMake package.
run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${WORK_DIR}/cmake"
    "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_C_COMPILER=${C_COMPILER}")
run("${CMAKE_COMMAND}" --build "${WORK_DIR}/cmake")
run("${WORK_DIR}/cmake/consumer_shared")
message(STATUS "find_package, shared: ${last_output}")
run("${WORK_DIR}/cmake/consumer_static")
message(STATUS "find_package, static: ${last_output}")

# 2. pkg-config.
file(GLOB_RECURSE pcfile "${prefix}/*/jiuye.pc")
if(NOT pcfile)
  message(FATAL_ERROR "jiuye.pc not installed under ${prefix}")
endif()
get_filename_component(pcdir "${pcfile}" DIRECTORY)
set(ENV{PKG_CONFIG_PATH} "${pcdir}")
find_program(PKG_CONFIG pkg-config REQUIRED)
run("${PKG_CONFIG}" --cflags --libs jiuye)
string(STRIP "${last_output}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
run("${PKG_CONFIG}" --variable=libdir jiuye)
string(STRIP "${last_output}" libdir)
run("${C_COMPILER}" -std=c11 "${SOURCE_DIR}/main.c" ${flags} "-Wl,-rpath,${libdir}"
    -o "${WORK_DIR}/consumer_pkgconfig")
run("${WORK_DIR}/consumer_pkgconfig")
message(STATUS "pkg-config, shared: ${last_output}")
run("${PKG_CONFIG}" --static --cflags --libs jiuye)
string(STRIP "${last_output}" sflags)
separate_arguments(sflags UNIX_COMMAND "${sflags}")
run("${C_COMPILER}" -std=c11 -static-libgcc "${SOURCE_DIR}/main.c" "${libdir}/libjiuye.a" ${sflags}
    -o "${WORK_DIR}/consumer_pkgconfig_static")
run("${WORK_DIR}/consumer_pkgconfig_static")
message(STATUS "pkg-config, static: ${last_output}")

# 3. Installed data and docs.
foreach(f share/jiuye/xingan-divisions.json share/jiuye/README.md share/doc/jiuye/README.md)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()

# 4. Python module from the installed tree.
if(PYTHON)
  set(ENV{PYTHONPATH} "${prefix}/${PYTHON_DIR}")
  run("${PYTHON}" -c
      "import jiuye, os\nassert jiuye.__file__.startswith(os.environ['PYTHONPATH']), jiuye.__file__\nprint('python', jiuye.__version__, jiuye.County.default().township('金川').name)")
  if(NOT last_output MATCHES "python [0-9.]+ 金川镇")
    message(FATAL_ERROR "the installed Python module did not answer: ${last_output}")
  endif()
  message(STATUS "python, installed: ${last_output}")
endif()
