#!/usr/bin/env bash
# Make sure PostgreSQL (127.0.0.1:5432, role "root" with trust auth), Redis
# (127.0.0.1:6379) and MariaDB (127.0.0.1:3306, user root without password: the NukeViet
# import test builds its source database there) answer. On the project's machines they
# already run; on a fresh Debian machine this installs and starts them. Used by .ci/run
# and `make bench`.
set -euo pipefail

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

if ! command -v pg_isready >/dev/null || ! pg_up; then
  if ! command -v pg_ctlcluster >/dev/null; then
    echo "ensure-services: installing PostgreSQL"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  if ! $SUDO grep -q "portal-ci trust" "$hba"; then
    # Local, loopback-only trust for the test role, as on the project's machines.
    $SUDO sed -i '1i host all all 127.0.0.1/32 trust # portal-ci trust\nhost all all ::1/128 trust # portal-ci trust' "$hba"
  fi
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start || $SUDO pg_ctlcluster "$version" main restart
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  $SUDO -u postgres psql -qtc "SELECT 1 FROM pg_roles WHERE rolname='root'" | grep -q 1 \
    || $SUDO -u postgres createuser -s root
fi
pg_up || { echo "ensure-services: PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 1; }

if ! redis_up; then
  if ! command -v redis-server >/dev/null; then
    echo "ensure-services: installing Redis"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
  fi
  $SUDO mkdir -p /var/lib/redis /var/log/redis
  $SUDO redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 20); do redis_up && break; sleep 0.5; done
fi
redis_up || echo "ensure-services: Redis does not answer; tests that need it are skipped" >&2

mariadb_up() { mysqladmin --protocol=tcp -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1; }

if ! mariadb_up; then
  if [ ! -x /usr/sbin/mariadbd ]; then
    echo "ensure-services: installing MariaDB"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq mariadb-server >/dev/null
  fi
  $SUDO mkdir -p /run/mysqld
  $SUDO chown mysql:mysql /run/mysqld 2>/dev/null || true
  $SUDO start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- \
    --user=mysql --bind-address=127.0.0.1 --port=3306
  for _ in $(seq 1 30); do mariadb_up && break; sleep 1; done
  # Debian's root authenticates by unix socket; the tests connect over TCP without a
  # password, as on the project's machines (loopback only).
  $SUDO mariadb -u root -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD(''); FLUSH PRIVILEGES;" 2>/dev/null || true
fi
mariadb_up || echo "ensure-services: MariaDB does not answer; the NukeViet import test is skipped" >&2
echo "ensure-services: PostgreSQL, Redis and MariaDB checked"
