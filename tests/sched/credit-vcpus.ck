# -*- perl -*-
# A VM's share is split among its VCPUs: a 2-VCPU VM and a 1-VCPU VM of
# equal weight each get 50% within 2 points, and the 2-VCPU VM's
# VCPU 0 half of that VM's time within 5 points.
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;

credit_start ('credit-vcpus');
credit_near ("the 2-VCPU VM's share",
             credit_figure ('2 VCPUs against 1: vm 1 share'), 50, 2);
credit_near ("the 1-VCPU VM's share",
             credit_figure ('2 VCPUs against 1: vm 2 share'), 50, 2);
credit_near ("VCPU 0's part of its VM's time",
             credit_figure ('vm 1: vcpu 0 has'), 50, 5);
credit_done ();
