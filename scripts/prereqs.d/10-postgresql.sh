# PostgreSQL server binaries: the tests start their own server in a temp dir (PostgresServer).
apt_install postgresql
