insmod hv.ko
vmctl
vmctl frobnicate 1
vmctl run nosuch.bin
vmctl run ticker.bin tdf=500
vmctl run ticker.bin ram=8 weight=300 cap=50 paging=npt
vmctl pause 1
vmctl snapshot 1 snap
vmctl snapshot 1 snap
vmctl clone 1
vmctl kill 2
vmctl resume 1
vmctl list
vmctl stats 1
vmctl set 1 weight=100 cap=0
vmctl list
vmctl kill 1
vmctl restore snap again
vmctl resume 3
vmctl migrate 3
vmctl list
vmctl kill 4
vmctl pause 7
rmmod hv
