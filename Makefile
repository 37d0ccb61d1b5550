# Top-level Makefile: builds and tests every lab's kernel.
#
#   make                 build every lab
#   make check           build every lab, then run the harness's own tests
#                        and every lab's tests, all at once
#                        (SIMULATOR=--bochs for Bochs)
#   make check-harness   only the harness's own tests (tests/harness, no kernel)
#   make check-batch     the tests of utils/grade-batch and of the
#                        Gradescope bundle (a few minutes)
#   make grade           grade every lab
#   make clean           remove every build folder
#   make demo            boot Ringlet, load the hypervisor, run a guest
#   make fuzz SEED=N COUNT=M
#                        the system-call fuzzer (userprog) and the guest
#                        fuzzer (hv), each printing its summary line
#   make autograder LAB=L
#                        autograder-L.zip, a Gradescope autograder that
#                        grades lab L (TIME_LIMIT=S, TEST_JOBS=N,
#                        VISIBILITY=V; see README.md)
#
# Each lab folder works on its own too: `make -C threads check`.

LABS = threads filesys userprog vm hv sched full

all grade clean:
	@status=0; for lab in $(LABS); do \
	  echo "=== $$lab: make $@"; \
	  $(MAKE) --no-print-directory -C $$lab $@ || status=1; \
	done; exit $$status

# Builds every lab (one after the other, so that a compiler's messages
# are not mixed with another lab's), then runs the harness's tests and
# the tests of all the labs at once (with -jN, N at a time across the
# labs: no CPU waits for a lab's last test to end before the next lab
# starts), and prints one line for all of the labs' tests,
# counted from the verdicts (first line of each .result file).  Each
# verdict names its lab: "pass tests/base/boot-ram (threads, 0.4 s)".
check:
	@status=0; for lab in $(LABS); do \
	  echo "=== $$lab: make"; \
	  $(MAKE) --no-print-directory -C $$lab || status=1; \
	done; \
	echo "=== the harness's tests and every lab's tests, at once"; \
	$(MAKE) --no-print-directory -k check-harness $(addprefix check-,$(LABS)) || status=1; \
	verdicts=$$(find $(addsuffix /build/tests,$(LABS)) -name '*.result' 2>/dev/null \
	  -exec head -qn 1 {} +); \
	passed=$$(echo "$$verdicts" | grep -c '^PASS$$'); \
	failed=$$(echo "$$verdicts" | grep -c '^FAIL$$'); \
	echo "=== all labs"; echo "$$passed passed, $$failed failed"; \
	exit $$status

# Tests of the test harness itself (tests/harness/*.t, Perl's prove):
# how make check reports and reruns tests, make grade's details,
# mkhandout's choice of labs, the demos' filter, the Gradescope bundle
# and utils/similarity.  Half a minute; needs no kernel.
# Its report is printed whole when it ends, not mixed line by line with
# the labs' verdicts that make check prints meanwhile.  The tests run
# makes of their own, which must not inherit this one's settings (a
# RERUN=1 or TESTS=... given to make check would change what they see).
HARNESS_ENV = $(foreach var,MAKEFLAGS MFLAGS MAKELEVEL RERUN TESTS SIMULATOR CHECK_LABEL \
  TEST_TIMEOUT TIMEOUT_SCALE SMP PAGING,-u $(var))
check-harness:
	@echo "=== harness: prove tests/harness"
	@log=$$(mktemp); env $(HARNESS_ENV) prove tests/harness > $$log 2>&1; status=$$?; \
	cat $$log; rm -f $$log; exit $$status

# The tests of utils/grade-batch and of the Gradescope bundle
# (tests/harness/slow): grade a good, a broken and a hostile submission
# made from this tree; they build and run kernels, so they take
# minutes and are not part of make check.
check-batch:
	@echo "=== harness: prove tests/harness/slow"
	@env $(HARNESS_ENV) prove tests/harness/slow

demo:
	@$(MAKE) --no-print-directory -s -C hv demo

# Runs both fuzzers with the same SEED and COUNT (each lab's own
# default where one is not given); fails if either found a failure.
fuzz:
	@status=0; for lab in userprog hv; do \
	  $(MAKE) --no-print-directory -s -C $$lab fuzz \
	    $(if $(SEED),SEED=$(SEED)) $(if $(COUNT),COUNT=$(COUNT)) || status=1; \
	done; exit $$status

# One lab's tests, its verdicts labelled with its name (for make check).
$(addprefix check-,$(LABS)): check-%:
	@$(MAKE) --no-print-directory -C $* check CHECK_LABEL=$*

.PHONY: $(addprefix check-,$(LABS))

# Writes autograder-$(LAB).zip, a Gradescope autograder bundle for
# one lab (utils/autograder/make-bundle); LAB is required.
autograder:
	@if [ -z "$(LAB)" ]; then \
	  echo "make autograder: say which lab, e.g. make autograder LAB=hv (labs: $(LABS))" >&2; \
	  exit 2; \
	fi
	@perl utils/autograder/make-bundle --lab '$(LAB)' -o 'autograder-$(LAB).zip' \
	  $(if $(TIME_LIMIT),-T '$(TIME_LIMIT)') $(if $(TEST_JOBS),--test-jobs '$(TEST_JOBS)') \
	  $(if $(VISIBILITY),--visibility '$(VISIBILITY)')

.PHONY: all check check-harness check-batch grade clean demo fuzz autograder
