# Top-level Makefile: builds and tests every lab's kernel.
#
#   make                 build every lab
#   make check           run every lab's tests (SIMULATOR=--bochs for Bochs)
#   make grade           grade every lab
#   make clean           remove every build folder
#   make demo            boot Ringlet, load the hypervisor, run a guest
#   make fuzz SEED=N COUNT=M
#                        the system-call fuzzer (userprog) and the guest
#                        fuzzer (hv), each printing its summary line
#
# Each lab folder works on its own too: `make -C threads check`.

LABS = threads filesys userprog vm hv sched

all grade clean:
	@status=0; for lab in $(LABS); do \
	  echo "=== $$lab: make $@"; \
	  $(MAKE) --no-print-directory -C $$lab $@ || status=1; \
	done; exit $$status

# Runs every lab's tests, then prints one line for all of them,
# counted from the verdicts (first line of each .result file).
check:
	@status=0; for lab in $(LABS); do \
	  echo "=== $$lab: make $@"; \
	  $(MAKE) --no-print-directory -C $$lab $@ || status=1; \
	done; \
	verdicts=$$(find $(addsuffix /build/tests,$(LABS)) -name '*.result' 2>/dev/null \
	  -exec head -qn 1 {} +); \
	passed=$$(echo "$$verdicts" | grep -c '^PASS$$'); \
	failed=$$(echo "$$verdicts" | grep -c '^FAIL$$'); \
	echo "=== all labs"; echo "$$passed passed, $$failed failed"; \
	exit $$status

demo:
	@$(MAKE) --no-print-directory -s -C hv demo

# Runs both fuzzers with the same SEED and COUNT (each lab's own
# default where one is not given); fails if either found a failure.
fuzz:
	@status=0; for lab in userprog hv; do \
	  $(MAKE) --no-print-directory -s -C $$lab fuzz \
	    $(if $(SEED),SEED=$(SEED)) $(if $(COUNT),COUNT=$(COUNT)) || status=1; \
	done; exit $$status

.PHONY: all check grade clean demo fuzz
