# The two commands of the README: `make run` and `make test`.
# Everything else here is a convenience around CMake presets.
PRESETS := dev asan release
BUILDS := $(addprefix build-,$(PRESETS))
.PHONY: run test setup bench golden soak clean format format-check screenshots $(BUILDS)

# The web app on http://127.0.0.1:8765 (Ctrl-C stops it); `daybreak checkin`
# is the command-line way to log a morning.
run: build-release
	./build/release/daybreak serve

test: format-check build-dev build-asan
	ctest --preset dev
	ctest --preset asan

setup:
	@./scripts/setup

# Configure once per preset, then build (incrementally).
$(BUILDS): build-%: setup
	@test -f build/$*/build.ninja || cmake --preset $*
	cmake --build --preset $*

# The benchmarks need their own tools (hyperfine, wrk) and the release tree's
# bench/ targets (the dev tree compiles them as well, so `make test` notices a
# benchmark that no longer builds).
bench:
	@./scripts/setup --bench
	@test -f build/release/build.ninja || cmake --preset release
	cmake --preset release -DDAYBREAK_BENCH=ON > /dev/null
	cmake --build --preset release
	./bench/run

# Recompute the analysis golden values with R from the committed datasets
# (tests/analysis/golden.R); review the diff before committing it.
golden:
	@./scripts/setup --golden
	Rscript --vanilla tests/analysis/golden.R tests/analysis/golden.txt > tests/analysis/golden.txt.new
	mv tests/analysis/golden.txt.new tests/analysis/golden.txt
	git diff --stat -- tests/analysis/golden.txt

# The long sweeps (docs/reliability.md): every fault-injection point and
# every damaged page, under the asan tree; then a million runs of each fuzzer.
soak: build-asan
	DAYBREAK_SOAK=1 ctest --preset asan -R 'FaultInjection|DamagedFile|FullDisk|CrashSafety|clinic_crash'
	./tests/fuzz/run

# The README's screenshots, taken by the browser tests from a seeded diary.
screenshots: build-dev
	cd web && DAYBREAK_BINARY=../build/dev/daybreak DAYBREAK_SCREENSHOTS=../docs/screenshots \
	  node --test --test-name-pattern=screenshots e2e/

clean:
	rm -rf build

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

# Part of `make test`: the C++ is formatted as .clang-format says (`make
# format` fixes it).
format-check: setup
	clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.hpp')
