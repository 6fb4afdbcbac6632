# The two commands of the README: `make run` and `make test`.
# Everything else here is a convenience around CMake presets.
PRESETS := dev asan release
BUILDS := $(addprefix build-,$(PRESETS))
.PHONY: run test setup bench clean format screenshots $(BUILDS)

# The web app on http://127.0.0.1:8765 (Ctrl-C stops it); `daybreak checkin`
# is the command-line way to log a morning.
run: build-release
	./build/release/daybreak serve

test: build-dev build-asan
	ctest --preset dev
	ctest --preset asan

setup:
	@./scripts/setup

# Configure once per preset, then build (incrementally).
$(BUILDS): build-%: setup
	@test -f build/$*/build.ninja || cmake --preset $*
	cmake --build --preset $*

bench: build-release
	./bench/run

# The README's screenshots, taken by the browser tests from a seeded diary.
screenshots: build-dev
	cd web && DAYBREAK_BINARY=../build/dev/daybreak DAYBREAK_SCREENSHOTS=../docs/screenshots \
	  node --test --test-name-pattern=screenshots e2e/

clean:
	rm -rf build

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')
