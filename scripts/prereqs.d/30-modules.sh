# Code modules and data repositories (docs/modules.md, docs/repositories.md):
# - docker.io: the Docker engine the publish ITs start themselves (dockerd, vfs driver, no bridge);
# - docker-registry: the OCI registry the ITs push module images to, on loopback;
# - debootstrap: builds the Python base image once (no image can be pulled here), cached in
#   /var/cache/atoll/docker;
# - git-lfs: the interop tests check that files Atoll writes read in git-lfs and vice versa;
# - python3: runs the Python helper's test and the module entry points;
# - openssl, time: the LFS hashing benchmark (scripts/bench/lfs-hash-bench.sh).
apt_install docker.io docker-registry debootstrap git-lfs python3 openssl time
