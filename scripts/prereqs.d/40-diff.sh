# atoll diff: GitLfsInteropIT makes repositories with the real git and git-lfs.
# scripts/bench/diff-bench.sh: GNU time for wall time and peak RSS, pandas as a peer, npm to
# install daff (into /var/cache/atoll/npm, by the bench script itself). npm only when missing:
# a Node.js from elsewhere (e.g. NodeSource) ships its own npm and conflicts with Debian's.
apt_install git git-lfs
apt_install time python3 python3-pandas
command -v npm >/dev/null || apt_install npm
